//! Writing a post on a board (the shared fields and header are `components::composer`).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::community::{get_board, WritePost};
use crate::components::composer::{ComposeFields, ComposeHeader, Draft, FORM_ID};
use crate::components::photos::PhotoPicker;
use crate::components::require_login::StudentLoaded;
use crate::model::community::{Anonymity, Board};
use crate::pages::params::route_id;
use crate::text::community as t;

#[component]
pub fn WritePage() -> impl IntoView {
    let board = Resource::new(route_id(), get_board);
    view! {
        <Title text=t::WRITE />
        <StudentLoaded resource=board let:board>
            <WriteForm board />
        </StudentLoaded>
    }
}

/// The form starts 익명 on a board that leaves it to the student, as students expect; the text is kept as a
/// draft per board until the post is sent.
#[component]
fn WriteForm(board: Board) -> impl IntoView {
    let action = ServerAction::<WritePost>::new();
    let error = move || action.value().get().and_then(Result::err).map(|e| e.to_string());
    let draft = Draft {
        key: format!("campus-draft-board-{}", board.id),
        sent: Signal::derive(move || action.input().with(Option::is_some)),
        refused: Signal::derive(move || action.value().with(|v| matches!(v, Some(Err(_))))),
    };
    view! {
        <ComposeHeader
            title=format!("{} · {}", board.name, t::WRITE)
            cancel_href=format!("/boards/{}", board.id)
            pending=action.pending()
        />
        <ActionForm action=action attr:class="form write-form" attr:id=FORM_ID>
            <input type="hidden" name="board_id" value=board.id.to_string() />
            <ComposeFields draft />
            <PhotoPicker />
            <div class="checks">
                {(board.anonymity == Anonymity::Allowed).then(|| view! {
                    <label class="check"><input type="checkbox" name="anonymous" checked />{t::ANONYMOUS_CHECK}</label>
                })}
                <label class="check"><input type="checkbox" name="question" />{t::QUESTION_CHECK}</label>
            </div>
            <p class="hint">{t::QUESTION_NOTICE}</p>
            <p class="form-error" role="alert">{error}</p>
        </ActionForm>
    }
}
