//! One board: newest posts first, 20 at a time, the way to write one, and its ☆ (즐겨찾는 게시판).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::community::board_posts;
use crate::api::home::PinBoard;
use crate::components::pin_toggle::{PinRefusal, PinToggle};
use crate::components::post_feed::PostFeed;
use crate::components::require_login::StudentLoaded;
use crate::error::AppError;
use crate::model::community::{BoardListing, PostPage};
use crate::pages::params::{query_before, route_id};
use crate::text::community as t;

#[component]
pub fn BoardPage() -> impl IntoView {
    let (board_id, before) = (route_id(), query_before());
    let first_page = Resource::new(move || (board_id(), before()), |(id, before)| board_posts(id, before));
    let more = Action::new(move |cursor: &i64| {
        let (id, cursor) = (board_id(), *cursor);
        async move { board_posts(id, Some(cursor)).await.map(|page| page.page) }
    });
    view! {
        <StudentLoaded resource=first_page let:listing>
            <BoardView listing more />
        </StudentLoaded>
    }
}

#[component]
fn BoardView(listing: BoardListing, more: Action<i64, Result<PostPage, AppError>>) -> impl IntoView {
    let board = listing.board;
    let id = board.id;
    let pin = ServerAction::<PinBoard>::new();
    let pinned = RwSignal::new(listing.pinned);
    Effect::new(move || {
        if let Some(Ok(now_pinned)) = pin.value().get() {
            pinned.set(now_pinned);
        }
    });
    view! {
        <Title text=board.name.clone() />
        <header class="page-header board-header">
            <h1>{board.name.clone()}</h1>
            <PinToggle board_id=id name=board.name.clone() pinned action=pin />
            <a href=format!("/boards/{id}/write") class="button primary small">{t::WRITE}</a>
        </header>
        <PinRefusal action=pin />
        <PostFeed
            first=listing.page
            more
            href=move |next: i64| format!("/boards/{id}?before={next}")
            empty_text=t::NO_POSTS
            in_board=true
        />
    }
}
