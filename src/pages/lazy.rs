//! Every page as a lazily loaded route (leptos_router's `LazyRoute`).
//!
//! Built with `cargo leptos build --split`, each page's code becomes a wasm chunk of its own: a first load
//! downloads the shell (the router, the tab bar, the session, the shared components) and the chunk of the
//! page it shows, which the server names as a preload in the page's head. Once the page is interactive and
//! the browser is idle, [`prefetch_all`] fetches the other pages' chunks, so a later navigation never waits
//! for one; the service worker keeps them for offline use. Built without `--split` (the tests' debug build,
//! `cargo leptos watch`), the same routes are one bundle.
//!
//! A page loads its own data inside its component (its resources), so a route's `data` is empty: with every
//! chunk prefetched, fetching the data only after the chunk costs nothing a student would notice.

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use crate::pages::{
    board::BoardPage,
    boards::BoardsPage,
    course::CoursePage,
    edit::EditPage,
    friends::FriendsPage,
    home::HomePage,
    list::{ListPage, SearchPage},
    login::LoginPage,
    me::MePage,
    messages::{ConversationPage, MessagesPage, NewMessagePage},
    moderation::ModerationPage,
    notifications::NotificationsPage,
    post::PostPage,
    professors::{ProfessorPage, ProfessorsPage},
    signup::SignupPage,
    student_timetable::StudentTimetablePage,
    timetable::TimetablePage,
    write::WritePage,
};

/// Declares one lazy route per page, and [`prefetch_all`] over all of them.
macro_rules! lazy_pages {
    ($($route:ident => $page:ident),* $(,)?) => {
        $(
            #[doc = concat!("The lazily loaded route of [`", stringify!($page), "`].")]
            pub struct $route;

            #[lazy_route]
            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                fn view(_route: Self) -> AnyView {
                    view! { <$page /> }.into_any()
                }
            }
        )*

        /// Fetches (and compiles) every page's chunk while the browser is idle. A chunk already loaded is
        /// not fetched again.
        pub fn prefetch_all() {
            request_idle_callback(|| {
                $( leptos::task::spawn_local(<$route as LazyRoute>::preload()); )*
            });
        }
    };
}

lazy_pages! {
    Home => HomePage,
    Login => LoginPage,
    Signup => SignupPage,
    Me => MePage,
    Boards => BoardsPage,
    Board => BoardPage,
    Write => WritePage,
    Post => PostPage,
    Edit => EditPage,
    Moderation => ModerationPage,
    List => ListPage,
    Search => SearchPage,
    Timetable => TimetablePage,
    StudentTimetable => StudentTimetablePage,
    Course => CoursePage,
    Professors => ProfessorsPage,
    Professor => ProfessorPage,
    Friends => FriendsPage,
    Notifications => NotificationsPage,
    Messages => MessagesPage,
    NewMessage => NewMessagePage,
    Conversation => ConversationPage,
}
