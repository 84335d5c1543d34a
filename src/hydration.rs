//! Whether the browser has finished hydrating the page. Hydration may wait (a page whose code is a chunk of
//! its own hydrates once that chunk has arrived), and whatever changes a view before it finishes, such as
//! the live stream's first event adding the tab bar's badge, makes the view differ from the server's HTML:
//! a hydration error. Work that may change views waits for [`hydrated`].

use leptos::prelude::*;

thread_local! {
    static HYDRATED: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// Whether hydration has finished. Tracked: an effect that reads it runs again when hydration finishes.
pub fn hydrated() -> bool {
    HYDRATED.with(|hydrated| hydrated.get())
}

/// Marks hydration as finished; called once, by the entry point.
pub fn finish() {
    HYDRATED.with(|hydrated| hydrated.set(true));
}
