//! Photos on posts in the browser: the write screen's picker, which uploads each chosen photo at once and
//! keeps the uploaded ones in the form's `images` field; and a post's strip of photos, which a tap opens in a
//! full-screen viewer to swipe through.
//!
//! Uploading needs the page's code (a file goes to `POST /images` on its own), so the picker appears once the
//! page has hydrated; the rest of the form works before. The strip works without code too: each photo is a
//! link to its full size.

use leptos::html;
use leptos::prelude::*;

use crate::model::images::{ImageLimits, PostImage};
use crate::text::{fill, images as t};

/// The picker: 사진 추가, the uploaded photos as thumbnails with 빼기, and the `images` form field.
#[component]
pub fn PhotoPicker() -> impl IntoView {
    let photos = RwSignal::new(Vec::<PostImage>::new());
    let uploading = RwSignal::new(0usize);
    let error = RwSignal::new(None::<String>);
    let limits = RwSignal::new(ImageLimits::DEFAULT);
    let input = NodeRef::<html::Input>::new();
    Effect::new(move || {
        if crate::hydration::hydrated() {
            leptos::task::spawn_local(async move {
                if let Ok(configured) = crate::api::community::photo_limits().await {
                    limits.set(configured);
                }
            });
        }
    });
    let field =
        move || photos.with(|list| list.iter().map(|p| p.key.id.to_string()).collect::<Vec<_>>().join(","));
    let count = move || {
        let shown = photos.with(Vec::len) + uploading.get();
        fill(t::COUNT, format!("{shown}/{}", limits.get().per_post))
    };
    let full = move || photos.with(Vec::len) + uploading.get() >= limits.get().per_post;
    let on_change = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(element) = input.get() {
            let files: Vec<web_sys::File> = element
                .files()
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            // The same file may be chosen again after a refusal.
            element.set_value("");
            upload::start(files, Uploads { photos, uploading, error, limits: limits.get_untracked() });
        }
    };
    view! {
        <input type="hidden" name="images" prop:value=field />
        {move || crate::hydration::hydrated().then(|| view! {
            <div class="photo-picker" data-testid="photo-picker">
                <ul class="photo-thumbs" aria-label=t::STRIP>
                    <For each=move || photos.get() key=|photo| photo.key.id let:photo>
                        <li class="photo-thumb">
                            <img src=photo.key.thumb_url() alt="" width="72" height="72" />
                            <button
                                type="button"
                                class="photo-remove"
                                aria-label=t::REMOVE
                                on:click=move |_| photos.update(|list| list.retain(|p| p.key.id != photo.key.id))
                            >
                                "×"
                            </button>
                        </li>
                    </For>
                    {move || (0..uploading.get()).map(|_| view! {
                        <li class="photo-thumb uploading" aria-busy="true"><span class="visually-hidden">{t::UPLOADING}</span></li>
                    }).collect_view()}
                </ul>
                <label class="button small photo-add" class:disabled=full>
                    <input
                        node_ref=input
                        type="file"
                        class="visually-hidden"
                        accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
                        multiple
                        disabled=full
                        on:change=on_change
                    />
                    {t::ADD}
                </label>
                <span class="muted small photo-count" aria-live="polite">{count}</span>
                <p class="form-error" role="alert">{move || error.get()}</p>
            </div>
        })}
    }
}

/// What an upload run changes.
#[cfg(feature = "hydrate")]
#[derive(Clone, Copy)]
struct Uploads {
    photos: RwSignal<Vec<PostImage>>,
    uploading: RwSignal<usize>,
    error: RwSignal<Option<String>>,
    limits: ImageLimits,
}

#[cfg(feature = "hydrate")]
mod upload {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    use super::Uploads;
    use crate::error::AppError;
    use crate::model::images::PostImage;
    use crate::text::{fill, images as t};
    use leptos::prelude::*;

    /// Uploads the chosen files one after another (in the order chosen, which is the strip's), refusing at
    /// once what the limits refuse anyway.
    pub fn start(files: Vec<web_sys::File>, run: Uploads) {
        let room = run
            .limits
            .per_post
            .saturating_sub(run.photos.with_untracked(Vec::len) + run.uploading.get_untracked());
        run.error.set(None);
        if files.len() > room {
            run.error.set(Some(fill(t::TOO_MANY, run.limits.per_post)));
        }
        let mut chosen = Vec::new();
        for file in files.into_iter().take(room) {
            if file.size() > run.limits.max_bytes as f64 {
                run.error.set(Some(fill(t::TOO_LARGE_FILE, run.limits.max_megabytes())));
            } else {
                chosen.push(file);
            }
        }
        run.uploading.update(|n| *n += chosen.len());
        leptos::task::spawn_local(async move {
            for file in chosen {
                let sent = send(&file).await;
                run.uploading.update(|n| *n -= 1);
                match sent {
                    Ok(photo) => run.photos.update(|list| list.push(photo)),
                    Err(error) => run.error.set(Some(error.to_string())),
                }
            }
        });
    }

