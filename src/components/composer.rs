//! The pieces the write and edit screens share: a header with 취소 and 완료 (the form's submit button, at the
//! top where the thumb and eye are, as in the app students know), and the title and body fields with their
//! character counters. A new post's text is kept as a draft in the browser while it is written, so that
//! leaving the screen by mistake loses nothing; it is restored the next time, with a way to start afresh.

use leptos::html;
use leptos::prelude::*;

use crate::model::community::{POST_BODY_MAX, TITLE_MAX};
use crate::text::community as t;

/// The form the header's 완료 submits (`form=` works before the bundle arrives too).
pub const FORM_ID: &str = "post-form";

/// 취소 (back to `cancel_href`), the screen's title, and 완료.
#[component]
pub fn ComposeHeader(
    title: String,
    cancel_href: String,
    #[prop(into)] pending: Signal<bool>,
) -> impl IntoView {
    view! {
        <header class="compose-header">
            <a href=cancel_href class="button small">{t::CANCEL}</a>
            <h1>{title}</h1>
            <button type="submit" form=FORM_ID class="button primary small" disabled=move || pending.get()>
                {t::POST_BUTTON}
            </button>
        </header>
    }
}

/// Where a new post's draft is kept, and what became of the form. The draft lives in the browser's local
/// storage, which log-out clears (`Clear-Site-Data: "storage"`), so a draft never outlives its login.
#[derive(Clone)]
pub struct Draft {
    /// The browser storage key; one draft per board.
    pub key: String,
    /// True from the moment the form is sent: the draft is dropped then.
    pub sent: Signal<bool>,
    /// True when the post was refused: the draft is kept again from the fields, which still hold it.
    pub refused: Signal<bool>,
}

/// The title and body fields, each with a counter of characters against its limit.
#[component]
pub fn ComposeFields(
    #[prop(optional)] title: String,
    /// The body as the page writes it into the textarea (escaped on the server, see `escaped_on_server`);
    /// `body_chars` is its length in characters.
    #[prop(optional)]
    body: String,
    #[prop(optional)] body_chars: usize,
    #[prop(optional)] draft: Option<Draft>,
) -> impl IntoView {
    let (title_chars, set_title_chars) = signal(title.chars().count());
    let (body_count, set_body_count) = signal(body_chars);
    let title_ref = NodeRef::<html::Input>::new();
    let body_ref = NodeRef::<html::Textarea>::new();
    let (restored, set_restored) = signal(false);
    let count = move || {
        set_title_chars.set(title_ref.get_untracked().map_or(0, |i| i.value().chars().count()));
        set_body_count.set(body_ref.get_untracked().map_or(0, |b| b.value().chars().count()));
    };
    let save = {
        let key = draft.as_ref().map(|d| d.key.clone());
        move || {
            if let (Some(key), Some(title), Some(body)) =
                (&key, title_ref.get_untracked(), body_ref.get_untracked())
            {
                storage::save(key, &title.value(), &body.value());
            }
        }
    };
    if let Some(draft) = draft.clone() {
        let save = save.clone();
        let key = draft.key.clone();
        // Runs in the browser only, once the fields exist: an empty form takes the kept draft (once).
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            let (Some(title), Some(body)) = (title_ref.get(), body_ref.get()) else { return false };
            if let Some((kept_title, kept_body)) = storage::load(&key) {
                if title.value().is_empty() && body.value().is_empty() {
                    title.set_value(&kept_title);
                    body.set_value(&kept_body);
                    set_restored.set(true);
                    count();
                }
            }
            true
        });
        let key = draft.key.clone();
        Effect::new(move || {
            if draft.sent.get() {
                storage::clear(&key);
            }
        });
        Effect::new(move || {
            if draft.refused.get() {
                save();
            }
        });
    }
    let key = draft.map(|d| d.key);
    let start_afresh = move |_| {
        if let (Some(key), Some(title), Some(body)) =
            (&key, title_ref.get_untracked(), body_ref.get_untracked())
        {
            storage::clear(key);
            title.set_value("");
            body.set_value("");
            set_restored.set(false);
            count();
        }
    };
    let on_input = move |_| {
        count();
        save();
    };
    view! {
        <Show when=move || restored.get()>
            <p class="draft-note" role="status" data-testid="draft-note">
                <span>{t::DRAFT_RESTORED}</span>
                <button type="button" class="link" on:click=start_afresh.clone()>{t::DRAFT_DISCARD}</button>
            </p>
        </Show>
        <label class="visually-hidden" for="post-title">{t::TITLE}</label>
        <input
            id="post-title"
            name="title"
            node_ref=title_ref
            placeholder=t::TITLE
            value=title
            maxlength=TITLE_MAX.to_string()
            required
            on:input=on_input.clone()
        />
        <p class="counter" aria-live="polite" data-testid="title-counter">{move || format!("{}/{}", title_chars.get(), TITLE_MAX)}</p>
        <label class="visually-hidden" for="post-body">{t::BODY}</label>
        <textarea
            id="post-body"
            name="body"
            node_ref=body_ref
            placeholder=t::BODY
            rows="10"
            maxlength=POST_BODY_MAX.to_string()
            required
            on:input=on_input
        >
            {body}
        </textarea>
        <p class="counter" data-testid="body-counter">{move || format!("{}/{}", body_count.get(), POST_BODY_MAX)}</p>
    }
}

/// The draft in the browser's local storage; on the server there is none.
mod storage {
    #[cfg(feature = "hydrate")]
    fn local() -> Option<web_sys::Storage> {
        leptos::prelude::window().local_storage().ok().flatten()
    }

    /// Keeps the title and body (an empty pair drops the draft).
    pub fn save(key: &str, title: &str, body: &str) {
        #[cfg(feature = "hydrate")]
        if let Some(store) = local() {
            if title.is_empty() && body.is_empty() {
                clear(key);
            } else {
                let _ = store.set_item(&format!("{key}:title"), title);
                let _ = store.set_item(&format!("{key}:body"), body);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (key, title, body);
    }

    pub fn load(key: &str) -> Option<(String, String)> {
        #[cfg(feature = "hydrate")]
        {
            let store = local()?;
            let title = store.get_item(&format!("{key}:title")).ok().flatten().unwrap_or_default();
            let body = store.get_item(&format!("{key}:body")).ok().flatten().unwrap_or_default();
            (!title.is_empty() || !body.is_empty()).then_some((title, body))
        }
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = key;
            None
        }
    }

    pub fn clear(key: &str) {
        #[cfg(feature = "hydrate")]
        if let Some(store) = local() {
            let _ = store.remove_item(&format!("{key}:title"));
            let _ = store.remove_item(&format!("{key}:body"));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = key;
    }
}
