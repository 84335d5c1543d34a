//! Accounts: sign-up, log-in and the account settings (nickname, password, logging out everywhere, closing
//! the account), with their rules and refusals.
//!
//! - **Sign-ups from one address.** A whole campus may share one address behind NAT, so three limits keep
//!   scripted sign-ups out without turning a semester start away: a pace of attempts with room for a burst
//!   (checked before the password is hashed, so a flood costs no argon2 runs), a ceiling on accounts
//!   created that only a script reaches, and a tight limit on attempts refused for a taken username or
//!   nickname, which is what probing for accounts looks like.
//! - **Log-in guessing.** Failures are limited per account and per address within a window; a log-in for
//!   an unknown name spends one hash and counts like any other, so neither the answer nor its timing tells
//!   which names exist.
//! - **Nickname** changes once per configured period; a **password** change ends every other login.

use crate::error::AppError;
use crate::model::account::{
    confirm_password, could_name_an_account, username_key, validate_nickname, validate_password, NicknameRule,
};
use crate::model::{Me, SignupInput};
use crate::server::auth::logins::{self, IssuedLogin};
use crate::server::auth::password;
use crate::server::db::throttle::{self, Action, LoginReservation, PacedAction, ReservedAttempt};
use crate::server::db::{friends, gpa, messages, notifications, schools, users};
use crate::server::state::AppState;
use crate::server::{current_year, limits, now, now_ms};
use crate::text::{self, auth as t, profile};

/// Creates an account and logs it in, `kept` or not (see `logins::start`; the module comment has the limits
/// per address).
#[tracing::instrument(skip_all)]
pub async fn sign_up(
    state: &AppState,
    input: SignupInput,
    kept: bool,
    client_addr: &str,
) -> Result<IssuedLogin, AppError> {
    let signup = input.validate(current_year())?;
    let config = &state.config;
    limits::check_room(&state.db, config.signup_failure_limit, Action::SignUpFailure, client_addr, now())
        .await?;
    // Checked before hashing, so that a taken name costs no argon2 run; the insert re-checks under the
    // unique constraint for the race.
    if users::username_exists(&state.db, &signup.username).await? {
        return Err(taken(state, client_addr, "username", t::USERNAME_TAKEN).await);
    }
    match schools::school_of_department(&state.db, signup.department_id).await? {
        Some(school_id) if school_id == signup.school_id => {}
        Some(_) => return Err(AppError::field("department_id", t::DEPARTMENT_MISMATCH)),
        None => return Err(AppError::field("department_id", t::DEPARTMENT_REQUIRED)),
    }
    limits::pace(&state.db, config.signup_pace, PacedAction::SignUp, client_addr, now_ms()).await?;
    let hash = password::hash(signup.password.clone()).await?;
    let now = now();
    // Only accounts really created count against the ceiling: it is counted in the account's transaction.
    let mut tx = state.db.begin_write().await?;
    limits::take(&mut tx, config.signup_limit, Action::SignUp, client_addr, now).await?;
    let user_id = match users::insert(&mut tx, &signup, &hash, now).await? {
        users::Inserted::Created(id) => id,
        users::Inserted::NameTaken => {
            tx.rollback().await?;
            // Two unique keys can fail here and SQLite does not say which: look the name up.
            let (field, message) = if users::username_exists(&state.db, &signup.username).await? {
                ("username", t::USERNAME_TAKEN)
            } else {
                ("nickname", t::NICKNAME_TAKEN)
            };
            return Err(taken(state, client_addr, field, message).await);
        }
    };
    tx.commit().await?;
    tracing::info!(user_id, "account created");
    logins::start(state, user_id, kept).await
}

/// The refusal of a sign-up whose name is taken, counted against the client address.
async fn taken(state: &AppState, client_addr: &str, field: &str, message: &str) -> AppError {
    let limit = state.config.signup_failure_limit;
    match throttle::record_now(&state.db, limit, Action::SignUpFailure, client_addr, now()).await {
        Ok(()) => AppError::field(field, message),
        Err(error) => error.into(),
    }
}

