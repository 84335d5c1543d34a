//! 게시판 tab: the school's boards, each with its ☆ to pin it to the home (즐겨찾는 게시판).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::community::list_boards;
use crate::api::home::{pinned_boards, PinBoard};
use crate::components::loaded::Loaded;
use crate::components::pin_toggle::{PinRefusal, PinToggle};
use crate::components::require_login::RequireLogin;
use crate::error::AppError;
use crate::model::community::ListKind;
use crate::text::community as t;

#[component]
pub fn BoardsPage() -> impl IntoView {
    let pin = ServerAction::<PinBoard>::new();
    // The boards and which of them are pinned, again after each pin (the list is short and in memory).
    let boards = Resource::new(
        move || pin.version().get(),
        |_| async { Ok::<_, AppError>((list_boards().await?, pinned_boards().await?)) },
    );
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
                    <li><a href=format!("/lists/{kind}")><span class="board-name">{kind.title()}</span></a></li>
                }).collect_view()}
            </ul>
            <PinRefusal action=pin />
            <Loaded resource=boards let:listed>
                <ul class="board-list card">
                    {listed.0.into_iter().map(|b| {
                        let pinned = listed.1.contains(&b.id);
                        let name = b.name.clone();
                        view! {
                            <li class="pinnable">
                                <a href=format!("/boards/{}", b.id)>
                                    <span class="board-name">{b.name.clone()}</span>
                                    <span class="board-description">{b.description}</span>
                                </a>
                                <PinToggle board_id=b.id name pinned action=pin />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Loaded>
        </RequireLogin>
    }
}
