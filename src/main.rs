//! The Campus server binary: with no arguments it serves; with an operator command (see
//! `campus::server::operator`) it runs that and exits.

use std::process::ExitCode;

/// mimalloc instead of glibc's malloc. Under glibc every password hash's 19 MiB block raised the mmap
/// threshold and later blocks fragmented the heap (a server grew to 380 MB over 32 sign-ups); with the
/// threshold pinned low instead, each page's compression buffers were mapped and unmapped per request, and
/// the page faults and TLB shootdowns that cost were most of a small page's CPU. mimalloc keeps freed memory
/// for reuse per thread and returns large blocks to the system on its own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
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
