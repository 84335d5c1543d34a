//! 게시판 tab: the school's boards.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::community::list_boards;
use crate::components::loaded::Loaded;
use crate::components::require_login::RequireLogin;
use crate::model::community::ListKind;
use crate::text::community as t;

#[component]
pub fn BoardsPage() -> impl IntoView {
    let boards = Resource::new(|| (), |_| list_boards());
    view! {
        <Title text=t::BOARDS_TITLE />
        <RequireLogin let:me>
            <header class="page-header">
                <p class="school-name">{me.school_name.clone()}</p>
                <h1>{t::BOARDS_TITLE}</h1>
            </header>
            <form class="search-form" method="get" action="/search" role="search">
                <label class="visually-hidden" for="boards-search">{t::SEARCH}</label>
                <input id="boards-search" type="search" name="q" placeholder=t::SEARCH_PLACEHOLDER minlength="2" />
                <button type="submit" class="button small">{t::SEARCH}</button>
            </form>
            <ul class="board-list card virtual-boards">
                {ListKind::BOARDS.iter().map(|kind| view! {
                    <li><A href=format!("/lists/{kind}")><span class="board-name">{kind.title()}</span></A></li>
                }).collect_view()}
            </ul>
            <Loaded resource=boards let:boards>
                <ul class="board-list card">
                    {boards.into_iter().map(|b| view! {
                        <li>
                            <A href=format!("/boards/{}", b.id)>
                                <span class="board-name">{b.name}</span>
                                <span class="board-description">{b.description}</span>
                            </A>
                        </li>
                    }).collect_view()}
                </ul>
            </Loaded>
        </RequireLogin>
    }
}
