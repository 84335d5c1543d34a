//! Operator commands, run from the server binary instead of serving:
//!
//! ```text
//! campus admin grant <username>    make a student an admin (moderates reported content)
//! campus admin revoke <username>   take the role back
//! ```
//! They use the same configuration (`DATABASE_URL`, …) as the server and apply pending migrations first.

use super::config::Config;
use super::db::{users, Db};
use super::http::StartError;

/// Runs the command in `args` (without the program name); `None` when the arguments are not a command.
pub async fn run(args: &[String]) -> Option<Result<String, StartError>> {
    let [area, verb, username] = args else {
        return None;
    };
    let grant = match (area.as_str(), verb.as_str()) {
        ("admin", "grant") => true,
        ("admin", "revoke") => false,
        _ => return None,
    };
    Some(set_admin(username, grant).await)
}

async fn set_admin(username: &str, grant: bool) -> Result<String, StartError> {
    let config = Config::from_env()?;
    let db = Db::connect(&config.database_url, 1).await?;
    if !users::set_admin(&db, username, grant).await? {
        return Err(StartError::Other(format!("no account named {username}")));
    }
    Ok(if grant {
        format!("{username} is now an admin")
    } else {
        format!("{username} is no longer an admin")
    })
}
