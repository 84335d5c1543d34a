//! The Campus server binary: with no arguments it serves; with an operator command (see
//! `campus::server::operator`) it runs that and exits.

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    keep_large_blocks_out_of_the_heap();
    campus::server::telemetry::init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.is_empty() {
        return match campus::server::operator::run(&args).await {
            Some(Ok(message)) => {
                println!("{message}");
                ExitCode::SUCCESS
            }
            Some(Err(error)) => {
                eprintln!("campus: {error}");
                ExitCode::FAILURE
            }
            None => {
                eprintln!(
                    "usage: campus                          serve (configured by environment variables)"
                );
                eprintln!("       campus admin grant <username>   make a student an admin");
                eprintln!("       campus admin revoke <username>  take the admin role back");
                eprintln!("       campus seed <students> <posts> <comments>  generate benchmark data");
                eprintln!("       campus seed-catalogue <sections>  a catalogue <sections> times larger");
                eprintln!("       campus precompress              .br and .gz copies of the built bundle");
                eprintln!("       campus backup <file>            copy the embedded database, while it runs");
                eprintln!("       campus restore <file>           bring a backup back, while the app runs");
                ExitCode::from(2)
            }
        };
    }
    match campus::server::start::run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "Campus could not start");
            eprintln!("Campus could not start: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Every password hash allocates a 19 MiB block (argon2id). glibc raises its mmap threshold once such a
/// block is freed, and later ones come from the heap, which fragments and does not shrink: a server grew
/// from 29 MB to 380 MB over 32 sign-ups. A fixed threshold keeps large blocks mapped on their own and gives
/// them back to the system when freed (the same 32 sign-ups: 33 MB).
#[allow(unsafe_code, reason = "mallopt is a C function; it only changes an allocator setting")]
fn keep_large_blocks_out_of_the_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes an allocator setting, and glibc makes it safe to call from any thread.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}
