//! The app: its contexts and routes (the document around it is `server::http::document`).

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

use crate::components::live::provide_live_notifications;
use crate::components::side_column::SideColumn;
use crate::components::tab_bar::TabBar;
use crate::pages::lazy;
use crate::pages::not_found::NotFound;
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
        lazy::prefetch_all();
    });

    // Every route renders fully on the server before it is sent (SsrMode::Async), so the first paint already
    // knows who is logged in and is usable before the bundle arrives. Pages load as chunks (`pages::lazy`).
    view! {
        <Title formatter=|title: String| {
            let title =
                if title.is_empty() { text::app::NAME.to_owned() } else { format!("{title} - {}", text::app::NAME) };
            // leptos_meta writes the server-rendered <title> unescaped (see `escaped_on_server`).
            crate::components::escaped_on_server(title)
        } />
        <Router>
            // The menu comes first, as a side navigation does; on a phone the stylesheet pins it to the bottom.
            // On a wide screen the second column follows the page (`style/main.css` lays the three out).
            <div class="app">
                <TabBar />
                <main class="page">
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view={Lazy::<lazy::Home>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/login") view={Lazy::<lazy::Login>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/signup") view={Lazy::<lazy::Signup>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/me") view={Lazy::<lazy::Me>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/boards") view={Lazy::<lazy::Boards>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/boards/:id") view={Lazy::<lazy::Board>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/boards/:id/write") view={Lazy::<lazy::Write>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/posts/:id") view={Lazy::<lazy::Post>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/posts/:id/edit") view={Lazy::<lazy::Edit>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/posts/:id/like") view={Lazy::<lazy::LikeConfirm>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/posts/:id/delete") view={Lazy::<lazy::DeleteConfirm>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/reports") view={Lazy::<lazy::Moderation>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/lists/:kind") view={Lazy::<lazy::List>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/search") view={Lazy::<lazy::Search>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/timetable") view={Lazy::<lazy::Timetable>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/users/:username/timetable") view={Lazy::<lazy::StudentTimetable>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/timetables/:id") view={Lazy::<lazy::LinkedTimetable>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/courses/:id") view={Lazy::<lazy::Course>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/professors") view={Lazy::<lazy::Professors>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/reviews") view={Lazy::<lazy::Reviews>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/professors/:name") view={Lazy::<lazy::Professor>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/friends") view={Lazy::<lazy::Friends>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/notifications") view={Lazy::<lazy::Notifications>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/messages") view={Lazy::<lazy::Messages>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/messages/new") view={Lazy::<lazy::NewMessage>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/messages/:id") view={Lazy::<lazy::Conversation>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/gpa") view={Lazy::<lazy::Gpa>::new()} ssr=SsrMode::Async />
                    </Routes>
                </main>
                <SideColumn />
            </div>
        </Router>
    }
}
