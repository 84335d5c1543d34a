//! The built bundle: its file names (which the service worker caches), and its precompressed copies.
//!
//! cargo-leptos puts a content hash in each bundle file name and lists the hashes in `hash.txt` beside the
//! binary. The service worker is generated from those names, so a new build is a new worker with a new cache,
//! and the old cache is dropped when it activates.
//!
//! The bundle is served compressed, but never compressed per request: it never changes between builds, so
//! `campus precompress` compresses each file once at the highest quality, beside the file (`.br`, `.gz`),
//! and `/pkg` serves those copies when they are there and the file as it is otherwise (compressing 2.3 MB of
//! wasm on the fly cost each cold load tens of milliseconds of CPU, at a worse ratio). It runs after a
//! release build (scripts/run, bench), and a server that starts with copies missing (after a plain
//! `cargo leptos build --release`, which drops them) runs it once in the background, as a process of its
//! own: done inside the server, the compressor's memory showed up in the server's peak RSS.

use std::collections::{BTreeSet, HashMap};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use leptos::prelude::LeptosOptions;

/// The names of the JS, WASM and CSS files under `/pkg`, and of the page chunks when the bundle is split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetNames {
    pub js: String,
    pub wasm: String,
    pub css: String,
    pub chunks: Chunks,
}

/// The chunks of a bundle built with `cargo leptos build --split` (the page groups of `pages::lazy`); empty
/// for an unsplit bundle (the debug build the tests run without `--split`).
///
/// cargo-leptos writes a manifest of them (`__wasm_split_manifest.<hash>.json`): for each lazily loaded
/// function, the chunk files it needs (its own and any it shares with other pages).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chunks {
    /// The module the app imports chunks through (`__wasm_split.<hash>.js`).
    pub loader: Option<String>,
    /// Each lazy function's name → the chunk files (without `.wasm`) it needs.
    pub needs: HashMap<String, Vec<String>>,
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
        let mut names = Self::from_hash_list(&options.output_name, &hashes);
        let pkg = Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
        // No manifest means an unsplit bundle: one wasm file, no chunks.
        if let Ok(manifest) = std::fs::read_to_string(pkg.join(SplitFile::Manifest.name(&hashes))) {
            match serde_json::from_str(&manifest) {
                Ok(needs) => names.chunks = Chunks { loader: Some(SplitFile::Loader.name(&hashes)), needs },
                Err(error) => tracing::error!(%error, "the chunk manifest is unreadable; pages load unsplit"),
            }
        }
        names
    }

    /// Parses `js: <hash>` lines; a file without a hash keeps its plain name.
    pub fn from_hash_list(output_name: &str, hashes: &str) -> Self {
        let name = |kind: &str, ext: &str| match hash_of(hashes, kind) {
            Some(hash) => format!("{output_name}.{hash}.{ext}"),
            None => format!("{output_name}.{ext}"),
        };
        AssetNames {
            js: name("js", "js"),
            wasm: name("wasm", "wasm"),
            css: name("css", "css"),
            chunks: Chunks::default(),
        }
    }

    /// The JS, WASM and CSS files as URL paths under the site's `pkg_dir` (`/pkg/campus.<hash>.js`, ...).
    pub fn urls(&self, pkg_dir: &str) -> [String; 3] {
        [&self.js, &self.wasm, &self.css].map(|name| format!("/{pkg_dir}/{name}"))
    }

    /// Every chunk file and the loader as URL paths, each once, in a stable order.
    pub fn chunk_urls(&self, pkg_dir: &str) -> Vec<String> {
        let chunks: BTreeSet<String> =
            self.chunks.needs.values().flatten().map(|chunk| format!("/{pkg_dir}/{chunk}.wasm")).collect();
        self.chunks.loader.iter().map(|loader| format!("/{pkg_dir}/{loader}")).chain(chunks).collect()
    }

    /// The chunk files that the lazily loaded function `function` needs, as URL paths. The manifest keys
    /// each function by its name, `_` and a decimal hash of where it is declared (`community_1345…`).
    pub fn chunk_urls_of(&self, function: &str, pkg_dir: &str) -> Vec<String> {
        let names_function = |key: &str| {
            key.strip_prefix(function)
                .and_then(|rest| rest.strip_prefix('_'))
                .is_some_and(|hash| !hash.is_empty() && hash.bytes().all(|byte| byte.is_ascii_digit()))
        };
        self.chunks
            .needs
            .iter()
            .filter(|(key, _)| names_function(key))
            .flat_map(|(_, chunks)| chunks.iter().map(|chunk| format!("/{pkg_dir}/{chunk}.wasm")))
            .collect()
    }

    /// A short version tag that changes whenever any bundle file changes (FNV-1a over the names, which carry
    /// the content hashes; the loader's hash covers the chunks' names), plus the crate version for builds
    /// without hashes.
    pub fn version(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let loader = self.chunks.loader.as_deref().unwrap_or_default();
        for byte in
            [self.js.as_str(), self.wasm.as_str(), self.css.as_str(), loader, env!("CARGO_PKG_VERSION")]
                .concat()
                .bytes()
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{hash:016x}")
    }
}

