//! The Campus server binary: reads the environment, migrates the database, serves.

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    campus::server::telemetry::init();
    match campus::server::http::run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "Campus could not start");
            eprintln!("Campus could not start: {error}");
            ExitCode::FAILURE
        }
    }
}