/// Logs a student in with their username (any case) and password; `kept` is their 로그인 유지 choice.
#[tracing::instrument(skip_all)]
pub async fn log_in(
    state: &AppState,
    username: &str,
    password: &str,
    kept: bool,
    client_addr: &str,
) -> Result<IssuedLogin, AppError> {
    if username.trim().is_empty() || password.is_empty() {
        return Err(AppError::field("username", t::LOGIN_FIELDS_REQUIRED));
    }
    // A name no account can have is refused like an unknown name without asking the database. It spends no
    // hash either: that a name is impossible is no secret, so the timing reveals nothing.
    if !could_name_an_account(username) {
        return Err(AppError::WrongCredentials);
    }
    let key = username_key(username);
    // The limit applies to unknown names as well, so it reveals nothing about which accounts exist.
    let attempt = reserve_attempt(state, &key, client_addr).await?;
    let credentials = users::credentials(&state.db, username).await?;
    // An unknown name still pays for one verification, against the dummy hash.
    let (user_id, stored_hash) = match credentials {
        Some(c) => (Some(c.id), c.password_hash),
        None => (None, state.dummy_hash.0.clone()),
    };
    let matches = password::verify(password.to_owned(), stored_hash).await?;
    match user_id {
        Some(user_id) if matches => {
            // A successful log-in clears the account's failures, this attempt's among them (not the
            // address's: other accounts may be under attack from there).
            throttle::clear_account(&state.db, &key).await?;
            logins::start(state, user_id, kept).await
        }
        _ => {
            attempt.failed(state, &key, client_addr).await?;
            Err(AppError::WrongCredentials)
        }
    }
}

/// A password check that may go ahead: it is already recorded as a failure (see
/// `throttle::reserve_login_attempt`), which stands unless the password turns out right.
struct Attempt(ReservedAttempt);

impl Attempt {
    /// The password was right: the attempt failed nothing.
    async fn passed(self, state: &AppState) -> Result<(), AppError> {
        throttle::release_login_attempt(&state.db, self.0).await?;
        Ok(())
    }

    /// The password was wrong: the recorded failure stays, and failures that left the window go.
    async fn failed(self, state: &AppState, key: &str, client_addr: &str) -> Result<(), AppError> {
        let window_start = now() - state.config.login_window.as_secs() as i64;
        throttle::forget_old_failures(&state.db, key, client_addr, window_start).await?;
        Ok(())
    }
}

/// Reserves one password check for the account `key` from `client_addr`, or refuses (429) when the account
/// or the address has used up its failures in the window.
async fn reserve_attempt(state: &AppState, key: &str, client_addr: &str) -> Result<Attempt, AppError> {
    let now = now();
    let config = &state.config;
    let window = config.login_window.as_secs() as i64;
    let reservation = throttle::reserve_login_attempt(
        &state.db,
        key,
        client_addr,
        now,
        now - window,
        config.login_max_failures,
        config.login_max_failures_per_address,
    )
    .await?;
    let recent = match reservation {
        LoginReservation::Reserved(reserved) => return Ok(Attempt(reserved)),
        LoginReservation::Refused(recent) => recent,
    };
    let minutes_left = |oldest: Option<i64>| ((oldest.unwrap_or(now) + window - now + 59) / 60).max(1);
    Err(AppError::TooManyRequests(if recent.account >= config.login_max_failures {
        text::fill(t::ACCOUNT_THROTTLED, minutes_left(recent.account_oldest))
    } else {
        text::fill(t::ADDRESS_THROTTLED, minutes_left(recent.address_oldest))
    }))
}

/// Checks the student's current password before a sensitive change. Wrong guesses count towards the same
/// per-account and per-address limits as log-in, so a stolen session cannot be used to guess the password.
async fn check_password(
    state: &AppState,
    me: &Me,
    password: &str,
    field: &str,
    client_addr: &str,
) -> Result<(), AppError> {
    let key = username_key(&me.username);
    let attempt = reserve_attempt(state, &key, client_addr).await?;
    let stored = users::password_hash(&state.db, me.id).await?.ok_or(AppError::Unauthorized)?;
    if password::verify(password.to_owned(), stored).await? {
        attempt.passed(state).await
    } else {
        attempt.failed(state, &key, client_addr).await?;
        Err(AppError::field(field, profile::WRONG_PASSWORD))
    }
}

