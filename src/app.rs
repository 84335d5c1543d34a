//! The app: its contexts and routes (the document around it is `server::http::document`).

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::components::live::provide_live_notifications;
use crate::components::tab_bar::TabBar;
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
    not_found::NotFound,
    notifications::NotificationsPage,
    post::PostPage,
    professors::{ProfessorPage, ProfessorsPage},
    signup::SignupPage,
    student_timetable::StudentTimetablePage,
    timetable::TimetablePage,
    write::WritePage,
};
use crate::session::provide_session;
use crate::text;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_session();
    provide_live_notifications();
    // Effects run only in the browser; once hydration has finished, the marker tells tests (and CSS) the app
    // is live.
    Effect::new(|| {
        if !crate::hydration::hydrated() {
            return;
        }
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "");
        }
    });

    // Every route renders fully on the server before it is sent (SsrMode::Async), so the first paint already
    // knows who is logged in and is usable before the bundle arrives.
    view! {
        <Title formatter=|title: String| {
            let title =
                if title.is_empty() { text::app::NAME.to_owned() } else { format!("{title} - {}", text::app::NAME) };
            // leptos_meta writes the server-rendered <title> unescaped (see `escaped_on_server`).
            crate::components::escaped_on_server(title)
        } />
        <Router>
            <div class="app">
                <main class="page">
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                        <Route path=path!("/signup") view=SignupPage ssr=SsrMode::Async />
                        <Route path=path!("/me") view=MePage ssr=SsrMode::Async />
                        <Route path=path!("/boards") view=BoardsPage ssr=SsrMode::Async />
                        <Route path=path!("/boards/:id") view=BoardPage ssr=SsrMode::Async />
                        <Route path=path!("/boards/:id/write") view=WritePage ssr=SsrMode::Async />
                        <Route path=path!("/posts/:id") view=PostPage ssr=SsrMode::Async />
                        <Route path=path!("/posts/:id/edit") view=EditPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/reports") view=ModerationPage ssr=SsrMode::Async />
                        <Route path=path!("/lists/:kind") view=ListPage ssr=SsrMode::Async />
                        <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async />
                        <Route path=path!("/timetable") view=TimetablePage ssr=SsrMode::Async />
                        <Route path=path!("/users/:username/timetable") view=StudentTimetablePage ssr=SsrMode::Async />
                        <Route path=path!("/courses/:id") view=CoursePage ssr=SsrMode::Async />
                        <Route path=path!("/professors") view=ProfessorsPage ssr=SsrMode::Async />
                        <Route path=path!("/professors/:name") view=ProfessorPage ssr=SsrMode::Async />
                        <Route path=path!("/friends") view=FriendsPage ssr=SsrMode::Async />
                        <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async />
                        <Route path=path!("/messages") view=MessagesPage ssr=SsrMode::Async />
                        <Route path=path!("/messages/new") view=NewMessagePage ssr=SsrMode::Async />
                        <Route path=path!("/messages/:id") view=ConversationPage ssr=SsrMode::Async />
                    </Routes>
                </main>
                <TabBar />
            </div>
        </Router>
    }
}
