//! The life of a login: started with a first pair of tokens, continued by refresh, ended by log-out. A login
//! is a row in `sessions`; its refresh tokens are single-use (see `db::sessions::exchange` for rotation,
//! reuse and the short window in which a spent token still continues its login).
//!
//! 로그인 유지 is the login's own choice, made when it starts and kept by every refresh. A kept login's
//! cookies persist (the refresh cookie for the refresh token's days). One not kept is for a computer that
//! is not the student's: its cookies are session cookies, gone when the browser closes, and since a browser
//! may restore them or never close, the server ends the login a fixed time after it started
//! (`unkept_login_ttl`); no access token outlives that end.

use http::HeaderValue;

use super::cookies::{self, ACCESS_COOKIE, REFRESH_COOKIE};
use super::tokens;
use crate::error::AppError;
use crate::model::Me;
use crate::server::db::sessions::{self, Login};
use crate::server::db::users;
use crate::server::now;
use crate::server::state::AppState;

/// A login just started or continued: its tokens and the cookies that carry them.
pub struct IssuedLogin {
    pub me: Me,
    pub session_id: i64,
    pub access_token: String,
    pub cookies: Vec<HeaderValue>,
}

/// Starts a login for the student, kept (로그인 유지) or not.
pub async fn start(state: &AppState, user_id: i64, kept: bool) -> Result<IssuedLogin, AppError> {
    let refresh_token = tokens::random_token();
    let now = now();
    let expires_at = now + state.config.refresh_token_ttl.as_secs() as i64;
    let refresh_hash = tokens::hash_refresh_token(&refresh_token);
    let session_id = sessions::create(&state.db, user_id, kept, &refresh_hash, expires_at, now).await?;
    let me = users::by_live_session(&state.db, session_id, user_id).await?.ok_or(AppError::Internal)?;
    let login = Login { session_id, user_id, kept, started_at: now };
    issue(state, me, login, refresh_token, now)
}

/// Exchanges a refresh token for a new pair. `None` when the token is unknown, expired, revoked or reused
/// (reuse also revokes the login), or its login was not kept and has reached its end.
#[tracing::instrument(skip_all)]
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
        now - state.config.unkept_login_ttl.as_secs() as i64,
    )
    .await?;
    let sessions::Exchange::Accepted(login) = exchange else {
        return Ok(None);
    };
    let Some(me) = users::by_live_session(&state.db, login.session_id, login.user_id).await? else {
        return Ok(None);
    };
    Ok(Some(issue(state, me, login, successor, now)?))
}

/// Ends one login: its refresh and access tokens stop working at once.
pub async fn end(state: &AppState, session_id: i64) -> Result<(), AppError> {
    sessions::revoke(&state.db, session_id, now()).await?;
    Ok(())
}

/// Ends every login of the student but `keep` (or all of them); how many ended.
pub async fn end_all(state: &AppState, user_id: i64, keep: Option<i64>) -> Result<u64, AppError> {
    Ok(sessions::revoke_all(&state.db, user_id, keep, now()).await?)
}

/// The tokens of `login` from `now`, and the cookies that carry them: persistent for a kept login, session
/// cookies otherwise.
fn issue(
    state: &AppState,
    me: Me,
    login: Login,
    refresh_token: String,
    now: i64,
) -> Result<IssuedLogin, AppError> {
    let config = &state.config;
    let mut access_ttl = config.access_token_ttl.as_secs() as i64;
    let refresh_ttl = config.refresh_token_ttl.as_secs() as i64;
    if !login.kept {
        // Refresh refuses such a login from its end on; its last access token stops there too.
        let ends_at = login.started_at + config.unkept_login_ttl.as_secs() as i64;
        access_ttl = access_ttl.min(ends_at - now).max(0);
    }
    let access_token = state.tokens.issue(me.id, login.session_id, now, access_ttl)?;
    let max_age = |seconds: i64| login.kept.then_some(seconds);
    let secure = config.secure_cookies;
    let cookies = vec![
        cookies::set(ACCESS_COOKIE, access_token.clone(), max_age(access_ttl), secure)?,
        cookies::set(REFRESH_COOKIE, refresh_token, max_age(refresh_ttl), secure)?,
    ];
    Ok(IssuedLogin { me, session_id: login.session_id, access_token, cookies })
}
