//! A bottom sheet: a modal dialog that rises from the bottom of the screen over the page, as a phone app
//! shows a search or a form without leaving the screen under it.
//!
//! It is the browser's own `<dialog>`, opened with `showModal()`: the page behind becomes inert (focus cannot
//! leave the sheet, and assistive technology reads only the sheet), the sheet sits above the tab bar, and
//! Escape closes it. 닫기 and a tap on the backdrop close it too. Focus moves into it when it opens (to its
//! first control, or the one marked `autofocus`) and back to the control that opened it when it closes,
//! however it closes — or, when the page redrew that control meanwhile, to the element named by
//! `return_focus`.
//!
//! A sheet is opened by a tap, so it exists only in the browser and never in the server-rendered page.
//!
//! What a sheet shows must not read a resource: a resource read registers with the nearest `Suspense`
//! around the sheet (the page's), which then redraws its children, and a `<dialog>` moved in the document
//! stops being modal. Sheets fetch with actions.

use leptos::html;
use leptos::prelude::*;

use crate::text::app as t;

#[component]
pub fn Sheet(
    /// The heading, which also names the dialog.
    #[prop(into)]
    title: String,
    /// The heading's element id (the dialog's `aria-labelledby`); unique on the page.
    heading_id: &'static str,
    /// Called when the student closes the sheet: 닫기, Escape or the backdrop.
    on_close: Callback<()>,
    /// A compact sheet shows only what its content marks to keep, so the page above it can be seen.
    #[prop(optional, into)]
    compact: Signal<bool>,
    /// More classes for the dialog (`sheet-tall`: the sheet takes most of the screen from the start, so it
    /// does not grow as results arrive).
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] test_id: &'static str,
    /// The id of the element to focus on close when the opener is gone from the page.
    #[prop(optional)]
    return_focus: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    // The control that had focus when the sheet opened: the button or block that opened it.
    let opener = StoredValue::new_local(None);
    Effect::new(move || {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                opener.set_value(focus::current());
                let _ = dialog.show_modal();
                #[cfg(feature = "hydrate")]
                focus::autofocus(&dialog);
            }
        }
    });
    on_cleanup(move || focus::restore(opener.try_get_value().flatten(), return_focus));
    let close = move || on_close.run(());
    view! {
        <dialog
            node_ref=dialog
            class=format!("sheet {class}")
            class:compact=move || compact.get()
            aria-modal="true"
            aria-labelledby=heading_id
            data-testid=test_id
            // Escape closes the dialog natively; the page then forgets it.
            on:close=move |_| close()
            // The dialog element itself is hit only outside its content: on the backdrop.
            on:click=move |ev| {
                if ev.target() == ev.current_target() {
                    close();
                }
            }
        >
            <div class="sheet-content">
                <header class="sheet-header">
                    <h2 id=heading_id>{title}</h2>
                    <button type="button" class="chip sheet-close" on:click=move |_| close()>
                        {t::CLOSE}
                    </button>
                </header>
                {children()}
            </div>
        </dialog>
    }
}

/// Remembering and giving back focus, in the browser (a sheet never renders on the server).
mod focus {
    #[cfg(feature = "hydrate")]
    pub type Focused = web_sys::Element;
    #[cfg(not(feature = "hydrate"))]
    pub type Focused = ();

    /// The element that has focus now.
    pub fn current() -> Option<Focused> {
        #[cfg(feature = "hydrate")]
        return leptos::prelude::document().active_element();
        #[cfg(not(feature = "hydrate"))]
        None
    }

    /// Focuses the sheet's control marked `autofocus`, if it has one: the dialog's own focusing passed it
    /// over for the first control (닫기) in Chromium.
    #[cfg(feature = "hydrate")]
    pub fn autofocus(sheet: &web_sys::Element) {
        use wasm_bindgen::JsCast;
        let marked = sheet.query_selector("[autofocus]").ok().flatten();
        if let Some(control) = marked.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = control.focus();
        }
    }

    /// Focuses `opener` if it is still on the page, or else the element whose id is `fallback`. It waits a
    /// frame: the sheet is still open, and the page under it inert, while its owner is cleaned up.
    pub fn restore(opener: Option<Focused>, fallback: Option<&'static str>) {
        #[cfg(feature = "hydrate")]
        leptos::prelude::request_animation_frame(move || {
            use wasm_bindgen::JsCast;
            let opener = opener.filter(|element| element.is_connected());
            let document = leptos::prelude::document();
            let target = opener.or_else(|| fallback.and_then(|id| document.get_element_by_id(id)));
            if let Some(target) = target.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = target.focus();
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (opener, fallback);
    }
}