/// The hash of one kind of file in cargo-leptos' hash list.
fn hash_of(hashes: &str, kind: &str) -> Option<String> {
    hashes
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(k, _)| k.trim() == kind)
        .map(|(_, h)| h.trim().to_owned())
}

/// The two files cargo-leptos writes for a split bundle beside the output, named apart from it.
#[derive(Clone, Copy)]
enum SplitFile {
    /// The module the app imports chunks through.
    Loader,
    /// Which chunks each lazy function needs (read by the server only).
    Manifest,
}

impl SplitFile {
    /// The file's name, with the hash from the hash list in the middle when cargo-leptos hashes file names.
    fn name(self, hashes: &str) -> String {
        let (kind, stem, ext, unhashed) = match self {
            SplitFile::Loader => ("split", "__wasm_split", "js", "__wasm_split.______________________.js"),
            SplitFile::Manifest => {
                ("manifest", "__wasm_split_manifest", "json", "__wasm_split_manifest.json")
            }
        };
        match hash_of(hashes, kind) {
            Some(hash) => format!("{stem}.{hash}.{ext}"),
            None => unhashed.to_owned(),
        }
    }
}

/// Writes `<file>.br` and `<file>.gz` beside every JS, WASM and CSS file of `pkg_dir` that lacks a fresh
/// copy. Each copy is written beside its target first and renamed into place when complete, so a server
/// never serves half a file.
pub fn precompress(pkg_dir: &Path) -> std::io::Result<usize> {
    let mut written = 0;
    for entry in std::fs::read_dir(pkg_dir)? {
        let path = entry?.path();
        if !is_bundle_file(&path) {
            continue;
        }
        let modified = std::fs::metadata(&path)?.modified()?;
        for (suffix, compress) in
            [("br", compress_brotli as fn(&[u8]) -> std::io::Result<Vec<u8>>), ("gz", compress_gzip)]
        {
            let target = PathBuf::from(format!("{}.{suffix}", path.display()));
            let fresh = std::fs::metadata(&target).and_then(|m| m.modified()).is_ok_and(|t| t >= modified);
            if fresh {
                continue;
            }
            let partial = PathBuf::from(format!("{}.{suffix}.partial", path.display()));
            std::fs::write(&partial, compress(&std::fs::read(&path)?)?)?;
            std::fs::rename(&partial, &target)?;
            written += 1;
        }
    }
    Ok(written)
}

/// Whether a JS, WASM or CSS file of `pkg_dir` lacks a fresh `.br` or `.gz` copy.
pub fn copies_missing(pkg_dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(pkg_dir) else { return false };
    entries.filter_map(Result::ok).map(|entry| entry.path()).filter(|path| is_bundle_file(path)).any(|path| {
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        ["br", "gz"].iter().any(|suffix| {
            let copy = std::fs::metadata(format!("{}.{suffix}", path.display())).and_then(|m| m.modified());
            !matches!((copy, modified), (Ok(copy), Some(file)) if copy >= file)
        })
    })
}

/// Starts `campus precompress` in a process of its own when the bundle lacks copies, and lets it run while
/// the server serves the plain files meanwhile. Returns whether it started one.
pub fn precompress_in_background(site_root: &str) -> bool {
    let pkg = Path::new(site_root).join("pkg");
    if !copies_missing(&pkg) {
        return false;
    }
    let child = std::env::current_exe().and_then(|exe| {
        std::process::Command::new(exe)
            .arg("precompress")
            .env("LEPTOS_SITE_ROOT", site_root)
            .stdin(std::process::Stdio::null())
            .spawn()
    });
    match child {
        Ok(mut child) => {
            tracing::info!(pkg = %pkg.display(), "bundle copies missing: precompressing in the background");
            // Reaped on a blocking thread, so the finished process does not linger as a zombie.
            tokio::task::spawn_blocking(move || match child.wait() {
                Ok(status) if status.success() => tracing::info!("precompressed copies written"),
                Ok(status) => tracing::warn!(%status, "precompression failed; the bundle is served as it is"),
                Err(error) => tracing::warn!(%error, "precompression could not be awaited"),
            });
            true
        }
        Err(error) => {
            tracing::warn!(%error, "could not start precompression; the bundle is served as it is");
            false
        }
    }
}

