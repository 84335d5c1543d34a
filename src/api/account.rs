//! 내 정보 settings: nickname, password, logging out everywhere, deleting the account, and this device's
//! colour theme.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::codes::Pick;
use crate::model::theme::Theme;
#[cfg(feature = "ssr")]
use crate::server::{accounts, auth::cookies, auth::identity, state::app_state};

/// How often the nickname may change, and from when the student's may change again.
#[server(prefix = "/api", endpoint = "account/nickname-rule")]
pub async fn nickname_rule() -> Result<crate::model::account::NicknameRule, AppError> {
    accounts::nickname_rule(&app_state()?, &identity::require_student()?.me).await
}

#[server(prefix = "/api", endpoint = "account/nickname")]
pub async fn change_nickname(nickname: String) -> Result<(), AppError> {
    accounts::change_nickname(&app_state()?, &identity::require_student()?.me, &nickname).await
}

/// Changes the password (typed twice); every other login of the student ends, this one continues.
#[server(prefix = "/api", endpoint = "account/password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    new_password_confirm: String,
) -> Result<(), AppError> {
    let student = identity::require_student()?;
    let addr = identity::current_client_addr();
    accounts::change_password(
        &app_state()?,
        &student.me,
        student.session_id,
        &current_password,
        &new_password,
        &new_password_confirm,
        &addr,
    )
    .await
}

/// Ends every login of the student, this one included, and goes to the log-in page.
#[server(prefix = "/api", endpoint = "account/logout-everywhere")]
pub async fn log_out_everywhere() -> Result<(), AppError> {
    let student = identity::require_student()?;
    let state = app_state()?;
    accounts::log_out_everywhere(&state, &student.me).await?;
    super::set_cookies(&cookies::clear_both(state.config.secure_cookies)?);
    leptos_axum::redirect("/login");
    Ok(())
}

/// Deletes the account after checking the password, then behaves like a log-out.
#[server(prefix = "/api", endpoint = "account/delete")]
pub async fn delete_account(password: String) -> Result<(), AppError> {
    let student = identity::require_student()?;
    let state = app_state()?;
    accounts::delete_account(&state, &student.me, &password, &identity::current_client_addr()).await?;
    super::set_cookies(&cookies::clear_both(state.config.secure_cookies)?);
    leptos_axum::redirect("/");
    Ok(())
}

/// Keeps `theme` for this device in a cookie (a year; 기기 설정 deletes it), which the server reads to render
/// `<html data-theme>`. Asks for no login: the login pages follow the theme too.
#[server(prefix = "/api", endpoint = "account/theme")]
pub async fn set_theme(theme: Pick<Theme>) -> Result<(), AppError> {
    use crate::model::theme::THEME_COOKIE;
    const YEAR_SECONDS: i64 = 365 * 24 * 60 * 60;
    let theme = theme.known("theme")?;
    let max_age = if theme == Theme::System { 0 } else { YEAR_SECONDS };
    let secure = app_state()?.config.secure_cookies;
    let cookie = cookies::set(THEME_COOKIE, theme.to_string(), Some(max_age), secure)?;
    super::set_cookies(&[cookie]);
    Ok(())
}
