//! "더 보기" under a paged list: the button that fetches the page after the list's cursor.

use leptos::prelude::*;

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
