//! Account operations: sign-up, log-in, refresh and log-out. Server functions stay thin and call these.

use http::HeaderValue;

use super::cookies::{self, ACCESS_COOKIE, REFRESH_COOKIE};
use super::{password, tokens};
use crate::error::AppError;
use crate::model::account::{username_key, validate_username};
use crate::model::{Me, SignupInput};
use crate::server::db::{schools, sessions, throttle, users};
use crate::server::state::AppState;
use crate::server::{current_year, now};
use crate::text::{self, auth as t};

/// A login just started or continued: its tokens and the cookies that carry them.
pub struct IssuedLogin {
    pub me: Me,
    pub session_id: i64,
    pub access_token: String,
    pub cookies: Vec<HeaderValue>,
}

pub async fn sign_up(
    state: &AppState,
    input: SignupInput,
    client_addr: &str,
) -> Result<IssuedLogin, AppError> {
    let signup = input.validate(current_year())?;
    // Checked before hashing, so that a taken name costs no argon2 run; the insert re-checks under the
    // unique constraint for the race.
    if users::username_exists(&state.db, &signup.username).await? {
        return Err(AppError::field("username", t::USERNAME_TAKEN));
    }
    match schools::school_of_department(&state.db, signup.department_id).await? {
        Some(school_id) if school_id == signup.school_id => {}
        Some(_) => return Err(AppError::field("department_id", t::DEPARTMENT_MISMATCH)),
        None => return Err(AppError::field("department_id", t::DEPARTMENT_REQUIRED)),
    }
    // A valid attempt counts against its address before the hash, so that a flood of sign-ups costs no
    // argon2 runs past the limit.
    let limit = state.config.signup_limit;
    throttle::take_now(&state.db, limit, throttle::Action::SignUp, client_addr, now()).await?;
    let hash = password::hash(signup.password.clone()).await?;
    let user_id = match users::create(&state.db, &signup, &hash, now()).await {
        Ok(id) => id,
        Err(users::CreateUserError::UsernameTaken) => {
            return Err(AppError::field("username", t::USERNAME_TAKEN))
        }
        Err(users::CreateUserError::NicknameTaken) => {
            return Err(AppError::field("nickname", t::NICKNAME_TAKEN))
        }
        Err(users::CreateUserError::Database(error)) => return Err(error.into()),
    };
    tracing::info!(user_id, "account created");
    start_login(state, user_id).await
}

pub async fn log_in(
    state: &AppState,
    username: &str,
    password: &str,
    client_addr: &str,
) -> Result<IssuedLogin, AppError> {
    if username.trim().is_empty() || password.is_empty() {
        return Err(AppError::field("username", t::LOGIN_FIELDS_REQUIRED));
    }
    // A name that breaks the username rules belongs to no account, so it is refused like an unknown name
    // without asking the database (PostgreSQL refuses NUL in text: such a name was a 500). It spends no hash
    // either: that a name is impossible is no secret, so the timing reveals nothing.
    if validate_username(username.trim()).is_err() {
        return Err(AppError::WrongCredentials);
    }
    let key = username_key(username);
    let now = now();
    let window = state.config.login_window.as_secs() as i64;
    let window_start = now - window;
    let recent = throttle::recent(&state.db, &key, client_addr, window_start).await?;
    // The lock applies to unknown names as well, so it reveals nothing about which accounts exist.
    let minutes_left = |oldest: Option<i64>| ((oldest.unwrap_or(now) + window - now + 59) / 60).max(1);
    if recent.account >= state.config.login_max_failures {
        return Err(AppError::TooManyRequests(text::fill(
            t::ACCOUNT_THROTTLED,
            minutes_left(recent.account_oldest),
        )));
    }
    if recent.address >= state.config.login_max_failures_per_address {
        return Err(AppError::TooManyRequests(text::fill(
            t::ADDRESS_THROTTLED,
            minutes_left(recent.address_oldest),
        )));
    }

    let credentials = users::credentials(&state.db, username).await?;
    // An unknown name still pays for one verification, against the dummy hash.
    let (user_id, stored_hash) = match credentials {
        Some(c) => (Some(c.id), c.password_hash),
        None => (None, state.dummy_hash.0.clone()),
    };
    let matches = password::verify(password.to_owned(), stored_hash).await?;
    match user_id {
        Some(user_id) if matches => {
            throttle::clear_account(&state.db, &key).await?;
            start_login(state, user_id).await
        }
        _ => {
            throttle::record_failure(&state.db, &key, client_addr, now, window_start).await?;
            Err(AppError::WrongCredentials)
        }
    }
}

/// Exchanges a refresh token for a new pair. `None` when the token is unknown, expired, revoked or reused
/// (reuse also revokes the login: see `db::sessions::exchange`).
pub async fn refresh(state: &AppState, refresh_token: &str) -> Result<Option<IssuedLogin>, AppError> {
    let successor = tokens::random_token();
    let now = now();
    let exchange = sessions::exchange(
        &state.db,
        &tokens::hash_refresh_token(refresh_token),
        &tokens::hash_refresh_token(&successor),
        now + state.config.refresh_token_ttl.as_secs() as i64,
        now,
    )
    .await?;
    let sessions::Exchange::Accepted { session_id, user_id } = exchange else {
        return Ok(None);
    };
    let Some(me) = users::by_live_session(&state.db, session_id, user_id).await? else {
        return Ok(None);
    };
    Ok(Some(issue(state, me, session_id, successor, now)))
}

