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

use std::io::Write as _;
use std::path::{Path, PathBuf};

use leptos::prelude::LeptosOptions;

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

    /// The same files as URL paths under the site's `pkg_dir` (`/pkg/campus.<hash>.js`, ...).
    pub fn urls(&self, pkg_dir: &str) -> AssetNames {
        let url = |name: &str| format!("/{pkg_dir}/{name}");
        AssetNames { js: url(&self.js), wasm: url(&self.wasm), css: url(&self.css) }
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
