//! Account operations: sign-up, log-in, refresh and log-out. Server functions stay thin and call these.

use http::HeaderValue;

use super::cookies::{self, ACCESS_COOKIE, REFRESH_COOKIE};
use super::{password, tokens};
use crate::error::AppError;
use crate::model::account::{username_key, validate_username};
use crate::model::{Me, SignupInput};
use crate::server::db::{schools, sessions, throttle, users};
use crate::server::state::AppState;
use crate::server::{current_year, now, now_ms};
use crate::text::{self, auth as t};

/// A login just started or continued: its tokens and the cookies that carry them.
pub struct IssuedLogin {
    pub me: Me,
    pub session_id: i64,
    pub access_token: String,
    pub cookies: Vec<HeaderValue>,
}

/// Creates an account and logs it in.
///
/// Per client address (a whole campus may share one behind NAT), three limits keep scripted sign-ups out
/// without turning a semester start away: a pace of attempts with room for a burst (checked before the
/// password is hashed, so a flood costs no argon2 runs), a ceiling on accounts created that only a script
/// reaches, and a tight limit on attempts refused for a taken username or nickname, which is what probing
/// for accounts looks like.
pub async fn sign_up(
    state: &AppState,
    input: SignupInput,
    client_addr: &str,
) -> Result<IssuedLogin, AppError> {
    let signup = input.validate(current_year())?;
    let config = &state.config;
    let failures = config.signup_failure_limit;
    throttle::refuse_when_reached(&state.db, failures, throttle::Action::SignUpFailure, client_addr, now())
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
    throttle::pace_now(&state.db, config.signup_pace, throttle::PacedAction::SignUp, client_addr, now_ms())
        .await?;
    let hash = password::hash(signup.password.clone()).await?;
    let ceiling = users::Ceiling { limit: config.signup_limit, client_addr };
    let user_id = match users::create(&state.db, &signup, &hash, now(), ceiling).await {
        Ok(id) => id,
        Err(users::CreateUserError::UsernameTaken) => {
            return Err(taken(state, client_addr, "username", t::USERNAME_TAKEN).await)
        }
        Err(users::CreateUserError::NicknameTaken) => {
            return Err(taken(state, client_addr, "nickname", t::NICKNAME_TAKEN).await)
        }
        Err(users::CreateUserError::Refused(error)) => return Err(error),
        Err(users::CreateUserError::Database(error)) => return Err(error.into()),
    };
    tracing::info!(user_id, "account created");
    start_login(state, user_id).await
}

/// The refusal of a sign-up whose name is taken, counted against the client address.
async fn taken(state: &AppState, client_addr: &str, field: &str, message: &str) -> AppError {
    let limit = state.config.signup_failure_limit;
    match throttle::record_now(&state.db, limit, throttle::Action::SignUpFailure, client_addr, now()).await {
        Ok(()) => AppError::field(field, message),
        Err(error) => error.into(),
    }
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
    // The lock applies to unknown names as well, so it reveals nothing about which accounts exist.
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
            start_login(state, user_id).await
        }
        _ => {
            attempt.keep_as_failure(state, &key, client_addr).await?;
            Err(AppError::WrongCredentials)
        }
    }
}

/// A password check that may go ahead: it is already recorded as a failure (see
/// `throttle::reserve_login_attempt`), which stands unless the password turns out right.
struct Attempt(throttle::ReservedAttempt);

impl Attempt {
    /// The password was right: the attempt failed nothing.
    async fn passed(self, state: &AppState) -> Result<(), AppError> {
        throttle::release_login_attempt(&state.db, self.0).await?;
        Ok(())
    }

    /// The password was wrong: the recorded failure stays, and failures that left the window go.
    async fn keep_as_failure(self, state: &AppState, key: &str, client_addr: &str) -> Result<(), AppError> {
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
        throttle::LoginReservation::Reserved(reserved) => return Ok(Attempt(reserved)),
        throttle::LoginReservation::Refused(recent) => recent,
    };
    let minutes_left = |oldest: Option<i64>| ((oldest.unwrap_or(now) + window - now + 59) / 60).max(1);
    Err(AppError::TooManyRequests(if recent.account >= config.login_max_failures {
        text::fill(t::ACCOUNT_THROTTLED, minutes_left(recent.account_oldest))
    } else {
        text::fill(t::ADDRESS_THROTTLED, minutes_left(recent.address_oldest))
    }))
}

/// Exchanges a refresh token for a new pair. `None` when the token is unknown, expired, revoked or reused
/// (reuse also revokes the login: see `db::sessions::exchange`).
pub async fn refresh(state: &AppState, refresh_token: &str) -> Result<Option<IssuedLogin>, AppError> {
    let successor = state.tokens.successor_of(refresh_token);
    let now = now();
    let exchange = sessions::exchange(
        &state.db,
        &tokens::hash_refresh_token(refresh_token),
        &tokens::hash_refresh_token(&successor),
        now + state.config.refresh_token_ttl.as_secs() as i64,
        now,
        state.config.refresh_reuse_window.as_secs() as i64,
    )
    .await?;
    let sessions::Exchange::Accepted { session_id, user_id } = exchange else {
        return Ok(None);
    };
    let Some(me) = users::by_live_session(&state.db, session_id, user_id).await? else {
        return Ok(None);
    };
    Ok(Some(issue(state, me, session_id, successor, now)?))
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
    issue(state, me, session_id, refresh_token, now)
}

fn issue(
    state: &AppState,
    me: Me,
    session_id: i64,
    refresh_token: String,
    now: i64,
) -> Result<IssuedLogin, AppError> {
    let access_ttl = state.config.access_token_ttl.as_secs() as i64;
    let refresh_ttl = state.config.refresh_token_ttl.as_secs() as i64;
    let access_token = state.tokens.issue(me.id, session_id, now, access_ttl)?;
    let secure = state.config.secure_cookies;
    let cookies = vec![
        cookies::set(ACCESS_COOKIE, access_token.clone(), access_ttl, secure)?,
        cookies::set(REFRESH_COOKIE, refresh_token, refresh_ttl, secure)?,
    ];
    Ok(IssuedLogin { me, session_id, access_token, cookies })
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
        attempt.keep_as_failure(state, &key, client_addr).await?;
        Err(AppError::field(field, text::profile::WRONG_PASSWORD))
    }
}

/// The nickname rule as it applies to the student now.
pub async fn nickname_rule(
    state: &AppState,
    me: &Me,
) -> Result<crate::model::account::NicknameRule, AppError> {
    let cooldown = state.config.nickname_cooldown.as_secs() as i64;
    let changed_at = users::nickname_changed_at(&state.db, me.id).await?;
    let changeable_from = changed_at.map(|at| at + cooldown).filter(|from| *from > now());
    Ok(crate::model::account::NicknameRule { cooldown_days: cooldown / 86_400, changeable_from })
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
            let days = state.config.nickname_cooldown.as_secs() / 86_400;
            Err(AppError::Conflict(text::fill(&text::fill(text::profile::NICKNAME_TOO_SOON, days), date)))
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
