//! The HTML document around the app, rendered on the server only.
//!
//! Its links to the bundle come from the names read once at start ([`AssetNames`]): Leptos'
//! `HydrationScripts` and `HashedStylesheet` would read `hash.txt` (and resolve the binary's path) again on
//! every request, which cost a few per cent of a page's CPU.
//!
//! [`AssetNames`]: crate::server::bundle::AssetNames

use axum::http::{header, HeaderValue};
use leptos::html::meta;
use leptos::nonce::use_nonce;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use leptos_meta::MetaTags;

use crate::app::App;
use crate::model::codes::Code;
use crate::model::theme::{Theme, THEME_COOKIE};
use crate::server::auth::cookies;
use crate::server::state::AppState;
use crate::text;

/// The browser bar's colour in each theme: the brand red, and the dark theme's card.
const LIGHT_BAR: &str = "#c62917";
const DARK_BAR: &str = "#1e1e1e";

/// The document: head, bundle links, and the app in the body. The theme chosen on this device is rendered
/// here, so the first paint already has it.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let theme = requested_theme();
    view! {
        <!DOCTYPE html>
        <html lang="ko" data-theme=theme.attribute()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
                <BarColour theme />
                <meta name="description" content=text::app::TAGLINE />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="icon" href="/favicon.ico" sizes="any" />
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
                <BundleLinks />
                // Only under `cargo leptos watch` (it sets LEPTOS_WATCH): reloads the page after a rebuild.
                <AutoReload options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The theme this device chose in 내 정보 (its cookie), or the device's own.
pub fn requested_theme() -> Theme {
    use_context::<http::request::Parts>()
        .and_then(|parts| cookies::read(&parts.headers, THEME_COOKIE))
        .and_then(|code| Theme::from_code(&code))
        .unwrap_or(Theme::System)
}

/// `theme-color`: the chosen theme's, or each scheme's for the device to pick.
#[component]
fn BarColour(theme: Theme) -> impl IntoView {
    match theme {
        // `media` is no attribute of the view macro's <meta>: built with the element's builder.
        Theme::System => (
            meta().name("theme-color").attr("media", "(prefers-color-scheme: light)").content(LIGHT_BAR),
            meta().name("theme-color").attr("media", "(prefers-color-scheme: dark)").content(DARK_BAR),
        )
            .into_any(),
        Theme::Light => view! { <meta name="theme-color" content=LIGHT_BAR /> }.into_any(),
        Theme::Dark => view! { <meta name="theme-color" content=DARK_BAR /> }.into_any(),
    }
}

/// The stylesheet, the preloads of the JS and wasm (and of the chunk loader of a split bundle), and the
/// module script that hydrates the page once both have arrived. The inline script carries the request's CSP
/// nonce. The page's own chunks are named by [`preload_chunks_of`].
#[component]
fn BundleLinks() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pkg_dir = &state.leptos_options.site_pkg_dir;
    let [js, wasm, css] = state.assets.urls(pkg_dir);
    let loader = state.assets.chunks.loader.as_ref().map(|loader| format!("/{pkg_dir}/{loader}"));
    let hydrate = format!(
        "import({js:?}).then((m) => m.default({{ module_or_path: {wasm:?} }}).then(() => m.hydrate()));"
    );
    view! {
        <link rel="stylesheet" id="campus-css" href=css />
        <link rel="modulepreload" href=js crossorigin="" />
        <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin="" />
        {loader.map(|loader| view! { <link rel="modulepreload" href=loader crossorigin="" /> })}
        <script type="module" nonce=use_nonce()>{hydrate}</script>
    }
}

/// Names the chunks that the lazily loaded page function `function` needs (`pages::lazy`) as preloads in the
/// response's `Link` header, so that a first load fetches them beside the main bundle and hydration does not
/// wait for them. Does nothing for an unsplit bundle.
///
/// leptos_axum's own chunk preloads are not used: it looks the chunk manifest up outside the request's
/// reactive owner, so it misses it whenever another request ran last on the thread (about 40% of pages
/// under two concurrent requests).
pub fn preload_chunks_of(function: &str) {
    let (Some(state), Some(response)) = (use_context::<AppState>(), use_context::<ResponseOptions>()) else {
        return;
    };
    let Ok(mut parts) = response.0.write() else {
        return;
    };
    for url in state.assets.chunk_urls_of(function, &state.leptos_options.site_pkg_dir) {
        let link = format!("<{url}>; rel=preload; as=fetch; type=\"application/wasm\"; crossorigin");
        // Each link once: a function called inside a Suspense runs once per pass of its render.
        match HeaderValue::from_str(&link) {
            Ok(value) if !parts.headers.get_all(header::LINK).iter().any(|named| *named == value) => {
                parts.headers.append(header::LINK, value);
            }
            _ => {}
        }
    }
}
