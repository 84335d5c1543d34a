//! Operator commands, run from the server binary instead of serving:
//!
//! ```text
//! campus admin grant <username>    make a student an admin (moderates reported content)
//! campus admin revoke <username>   take the role back
//! campus precompress             write .br and .gz copies of the built bundle beside it (after a build)
//! campus backup <file>            copy the embedded database to a new file, while the app runs
//! campus restore <file>            replace the embedded database's contents with a backup, while it runs
//! campus seed <students> <posts> <comments>
//!                                  generate benchmark data into the first school (see bench/run)
//! campus seed-catalogue <sections>
//!                                  replace the first school's current catalogue with one `sections` times
//!                                  larger (30 gives over 10,000 courses)
//! ```
//! They use the same configuration (`DATABASE_URL`, …) as the server and apply pending migrations first.

use super::auth::password;
use super::config::Config;
use super::db::seed::{self, Scale};
use super::db::{backup, courses, users, Db};

use super::start::StartError;

/// The password of every generated student.
pub const SEED_PASSWORD: &str = "bench-pass-1";

/// Runs the command in `args` (without the program name); `None` when the arguments are not a command.
pub async fn run(args: &[String]) -> Option<Result<String, StartError>> {
    if let [command, students, posts, comments] = args {
        if command == "seed" {
            let number = |text: &String| text.parse::<i64>().ok().filter(|n| *n >= 0);
            let (Some(students), Some(posts), Some(comments)) =
                (number(students), number(posts), number(comments))
            else {
                return None;
            };
            return Some(seed(Scale { students: students.max(1), posts, comments }).await);
        }
    }
    if let [command] = args {
        if command == "precompress" {
            return Some(precompress());
        }
    }
    if let [command, file] = args {
        match command.as_str() {
            "backup" => return Some(backup(file).await),
            "restore" => return Some(restore(file).await),
            _ => {}
        }
    }
    if let [command, sections] = args {
        if command == "seed-catalogue" {
            let sections = sections.parse::<usize>().ok().filter(|n| (1..=200).contains(n))?;
            return Some(seed_catalogue(sections).await);
        }
    }
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

fn precompress() -> Result<String, StartError> {
    let config = Config::from_env()?;
    let pkg = std::path::Path::new(&config.site_root).join("pkg");
    let written = super::bundle::precompress(&pkg)?;
    Ok(format!("{written} precompressed copies written in {}", pkg.display()))
}

async fn backup(file: &str) -> Result<String, StartError> {
    let db = connect().await?;
    let started = std::time::Instant::now();
    backup::backup(&db, std::path::Path::new(file)).await.map_err(|e| StartError::Other(e.to_string()))?;
    Ok(format!("backed up to {file} in {:.1} s", started.elapsed().as_secs_f64()))
}

async fn restore(file: &str) -> Result<String, StartError> {
    let db = connect().await?;
    let rows = backup::restore(&db, std::path::Path::new(file))
        .await
        .map_err(|e| StartError::Other(e.to_string()))?;
    Ok(format!("restored {rows} rows from {file}"))
}

async fn connect() -> Result<Db, StartError> {
    let config = Config::from_env()?;
    Ok(Db::connect(&config.database_url, 1).await?)
}

async fn set_admin(username: &str, grant: bool) -> Result<String, StartError> {
    let db = connect().await?;
    if !users::set_admin(&db, username, grant).await? {
        return Err(StartError::Other(format!("no account named {username}")));
    }
    Ok(if grant {
        format!("{username} is now an admin")
    } else {
        format!("{username} is no longer an admin")
    })
}

async fn seed(scale: Scale) -> Result<String, StartError> {
    let db = connect().await?;
    let hash =
        password::hash(SEED_PASSWORD.to_owned()).await.map_err(|e| StartError::Other(e.to_string()))?;
    let started = std::time::Instant::now();
    let seeded = seed::generate(&db, scale, &hash, super::now()).await?;
    Ok(format!(
        "board_id={} busy_post_id={} username={} password={SEED_PASSWORD} seconds={:.1}",
        seeded.board_id,
        seeded.busy_post_id,
        seeded.student_username,
        started.elapsed().as_secs_f64()
    ))
}

async fn seed_catalogue(sections: usize) -> Result<String, StartError> {
    let db = connect().await?;
    let school_id: i64 = sqlx::query_scalar("SELECT MIN(id) FROM schools").fetch_one(db.pool()).await?;
    let semester = crate::model::timetable::Semester::current(super::now());
    let started = std::time::Instant::now();
    let courses = courses::seed_semester(&db, school_id, semester, sections, true).await?;
    Ok(format!(
        "school_id={school_id} semester={} courses={courses} seconds={:.1}",
        semester.0,
        started.elapsed().as_secs_f64()
    ))
}
