//! 공유: the open timetable's link and image. The link (`/timetables/:id`) is in sight and selectable, and
//! 링크 보내기 hands it to the phone's share sheet where the browser has one (`navigator.share`), or else
//! copies it, and says which. Under it, one line says who can open the link as the timetable is shared now,
//! next to the 공개 범위 choice that changes it; 이미지로 저장 downloads the image.
//!
//! The page behind the link applies the same visibility as the friend view, so the sheet promises nothing the
//! server would not keep: a 비공개 timetable's link opens for its owner only.

use leptos::html;
use leptos::prelude::*;

use super::settings_sheet::VisibilityChoice;
use super::{Screen, SHARE_BUTTON};
use crate::components::sheet::Sheet;
use crate::model::timetable::TimetableSummary;
use crate::pages::linked_timetable::image_url;
use crate::text::timetable as t;

/// What became of 링크 보내기.
// The server build never sends anything (a sheet exists only in the browser).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Sent {
    Shared,
    Copied,
    /// The student closed the share sheet: nothing to say.
    Cancelled,
    /// Neither way worked: the link is selected for the student to copy.
    Failed,
}

#[component]
pub(super) fn ShareSheet(timetable: TimetableSummary, screen: Screen) -> impl IntoView {
    let id = timetable.id;
    let shown_to = RwSignal::new(timetable.visibility);
    let link = format!("{}/timetables/{id}", origin());
    let field = NodeRef::<html::Input>::new();
    let sent = RwSignal::new(None::<Sent>);
    let send = {
        let (link, title) = (link.clone(), timetable.name.clone());
        move |_| {
            let (link, title) = (link.clone(), title.clone());
            leptos::task::spawn_local(async move {
                let outcome = share_or_copy(&link, &title).await;
                if outcome == Sent::Failed {
                    if let Some(field) = field.get_untracked() {
                        field.select();
                    }
                }
                sent.set(Some(outcome));
            });
        }
    };
    let status = move || match sent.get() {
        Some(Sent::Shared) => t::LINK_SHARED,
        Some(Sent::Copied) => t::LINK_COPIED,
        Some(Sent::Failed) => t::LINK_NOT_COPIED,
        Some(Sent::Cancelled) | None => "",
    };
    view! {
        <Sheet
            title=t::SHARE_TITLE
            heading_id="share-sheet-title"
            on_close=Callback::new(move |_| screen.close())
            test_id="share-sheet"
            return_focus=SHARE_BUTTON
        >
            <div class="sheet-scroll">
                <section class="sheet-section">
                    <h3><label for="share-link">{t::SHARE_LINK}</label></h3>
                    <div class="inline-form">
                        <input
                            id="share-link"
                            node_ref=field
                            readonly
                            value=link
                            on:focus=move |_| {
                                if let Some(field) = field.get_untracked() {
                                    field.select();
                                }
                            }
                        />
                        <button type="button" class="button primary small" on:click=send>{t::SHARE_ACTION}</button>
                    </div>
                    <p class="form-note" role="status" data-testid="share-status">{status}</p>
                </section>
                <VisibilityChoice
                    timetable_id=id
                    shown_to
                    screen
                    hint=Signal::derive(move || shown_to.get().link_audience())
                />
                <section class="sheet-section">
                    // A download, not a page: the router leaves a link with `download` to the browser.
                    <a href=image_url(id, true) download="" rel="external" class="button small" data-testid="save-image">
                        {t::SAVE_IMAGE}
                    </a>
                </section>
            </div>
        </Sheet>
    }
    .into_any()
}

/// The site's origin, for a link that works outside the app (a sheet exists only in the browser).
fn origin() -> String {
    #[cfg(feature = "hydrate")]
    return window().location().origin().unwrap_or_default();
    #[cfg(not(feature = "hydrate"))]
    String::new()
}

/// Hands the link to the system's share sheet if the browser has one, or else copies it to the clipboard.
async fn share_or_copy(link: &str, title: &str) -> Sent {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        use wasm_bindgen_futures::JsFuture;
        use web_sys::js_sys::{Function, Object, Promise, Reflect};

        /// Calls `target[name](argument)` if it is a function and awaits the promise it returns.
        async fn call(target: &JsValue, name: &str, argument: &JsValue) -> Option<Result<JsValue, JsValue>> {
            let function =
                Reflect::get(target, &JsValue::from_str(name)).ok()?.dyn_into::<Function>().ok()?;
            let promise = match function.call1(target, argument) {
                Ok(returned) => returned.dyn_into::<Promise>().ok()?,
                Err(error) => return Some(Err(error)),
            };
            Some(JsFuture::from(promise).await)
        }

        let navigator = JsValue::from(window().navigator());
        let data = Object::new();
        let _ = Reflect::set(&data, &JsValue::from_str("title"), &JsValue::from_str(title));
        let _ = Reflect::set(&data, &JsValue::from_str("url"), &JsValue::from_str(link));
        match call(&navigator, "share", &data).await {
            Some(Ok(_)) => return Sent::Shared,
            // The student closed the share sheet: that is their answer, not a failure to copy instead.
            Some(Err(error))
                if Reflect::get(&error, &JsValue::from_str("name"))
                    .ok()
                    .and_then(|n| n.as_string())
                    .as_deref()
                    == Some("AbortError") =>
            {
                return Sent::Cancelled;
            }
            Some(Err(_)) | None => {}
        }
        let clipboard =
            Reflect::get(&navigator, &JsValue::from_str("clipboard")).unwrap_or(JsValue::UNDEFINED);
        match call(&clipboard, "writeText", &JsValue::from_str(link)).await {
            Some(Ok(_)) => Sent::Copied,
            Some(Err(_)) | None => Sent::Failed,
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (link, title);
        Sent::Failed
    }
}