    /// `POST /images` with the file as the body; the server's answer, or its refusal.
    async fn send(file: &web_sys::File) -> Result<PostImage, AppError> {
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(file);
        let window = web_sys::window().ok_or(AppError::Network)?;
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init("/images", &init))
            .await
            .ok()
            .and_then(|value| value.dyn_into().ok())
            .ok_or(AppError::Network)?;
        let text = match response.text() {
            Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_string()).unwrap_or_default(),
            Err(_) => return Err(AppError::Network),
        };
        if response.ok() {
            serde_json::from_str(&text).map_err(|_| AppError::Network)
        } else {
            Err(serde_json::from_str(&text).unwrap_or(AppError::Network))
        }
    }
}

/// A post's photos: a row of thumbnails to swipe, each opening the viewer (or, before the page's code has
/// arrived, the photo itself).
#[component]
pub fn PhotoStrip(photos: Vec<PostImage>) -> impl IntoView {
    if photos.is_empty() {
        return ().into_any();
    }
    let total = photos.len();
    let open_at = RwSignal::new(None::<usize>);
    let strip = photos
        .iter()
        .enumerate()
        .map(|(index, photo)| {
            let label = fill(t::PHOTO, format!("{}/{total}", index + 1));
            view! {
                <li class="photo-strip-item">
                    <a
                        href=photo.key.full_url()
                        aria-label=label
                        on:click=move |ev| {
                            ev.prevent_default();
                            open_at.set(Some(index));
                        }
                    >
                        <img
                            src=photo.key.thumb_url()
                            alt=""
                            width=photo.width.to_string()
                            height=photo.height.to_string()
                            loading="lazy"
                        />
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="photo-strip" class:single=total == 1 aria-label=t::STRIP data-testid="photo-strip">{strip}</ul>
        {move || open_at.get().map(|start| view! {
            <PhotoViewer photos=photos.clone() start on_close=Callback::new(move |()| open_at.set(None)) />
        })}
    }
    .into_any()
}

/// The full-screen viewer: the photos side by side in a track that snaps one photo per swipe, with the
/// count, 이전/다음 for a mouse or keyboard, and 닫기 (Escape closes it too). A modal `<dialog>`, so the
/// page behind is inert while it is open.
#[component]
fn PhotoViewer(photos: Vec<PostImage>, start: usize, on_close: Callback<()>) -> impl IntoView {
    let total = photos.len();
    let dialog = NodeRef::<html::Dialog>::new();
    let track = NodeRef::<html::Div>::new();
    let current = RwSignal::new(start);
    let go = move |index: usize| {
        if let Some(track) = track.get_untracked() {
            track.set_scroll_left(track.client_width() * index as i32);
        }
    };
    Effect::new(move || {
        if let (Some(dialog), Some(_)) = (dialog.get(), track.get()) {
            if !dialog.open() {
                let _ = dialog.show_modal();
                // The track has its width only once the open dialog is laid out.
                request_animation_frame(move || go(start));
            }
        }
    });
    let on_scroll = move |_| {
        if let Some(track) = track.get_untracked() {
            let width = track.client_width().max(1);
            let index = ((track.scroll_left() + width / 2) / width).clamp(0, total as i32 - 1);
            current.set(index as usize);
        }
    };
    let step = move |by: i32| {
        let next = (current.get_untracked() as i32 + by).clamp(0, total as i32 - 1) as usize;
        go(next);
    };
    // The arrow keys step wherever focus is: 다음 hides at the last photo and takes focus with it.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| match ev.key().as_str() {
        "ArrowRight" => step(1),
        "ArrowLeft" => step(-1),
        _ => {}
    });
    on_cleanup(move || keys.remove());
    let slides = photos
        .iter()
        .enumerate()
        .map(|(index, photo)| {
            view! {
                <figure class="photo-slide">
                    <img
                        src=photo.key.full_url()
                        alt=fill(t::PHOTO, format!("{}/{total}", index + 1))
                        width=photo.width.to_string()
                        height=photo.height.to_string()
                        loading=if index == start { "eager" } else { "lazy" }
                    />
                </figure>
            }
        })
        .collect_view();
    view! {
        <dialog
            node_ref=dialog
            class="photo-viewer"
            aria-label=t::VIEWER
            data-testid="photo-viewer"
            on:close=move |_| on_close.run(())
        >
            <div class="photo-track" node_ref=track on:scroll=on_scroll>{slides}</div>
            <p class="photo-position" aria-live="polite">{move || format!("{} / {total}", current.get() + 1)}</p>
            <button type="button" class="photo-close" on:click=move |_| on_close.run(())>{t::CLOSE}</button>
            {(total > 1).then(|| view! {
                <button type="button" class="photo-step previous" aria-label=t::PREVIOUS
                    disabled=move || current.get() == 0 on:click=move |_| step(-1)>"‹"</button>
                <button type="button" class="photo-step next" aria-label=t::NEXT
                    disabled=move || current.get() + 1 == total on:click=move |_| step(1)>"›"</button>
            })}
        </dialog>
    }
}
