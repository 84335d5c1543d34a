//! The ☆/★ toggle that pins a board to the student's home (즐겨찾는 게시판), on the board's page and in the
//! 게시판 tab. A plain form: before hydration it posts and the server sends the browser back to the page.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::home::PinBoard;
use crate::text::home as t;

/// The toggle of one board; `pinned` is its state now, and `action` the page's pin action (whose refusal, such
/// as the limit, the page shows with [`PinRefusal`]).
#[component]
pub fn PinToggle(
    board_id: i64,
    name: String,
    #[prop(into)] pinned: Signal<bool>,
    action: ServerAction<PinBoard>,
) -> impl IntoView {
    view! {
        <ActionForm action attr:class="button-form pin-form">
            <input type="hidden" name="board_id" value=board_id.to_string() />
            <input type="hidden" name="pinned" value=move || (!pinned.get()).to_string() />
            <button
                type="submit"
                class="pin-toggle"
                class:pinned=move || pinned.get()
                aria-pressed=move || pinned.get().to_string()
                aria-label=move || format!("{name} {}", if pinned.get() { t::UNPIN } else { t::PIN })
                data-testid="pin-toggle"
            >
                {move || if pinned.get() { "★" } else { "☆" }}
            </button>
        </ActionForm>
    }
}

/// The pin action's refusal (the limit of pins), if its last answer was one.
#[component]
pub fn PinRefusal(action: ServerAction<PinBoard>) -> impl IntoView {
    move || {
        action.value().get().and_then(Result::err).map(|error| {
            view! { <p class="form-error" role="alert">{error.to_string()}</p> }
        })
    }
}
