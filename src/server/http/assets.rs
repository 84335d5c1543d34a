//! The built bundle's file names and the service worker that caches them.
//!
//! cargo-leptos puts a content hash in each bundle file name and lists the hashes in `hash.txt` beside the
//! binary. The service worker is generated from those names, so a new build is a new worker with a new cache,
//! and the old cache is dropped when it activates.

use std::path::PathBuf;

use axum::extract::State;
use axum::response::IntoResponse;
use http::header::CONTENT_TYPE;
use leptos::prelude::LeptosOptions;

use crate::server::state::AppState;

/// The names of the JS, WASM and CSS files under `/pkg`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetNames {
    pub js: String,
    pub wasm: String,
    pub css: String,
}

/// Where cargo-leptos writes the hash list: beside the running binary.
pub fn hash_file_path(options: &LeptosOptions) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join(options.hash_file.as_ref()))
}

impl AssetNames {
    pub fn load(options: &LeptosOptions) -> Self {
        let hashes = if options.hash_files {
            hash_file_path(options).and_then(|path| std::fs::read_to_string(path).ok()).unwrap_or_default()
        } else {
            String::new()
        };
        Self::from_hash_list(&options.output_name, &hashes)
    }

    /// Parses `js: <hash>` lines; a file without a hash keeps its plain name.
    pub fn from_hash_list(output_name: &str, hashes: &str) -> Self {
        let hash_of = |kind: &str| {
            hashes
                .lines()
                .filter_map(|line| line.split_once(':'))
                .find(|(k, _)| k.trim() == kind)
                .map(|(_, h)| h.trim().to_owned())
        };
        let name = |kind: &str, ext: &str| match hash_of(kind) {
            Some(hash) => format!("{output_name}.{hash}.{ext}"),
            None => format!("{output_name}.{ext}"),
        };
        AssetNames { js: name("js", "js"), wasm: name("wasm", "wasm"), css: name("css", "css") }
    }

    /// A short version tag that changes whenever any bundle file changes (FNV-1a over the names, which carry
    /// the content hashes), plus the crate version for builds without hashes.
    pub fn version(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in [self.js.as_str(), self.wasm.as_str(), self.css.as_str(), env!("CARGO_PKG_VERSION")]
            .concat()
            .bytes()
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{hash:016x}")
    }
}

const SERVICE_WORKER_TEMPLATE: &str = include_str!("service_worker.js");

pub async fn service_worker(State(state): State<AppState>) -> impl IntoResponse {
    let pkg = format!("/{}", state.leptos_options.site_pkg_dir);
    let assets = &state.assets;
    let body = SERVICE_WORKER_TEMPLATE
        .replace("__VERSION__", &assets.version())
        .replace("__JS__", &format!("{pkg}/{}", assets.js))
        .replace("__WASM__", &format!("{pkg}/{}", assets.wasm))
        .replace("__CSS__", &format!("{pkg}/{}", assets.css));
    ([(CONTENT_TYPE, "text/javascript; charset=utf-8")], body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_come_from_the_hash_list() {
        let names = AssetNames::from_hash_list("campus", "js: abc\nwasm: def\ncss: 123\n");
        assert_eq!(
            names,
            AssetNames {
                js: "campus.abc.js".into(),
                wasm: "campus.def.wasm".into(),
                css: "campus.123.css".into()
            }
        );
    }

    #[test]
    fn the_version_changes_with_any_file() {
        let a = AssetNames::from_hash_list("campus", "js: abc\nwasm: def\ncss: 123\n");
        let b = AssetNames::from_hash_list("campus", "js: abc\nwasm: deg\ncss: 123\n");
        assert_ne!(a.version(), b.version());
        assert_eq!(a.version(), a.clone().version());
    }
}
