//! The life of a login: started with a first pair of tokens, continued by refresh, ended by log-out. A login
//! is a row in `sessions`; its refresh tokens are single-use (see `db::sessions::exchange` for rotation,
//! reuse and the short window in which a spent token still continues its login).

use http::HeaderValue;

use super::cookies::{self, ACCESS_COOKIE, REFRESH_COOKIE};
use super::tokens;
use crate::error::AppError;
use crate::model::Me;
use crate::server::db::{sessions, users};
use crate::server::now;
use crate::server::state::AppState;

/// A login just started or continued: its tokens and the cookies that carry them.
pub struct IssuedLogin {
    pub me: Me,
    pub session_id: i64,
    pub access_token: String,
    pub cookies: Vec<HeaderValue>,
}

/// Starts a login for the student.
pub async fn start(state: &AppState, user_id: i64) -> Result<IssuedLogin, AppError> {
    let refresh_token = tokens::random_token();
    let now = now();
    let expires_at = now + state.config.refresh_token_ttl.as_secs() as i64;
    let session_id =
        sessions::create(&state.db, user_id, &tokens::hash_refresh_token(&refresh_token), expires_at, now)
            .await?;
    let me = users::by_live_session(&state.db, session_id, user_id).await?.ok_or(AppError::Internal)?;
    issue(state, me, session_id, refresh_token, now)
}

/// Exchanges a refresh token for a new pair. `None` when the token is unknown, expired, revoked or reused
/// (reuse also revokes the login).
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

/// Ends one login: its refresh and access tokens stop working at once.
pub async fn end(state: &AppState, session_id: i64) -> Result<(), AppError> {
    sessions::revoke(&state.db, session_id, now()).await?;
    Ok(())
}

/// Ends every login of the student but `keep` (or all of them); how many ended.
pub async fn end_all(state: &AppState, user_id: i64, keep: Option<i64>) -> Result<u64, AppError> {
    Ok(sessions::revoke_all(&state.db, user_id, keep, now()).await?)
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
