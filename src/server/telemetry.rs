//! Structured logs with `tracing`, on standard error (standard output is for what commands print).
//! `RUST_LOG` picks the level (default: info for Campus, warn elsewhere).

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber once; later calls (from tests) are ignored.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("campus=info,tower_http=info,warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .try_init();
}