pub async fn log_out(state: &AppState, session_id: i64) -> Result<(), AppError> {
    sessions::revoke(&state.db, session_id, now()).await?;
    Ok(())
}

async fn start_login(state: &AppState, user_id: i64) -> Result<IssuedLogin, AppError> {
    let refresh_token = tokens::random_token();
    let now = now();
    let expires_at = now + state.config.refresh_token_ttl.as_secs() as i64;
    let session_id =
        sessions::create(&state.db, user_id, &tokens::hash_refresh_token(&refresh_token), expires_at, now)
            .await?;
    let me = users::by_live_session(&state.db, session_id, user_id).await?.ok_or(AppError::Internal)?;
    Ok(issue(state, me, session_id, refresh_token, now))
}

fn issue(state: &AppState, me: Me, session_id: i64, refresh_token: String, now: i64) -> IssuedLogin {
    let access_ttl = state.config.access_token_ttl.as_secs() as i64;
    let refresh_ttl = state.config.refresh_token_ttl.as_secs() as i64;
    let access_token = state.tokens.issue(me.id, session_id, now, access_ttl);
    let secure = state.config.secure_cookies;
    let cookies = vec![
        cookies::set(ACCESS_COOKIE, access_token.clone(), access_ttl, secure),
        cookies::set(REFRESH_COOKIE, refresh_token, refresh_ttl, secure),
    ];
    IssuedLogin { me, session_id, access_token, cookies }
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
    let now = now();
    let window_start = now - state.config.login_window.as_secs() as i64;
    let recent = throttle::recent(&state.db, &key, client_addr, window_start).await?;
    if recent.account >= state.config.login_max_failures
        || recent.address >= state.config.login_max_failures_per_address
    {
        let minutes = ((recent.account_oldest.unwrap_or(now) - window_start + 59) / 60).max(1);
        return Err(AppError::TooManyRequests(text::fill(t::ACCOUNT_THROTTLED, minutes)));
    }
    let stored = users::password_hash(&state.db, me.id).await?.ok_or(AppError::Unauthorized)?;
    if password::verify(password.to_owned(), stored).await? {
        Ok(())
    } else {
        throttle::record_failure(&state.db, &key, client_addr, now, window_start).await?;
        Err(AppError::field(field, text::profile::WRONG_PASSWORD))
    }
}

/// Changes the nickname: the sign-up rules apply, it must be free in the school, and it may change once per
/// configured period (30 days by default).
pub async fn change_nickname(state: &AppState, me: &Me, nickname: &str) -> Result<(), AppError> {
    let nickname = nickname.trim();
    crate::model::account::validate_nickname(nickname)
        .map_err(|message| AppError::field("nickname", message))?;
    if nickname == me.nickname {
        return Err(AppError::field("nickname", text::profile::SAME_NICKNAME));
    }
    let cooldown = state.config.nickname_cooldown.as_secs() as i64;
    match users::change_nickname(&state.db, me.id, nickname, cooldown, now()).await? {
        users::NicknameChange::Changed => Ok(()),
        users::NicknameChange::Taken => Err(AppError::field("nickname", t::NICKNAME_TAKEN)),
        users::NicknameChange::TooSoon(from) => {
            let date = crate::model::time::KstDate::from_unix(from);
            Err(AppError::Conflict(text::fill(text::profile::NICKNAME_TOO_SOON, date)))
        }
    }
}

/// Changes the password after checking the current one, and ends every other login of the student.
pub async fn change_password(
    state: &AppState,
    me: &Me,
    session_id: i64,
    current: &str,
    new: &str,
    client_addr: &str,
) -> Result<(), AppError> {
    crate::model::account::validate_password(new)
        .map_err(|message| AppError::field("new_password", message))?;
    check_password(state, me, current, "current_password", client_addr).await?;
    if current == new {
        return Err(AppError::field("new_password", text::profile::SAME_PASSWORD));
    }
    let hash = password::hash(new.to_owned()).await?;
    users::set_password_hash(&state.db, me.id, &hash).await?;
    let ended = sessions::revoke_all(&state.db, me.id, Some(session_id), now()).await?;
    tracing::info!(user_id = me.id, ended, "password changed; other logins ended");
    Ok(())
}

/// Ends every login of the student, this one included.
pub async fn log_out_everywhere(state: &AppState, user_id: i64) -> Result<(), AppError> {
    sessions::revoke_all(&state.db, user_id, None, now()).await?;
    Ok(())
}

/// Deletes the account after checking the password (see `db::users::delete_account` for what stays).
pub async fn delete_account(
    state: &AppState,
    me: &Me,
    password: &str,
    client_addr: &str,
) -> Result<(), AppError> {
    check_password(state, me, password, "password", client_addr).await?;
    users::delete_account(&state.db, me.id, now()).await?;
    tracing::info!(user_id = me.id, "account deleted");
    Ok(())
}
