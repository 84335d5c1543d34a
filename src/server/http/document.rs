//! The HTML document around the app, rendered on the server only.
//!
//! Its links to the bundle come from the names read once at start ([`AssetNames`]): Leptos'
//! `HydrationScripts` and `HashedStylesheet` would read `hash.txt` (and resolve the binary's path) again on
//! every request, which cost a few per cent of a page's CPU.
//!
//! [`AssetNames`]: crate::server::bundle::AssetNames

use leptos::nonce::use_nonce;
use leptos::prelude::*;
use leptos_meta::MetaTags;

use crate::app::App;
use crate::server::state::AppState;
use crate::text;

/// The document: head, bundle links, and the app in the body.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="ko">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
                <meta name="theme-color" content="#c62917" />
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

/// The stylesheet, the preloads of the JS and wasm, and the module script that hydrates the page once both
/// have arrived. The inline script carries the request's CSP nonce.
///
/// With a split bundle, the chunk manifest goes into the context, and leptos_axum adds a preload of each
/// chunk the page rendered with once it has rendered, so its chunk downloads beside the main wasm.
#[component]
fn BundleLinks() -> impl IntoView {
    let state = expect_context::<AppState>();
    if let Some(manifest) = &state.split_manifest {
        provide_context(manifest.clone());
    }
    let [js, wasm, css] = state.assets.urls(&state.leptos_options.site_pkg_dir);
    let hydrate = format!(
        "import({js:?}).then((m) => m.default({{ module_or_path: {wasm:?} }}).then(() => m.hydrate()));"
    );
    view! {
        <link rel="stylesheet" id="campus-css" href=css />
        <link rel="modulepreload" href=js crossorigin="" />
        <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin="" />
        <script type="module" nonce=use_nonce()>{hydrate}</script>
    }
}