/// The nickname rule as it applies to the student now.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn nickname_rule(state: &AppState, me: &Me) -> Result<NicknameRule, AppError> {
    let cooldown = state.config.nickname_cooldown.as_secs() as i64;
    let changed_at = users::nickname_changed_at(&state.db, me.id).await?;
    let changeable_from = changed_at.map(|at| at + cooldown).filter(|from| *from > now());
    Ok(NicknameRule { cooldown_days: cooldown / 86_400, changeable_from })
}

/// Changes the nickname: the sign-up rules apply, it must be free in the school, and it may change once per
/// configured period (30 days by default).
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn change_nickname(state: &AppState, me: &Me, nickname: &str) -> Result<(), AppError> {
    let nickname = nickname.trim();
    validate_nickname(nickname).map_err(|message| AppError::field("nickname", message))?;
    if nickname == me.nickname {
        return Err(AppError::field("nickname", profile::SAME_NICKNAME));
    }
    let cooldown = state.config.nickname_cooldown.as_secs() as i64;
    match users::change_nickname(&state.db, me.id, nickname, cooldown, now()).await? {
        users::NicknameChange::Changed => Ok(()),
        users::NicknameChange::Taken => Err(AppError::field("nickname", t::NICKNAME_TAKEN)),
        users::NicknameChange::TooSoon(from) => {
            let date = crate::model::time::KstDate::from_unix(from);
            let days = cooldown / 86_400;
            Err(AppError::Conflict(text::fill(&text::fill(profile::NICKNAME_TOO_SOON, days), date)))
        }
    }
}

/// Changes the password after checking the current one, and ends every other login of the student.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn change_password(
    state: &AppState,
    me: &Me,
    session_id: i64,
    current: &str,
    new: &str,
    new_confirm: &str,
    client_addr: &str,
) -> Result<(), AppError> {
    validate_password(new).map_err(|message| AppError::field("new_password", message))?;
    confirm_password(new, new_confirm).map_err(|message| AppError::field("new_password_confirm", message))?;
    check_password(state, me, current, "current_password", client_addr).await?;
    if current == new {
        return Err(AppError::field("new_password", profile::SAME_PASSWORD));
    }
    let hash = password::hash(new.to_owned()).await?;
    users::set_password_hash(&state.db, me.id, &hash).await?;
    let ended = logins::end_all(state, me.id, Some(session_id)).await?;
    tracing::info!(user_id = me.id, ended, "password changed; other logins ended");
    Ok(())
}

/// Ends every login of the student, this one included.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn log_out_everywhere(state: &AppState, me: &Me) -> Result<(), AppError> {
    logins::end_all(state, me.id, None).await?;
    Ok(())
}

/// Closes the account after checking the password, in one transaction that holds the student's row. The
/// row stays so that the student's posts and comments stay: named ones then read as (탈퇴한 사용자),
/// anonymous ones stay anonymous. Logins, timetables, the 학점계산기, scraps, friendships, friend requests, blocks and 알림 go,
/// and they leave every conversation (the other side keeps its messages);
/// the nickname is released; the username stays reserved (someone else under it would be taken for them).
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn delete_account(
    state: &AppState,
    me: &Me,
    password: &str,
    client_addr: &str,
) -> Result<(), AppError> {
    check_password(state, me, password, "password", client_addr).await?;
    let mut tx = state.db.begin_for_student(me.id).await?;
    users::close(&mut tx, me.id, now()).await?;
    friends::forget(&mut tx, me.id).await?;
    notifications::forget(&mut tx, me.id).await?;
    messages::forget(&mut tx, me.id).await?;
    gpa::forget(&mut tx, me.id).await?;
    tx.commit().await?;
    tracing::info!(user_id = me.id, "account deleted");
    Ok(())
}
