//! The flood limits' refusals: each limited action, counted in the database by `db::throttle`, refused with
//! a 429 that says how long to wait (short windows in seconds, long ones in minutes).

use crate::error::AppError;
use crate::server::config::{Pace, RateLimit};
use crate::server::db::throttle::{self, Action, Allowance, PacedAction};
use crate::server::db::{Db, Tx};
use crate::text::{self, auth, community, images, messages};

/// Counts one more `action` by `subject` inside the caller's transaction, or refuses it.
pub async fn take(
    tx: &mut Tx,
    limit: RateLimit,
    action: Action,
    subject: &str,
    now: i64,
) -> Result<(), AppError> {
    allowed(throttle::take(tx, limit, action, subject, now).await?, action)
}

/// Refuses `action` when `subject` has already used up `limit` in this window; counts nothing.
pub async fn check_room(
    db: &Db,
    limit: RateLimit,
    action: Action,
    subject: &str,
    now: i64,
) -> Result<(), AppError> {
    allowed(throttle::room_left(db, limit, action, subject, now).await?, action)
}

/// Lets `action` through at `pace`, or refuses it with the seconds to wait.
pub async fn pace(
    db: &Db,
    pace: Pace,
    action: PacedAction,
    subject: &str,
    now_ms: i64,
) -> Result<(), AppError> {
    match throttle::pace_now(db, pace, action, subject, now_ms).await? {
        Allowance::Allowed => Ok(()),
        Allowance::Refused { wait_seconds } => Err(AppError::TooManyRequests(match action {
            PacedAction::SignUp => text::fill(auth::SIGNUP_PACED, wait_seconds),
        })),
    }
}

fn allowed(allowance: Allowance, action: Action) -> Result<(), AppError> {
    match allowance {
        Allowance::Allowed => Ok(()),
        Allowance::Refused { wait_seconds } => Err(refusal(action, wait_seconds)),
    }
}

fn refusal(action: Action, wait_seconds: i64) -> AppError {
    let minutes = (wait_seconds + 59) / 60;
    AppError::TooManyRequests(match action {
        Action::SignUp => text::fill(auth::SIGNUP_THROTTLED, minutes),
        Action::SignUpFailure => text::fill(auth::SIGNUP_FAILURES_THROTTLED, minutes),
        Action::Comment => text::fill(community::COMMENTING_TOO_FAST, wait_seconds),
        Action::Report => text::fill(community::REPORTING_TOO_FAST, minutes),
        Action::Message => text::fill(messages::SENDING_TOO_FAST, wait_seconds),
        Action::Conversation => text::fill(messages::STARTING_TOO_MANY, minutes),
        Action::ImageUpload => text::fill(images::UPLOADING_TOO_FAST, minutes),
    })
}
