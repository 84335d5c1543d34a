//! "더 보기" under a paged list: the pages fetched after the first ([`use_next_pages`]) and the button that
//! fetches the next one ([`MoreButton`]).

use std::future::Future;

use leptos::prelude::*;

use crate::error::AppError;

/// A page as the list takes it: its items, and the cursor of the page after it.
pub type Page<T, C> = Result<(Vec<T>, Option<C>), AppError>;

/// The pages a list fetched after its first one: their items, the cursor of the page after them, and the
/// action that fetches it (its value holds the last error).
pub struct NextPages<T: Send + Sync + 'static, C: Send + Sync + 'static> {
    pub items: ReadSignal<Vec<T>>,
    pub cursor: ReadSignal<Option<C>>,
    pub more: Action<C, Page<T, C>>,
}

impl<T: Send + Sync + 'static, C: Send + Sync + 'static> Clone for NextPages<T, C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static, C: Send + Sync + 'static> Copy for NextPages<T, C> {}

impl<T: Clone + Send + Sync + 'static, C: Clone + Send + Sync + 'static> NextPages<T, C> {
    /// Why the last page could not be fetched, if it could not.
    pub fn error(self) -> Option<String> {
        self.more.value().get().and_then(Result::err).map(|error| error.to_string())
    }
}

/// Pages after the first, whose cursor is `first_cursor`; `fetch` reads the page after a cursor as its items
/// and the cursor after them.
pub fn use_next_pages<T, C, F, Fut>(first_cursor: Option<C>, fetch: F) -> NextPages<T, C>
where
    T: Clone + Send + Sync + 'static,
    C: Clone + Send + Sync + 'static,
    F: Fn(C) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Page<T, C>> + Send + 'static,
{
    let more = Action::new(move |cursor: &C| fetch(cursor.clone()));
    let (items, set_items) = signal(Vec::new());
    let (cursor, set_cursor) = signal(first_cursor);
    Effect::new(move || {
        if let Some(Ok((page, next))) = more.value().get() {
            set_items.update(|items| items.extend(page));
            set_cursor.set(next);
        }
    });
    NextPages { items, cursor, more }
}

/// Shown while there is a next page (`cursor`); a tap dispatches `more` with the cursor, and the button
/// reads as busy while that page loads.
#[component]
pub fn MoreButton<C, O>(
    #[prop(into)] cursor: Signal<Option<C>>,
    more: Action<C, O>,
    label: &'static str,
) -> impl IntoView
where
    C: Clone + Send + Sync + 'static,
    O: Send + Sync + 'static,
{
    move || {
        cursor.get().map(|next| {
            view! {
                <button
                    type="button"
                    class="button block more"
                    aria-busy=move || more.pending().get().then_some("true")
                    on:click=move |_| {
                        more.dispatch(next.clone());
                    }
                >
                    {label}
                </button>
            }
        })
    }
}
