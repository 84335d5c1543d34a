//! Writing a post on a board.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::community::{get_board, WritePost};
use crate::components::loaded::Loaded;
use crate::components::require_login::RequireLogin;
use crate::model::community::{Anonymity, Board, POST_BODY_MAX, TITLE_MAX};
use crate::pages::params::route_id;
use crate::text::community as t;

#[component]
pub fn WritePage() -> impl IntoView {
    let board = Resource::new(route_id(), get_board);
    view! {
        <Title text=t::WRITE />
        <RequireLogin let:_me>
            <Loaded resource=board let:board>
                <WriteForm board />
            </Loaded>
        </RequireLogin>
    }
}

#[component]
fn WriteForm(board: Board) -> impl IntoView {
    let action = ServerAction::<WritePost>::new();
    let error = move || action.value().get().and_then(Result::err).map(|e| e.to_string());
    view! {
        <header class="page-header"><h1>{format!("{} · {}", board.name, t::WRITE)}</h1></header>
        <ActionForm action=action attr:class="form write-form">
            <input type="hidden" name="board_id" value=board.id.to_string() />
            <label class="visually-hidden" for="post-title">{t::TITLE}</label>
            <input id="post-title" name="title" placeholder=t::TITLE maxlength=TITLE_MAX.to_string() required />
            <label class="visually-hidden" for="post-body">{t::BODY}</label>
            <textarea id="post-body" name="body" placeholder=t::BODY rows="10" maxlength=POST_BODY_MAX.to_string() required></textarea>
            <div class="checks">
                {(board.anonymity == Anonymity::Allowed).then(|| view! {
                    <label class="check"><input type="checkbox" name="anonymous" />{t::ANONYMOUS_CHECK}</label>
                })}
                <label class="check"><input type="checkbox" name="question" />{t::QUESTION_CHECK}</label>
            </div>
            <p class="hint">{t::QUESTION_NOTICE}</p>
            <p class="form-error" role="alert">{error}</p>
            <button type="submit" class="button primary block" disabled=move || action.pending().get()>{t::POST_BUTTON}</button>
        </ActionForm>
    }
}
