//! The pages as lazily loaded routes (leptos_router's `LazyRoute`), in three groups.
//!
//! Built with `cargo leptos build --split`, each group's code becomes a wasm chunk: a first load downloads
//! the shell (the router, the tab bar, the session, the shared components) and the chunks of its page's
//! group, which the server names as preloads in the response (`server::http::preload_chunks_of`). Once the
//! page has hydrated and the browser is idle, [`prefetch_all`] fetches the other groups, so a later
//! navigation never waits for a chunk; the service worker keeps them for offline use. Every build needs
//! `--split`, debug builds too: without it the bundle keeps the splitter's placeholder imports and never
//! hydrates.
//!
//! Pages are grouped by what a student does together, not one chunk each: a chunk per page made 466 files
//! (75–235 per page), as the pages share much code that the splitter cuts into small shared chunks. Three
//! groups keep a first load to a handful of files:
//! - community: boards, posts (with their confirmation pages), lists and search, and moderation;
//! - timetables: a student's and a friend's timetable, one opened by its link, courses with their reviews,
//!   강의평, professors, and the 학점계산기 (reached from the timetable);
//! - people: logging in and signing up, 내 정보, friends, 알림 and 쪽지.
//!
//! The home is apart: a visitor's (the welcome) is in the shell, so the page a newcomer opens first
//! downloads no chunk, and a student's is a chunk of its own, [`student_home`] (see [`Home`]).
//!
//! A page loads its own data inside its component (its resources), so a route's `data` is empty.

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::pages::home::{HomeFeed, StudentHome};
use crate::pages::{
    board::BoardPage,
    boards::BoardsPage,
    confirm::{DeleteConfirmPage, LikeConfirmPage},
    course::CoursePage,
    edit::EditPage,
    friends::FriendsPage,
    gpa::GpaPage,
    home::HomePage,
    linked_timetable::LinkedTimetablePage,
    list::{ListPage, SearchPage},
    login::LoginPage,
    me::MePage,
    messages::{ConversationPage, MessagesPage, NewMessagePage},
    moderation::ModerationPage,
    notifications::NotificationsPage,
    post::PostPage,
    professors::{ProfessorPage, ProfessorsPage},
    reviews::ReviewsPage,
    signup::SignupPage,
    student_timetable::StudentTimetablePage,
    timetable::TimetablePage,
    write::WritePage,
};

/// Declares a group: an enum of its pages, the lazily loaded function that renders one (its chunk), and a
/// lazy route per page that renders through it. `$preload` is the preload function `#[lazy]` derives from
/// `$chunk`'s name (`__preload_<name>`).
macro_rules! page_group {
    (
        $(#[$doc:meta])*
        $chunk:ident, $preload:ident, $group:ident { $($route:ident => $page:ident),* $(,)? }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        enum $group {
            $($route),*
        }

        #[leptos::lazy]
        fn $chunk(page: $group) -> AnyView {
            #[cfg(feature = "ssr")]
            crate::server::http::preload_chunks_of(stringify!($chunk));
            match page {
                $($group::$route => view! { <$page /> }.into_any()),*
            }
        }

        $(
            #[doc = concat!("The lazily loaded route of [`", stringify!($page), "`].")]
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_route: Self) -> AnyView {
                    $chunk($group::$route).await
                }

                async fn preload() {
                    #[cfg(feature = "hydrate")]
                    $preload().await;
                }
            }
        )*
    };
}

page_group! {
    /// The community's pages.
    community, __preload_community, CommunityPage {
        Boards => BoardsPage,
        Board => BoardPage,
        Write => WritePage,
        Post => PostPage,
        Edit => EditPage,
        LikeConfirm => LikeConfirmPage,
        DeleteConfirm => DeleteConfirmPage,
        List => ListPage,
        Search => SearchPage,
        Moderation => ModerationPage,
    }
}

page_group! {
    /// The timetable and catalogue pages.
    timetables, __preload_timetables, TimetablesPage {
        Timetable => TimetablePage,
        StudentTimetable => StudentTimetablePage,
        LinkedTimetable => LinkedTimetablePage,
        Course => CoursePage,
        Professors => ProfessorsPage,
        Professor => ProfessorPage,
        Reviews => ReviewsPage,
        Gpa => GpaPage,
    }
}

page_group! {
    /// The account and people pages.
    people, __preload_people, PeoplePage {
        Login => LoginPage,
        Signup => SignupPage,
        Me => MePage,
        Friends => FriendsPage,
        Notifications => NotificationsPage,
        Messages => MessagesPage,
        NewMessage => NewMessagePage,
        Conversation => ConversationPage,
    }
}

/// The student's home, in its own chunk (the welcome of a visitor's home is in the shell).
#[leptos::lazy]
pub fn student_home(me: crate::model::Me, feed: HomeFeed) -> AnyView {
    #[cfg(feature = "ssr")]
    crate::server::http::preload_chunks_of("student_home");
    view! { <StudentHome me feed /> }.into_any()
}

/// The route of the home ([`HomePage`]): whether it needs [`student_home`]'s chunk depends on who asks.
pub struct Home;

impl LazyRoute for Home {
    fn data() -> Self {
        Home
    }

    async fn view(_route: Self) -> AnyView {
        view! { <HomePage /> }.into_any()
    }

    /// The router loads a route's code before it renders it, and on the first load before it hydrates it:
    /// a student's home must find its chunk loaded then (its Suspend, still waiting for the code, would
    /// hydrate as nothing and fail). A visitor's needs none. Only the login known now counts: waiting for a
    /// session still loading would hold the navigation up (a log-out's way home lost to the page it left,
    /// which sent the new visitor to the log-in page). Otherwise the home loads the chunk when it needs it.
    async fn preload() {
        let student = use_context::<crate::session::Session>()
            .is_some_and(|session| session.user.with_untracked(|user| matches!(user, Some(Ok(Some(_))))));
        if student {
            load_student_home().await;
        }
    }
}

/// Fetches (and compiles) [`student_home`]'s chunk; does nothing on the server or when it is loaded.
async fn load_student_home() {
    #[cfg(feature = "hydrate")]
    __preload_student_home().await;
}

/// Fetches (and compiles) every group's chunk once the browser is idle: the preload of any one route of a
/// group loads the whole group. A chunk already loaded is not fetched again; in an unsplit build this does
/// nothing.
pub fn prefetch_all() {
    request_idle_callback(|| {
        leptos::task::spawn_local(load_student_home());
        leptos::task::spawn_local(<Boards as LazyRoute>::preload());
        leptos::task::spawn_local(<Timetable as LazyRoute>::preload());
        leptos::task::spawn_local(<Login as LazyRoute>::preload());
    });
}
