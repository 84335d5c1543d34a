//! The bundle as it is served: compressed once, never per request, and the missing copies of a fresh build
//! made once, in the background, by a process of their own.

use std::path::Path;
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::helpers::*;

/// A site folder with a bundle as `cargo leptos build --release` leaves it: no compressed copies.
fn fresh_build() -> std::path::PathBuf {
    let site =
        std::env::temp_dir().join(format!("campus-site-{}-{}", std::process::id(), campus::server::now_ms()));
    std::fs::create_dir_all(site.join("pkg")).expect("pkg folder");
    // Compressible like a real bundle, large enough that compressing it per request would cost real time.
    let wasm: Vec<u8> = (0..2_000_000u32).map(|n| (n % 251) as u8 ^ ((n / 4096) as u8)).collect();
    std::fs::write(site.join("pkg/campus.wasm"), wasm).expect("wasm");
    std::fs::write(site.join("pkg/campus.js"), "export function hydrate() {}\n".repeat(2000)).expect("js");
    site
}

/// The wasm as the server sends it to a phone that accepts brotli: (content-encoding, bytes).
async fn fetch_wasm(app: &TestApp) -> (Option<String>, Vec<u8>) {
    let response = app
        .client
        .get(app.url("/pkg/campus.wasm"))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let encoding = response.headers().get("content-encoding").map(|v| v.to_str().expect("ascii").to_owned());
    (encoding, response.bytes().await.expect("body").to_vec())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_fresh_build_is_precompressed_once_in_the_background_and_never_per_request() {
    let site = fresh_build();
    let database = std::env::temp_dir().join(format!("campus-assets-{}.db", campus::server::now_ms()));
    let server = ServerProcess::start_with(
        &format!("sqlite://{}", database.display()),
        &[("LEPTOS_SITE_ROOT", site.to_str().expect("utf-8 path")), ("CAMPUS_PRECOMPRESS_AT_START", "on")],
    )
    .await;
    let pkg = site.join("pkg");
    let original = std::fs::read(pkg.join("campus.wasm")).expect("wasm");
    let on_disk =
        |suffix: &str| std::fs::read(format!("{}.{suffix}", pkg.join("campus.wasm").display())).ok();

    // Until the copy is there, the file goes out as it is; once it is, exactly the copy goes out.
    let started = Instant::now();
    loop {
        let (encoding, bytes) = fetch_wasm(&server.app).await;
        match encoding.as_deref() {
            None => assert_eq!(bytes, original, "the plain file, whole"),
            Some("br") => {
                assert_eq!(Some(bytes), on_disk("br"), "the copy compressed once, not a fresh compression");
                break;
            }
            Some(other) => panic!("sent as {other}"),
        }
        assert!(started.elapsed() < Duration::from_secs(60), "the copies were not made within a minute");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    while on_disk("gz").is_none() {
        assert!(started.elapsed() < Duration::from_secs(60), "the gzip copy was not made within a minute");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(on_disk("br").expect("br").len() < original.len() / 4);
    // Pages are still compressed per request (they differ every time), with the cheap gzip.
    let page =
        server.app.client.get(server.app.url("/login")).header("accept-encoding", "br, gzip").send().await;
    assert_eq!(
        page.expect("page").headers().get("content-encoding").map(|v| v.as_bytes()),
        Some(&b"gzip"[..])
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&site);
    remove_database_files(&database);
}

/// A test's SQLite file with its WAL and shared-memory companions.
fn remove_database_files(database: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
    }
}