fn is_bundle_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| ["js", "wasm", "css"].contains(&e))
}

fn compress_brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

fn compress_gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precompressed_copies_decompress_to_the_file_and_are_made_once() {
        let dir = std::env::temp_dir().join(format!("campus-precompress-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let wasm = "(module) ".repeat(5000);
        std::fs::write(dir.join("campus.abc.wasm"), &wasm).expect("write");
        std::fs::write(dir.join("notes.txt"), "not part of the bundle").expect("write");

        assert!(copies_missing(&dir));
        assert_eq!(precompress(&dir).expect("precompress"), 2);
        assert!(!copies_missing(&dir));
        let mut unpacked = Vec::new();
        let br = std::fs::read(dir.join("campus.abc.wasm.br")).expect("br");
        brotli::BrotliDecompress(&mut &br[..], &mut unpacked).expect("brotli");
        assert_eq!(unpacked, wasm.as_bytes());
        let gz = std::fs::read(dir.join("campus.abc.wasm.gz")).expect("gz");
        let mut unpacked = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut unpacked)
            .expect("gzip");
        assert_eq!(unpacked, wasm);
        assert!(br.len() < wasm.len() / 10);
        assert!(!dir.join("notes.txt.br").exists());

        assert_eq!(precompress(&dir).expect("again"), 0, "fresh copies are kept");
        std::fs::remove_dir_all(&dir).expect("clean up");
    }

    #[test]
    fn hashed_names_come_from_the_hash_list() {
        let names = AssetNames::from_hash_list("campus", "js: abc\nwasm: def\ncss: 123\n");
        assert_eq!(
            names,
            AssetNames {
                js: "campus.abc.js".into(),
                wasm: "campus.def.wasm".into(),
                css: "campus.123.css".into(),
                chunks: Chunks::default(),
            }
        );
    }

    #[test]
    fn a_split_bundle_names_each_chunk_once_after_its_loader_and_each_functions_chunks() {
        let mut names = AssetNames::from_hash_list("campus", "js: abc\nwasm: def\ncss: 123\nsplit: xyz\n");
        assert!(names.chunk_urls("pkg").is_empty(), "an unsplit bundle has no chunks");
        assert!(names.chunk_urls_of("board", "pkg").is_empty());
        names.chunks = Chunks {
            loader: Some(SplitFile::Loader.name("split: xyz\n")),
            needs: serde_json::from_str(
                r#"{"board_1": ["board_1.h1", "shared0.h2"], "post_2": ["post_2.h3", "shared0.h2"]}"#,
            )
            .expect("manifest"),
        };
        assert_eq!(
            names.chunk_urls("pkg"),
            [
                "/pkg/__wasm_split.xyz.js",
                "/pkg/board_1.h1.wasm",
                "/pkg/post_2.h3.wasm",
                "/pkg/shared0.h2.wasm"
            ]
        );
        let mut post = names.chunk_urls_of("post", "pkg");
        post.sort();
        assert_eq!(
            post,
            ["/pkg/post_2.h3.wasm", "/pkg/shared0.h2.wasm"],
            "a function's own and shared chunks"
        );
        assert!(names.chunk_urls_of("pos", "pkg").is_empty(), "a name matches whole, not as a prefix");
        assert_eq!(SplitFile::Manifest.name(""), "__wasm_split_manifest.json");
    }

    #[test]
    fn a_functions_chunks_are_found_by_its_whole_name_and_hash() {
        let mut names = AssetNames::from_hash_list("campus", "split: xyz\n");
        names.chunks.needs = serde_json::from_str(
            r#"{"post_2": ["post_2.h1"], "post_office_3": ["post_office_3.h2"], "post_x": ["post_x.h3"]}"#,
        )
        .expect("manifest");
        assert_eq!(names.chunk_urls_of("post", "pkg"), ["/pkg/post_2.h1.wasm"]);
        assert_eq!(names.chunk_urls_of("post_office", "pkg"), ["/pkg/post_office_3.h2.wasm"]);
    }

    #[test]
    fn the_version_changes_with_any_file() {
        let a = AssetNames::from_hash_list("campus", "js: abc\nwasm: def\ncss: 123\n");
        let b = AssetNames::from_hash_list("campus", "js: abc\nwasm: deg\ncss: 123\n");
        assert_ne!(a.version(), b.version());
        assert_eq!(a.version(), a.clone().version());
        let mut split = a.clone();
        split.chunks.loader = Some("__wasm_split.xyz.js".into());
        assert_ne!(a.version(), split.version(), "the loader's hash covers the chunks");
    }
}
