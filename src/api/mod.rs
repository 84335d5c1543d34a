//! Server functions by feature. Each one is thin: find out who is asking, call the server layer, and turn
//! the outcome into a response. They are compiled into the browser bundle as HTTP calls to `/api/…`.

pub mod account;
pub mod auth;
pub mod community;
pub mod friends;
pub mod gpa;
pub mod home;
pub mod messages;
pub mod notifications;
pub mod reviews;
pub mod schools;
pub mod timetable;

pub use auth::{current_user, log_in, log_out, my_account, refresh, sign_up, LogIn, LogOut, SignUp};
pub use schools::list_schools;

/// A checkbox in a form is sent as "on" when ticked and not at all otherwise.
pub fn checked(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| matches!(v, "on" | "true" | "1"))
}

/// Attaches `Set-Cookie` values to the response of the current server function.
#[cfg(feature = "ssr")]
fn set_cookies(cookies: &[http::HeaderValue]) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        for cookie in cookies {
            response.append_header(http::header::SET_COOKIE, cookie.clone());
        }
    }
}

/// After a write that a confirmation page posted (공감, 삭제; `pages::confirm`), goes on to `next`, a page
/// of the app: a plain form post (before hydration) gets a 302, a hydrated page a redirect its router
/// follows. Without `next` (the in-page buttons) the caller gets the function's value and stays. A refusal
/// never gets here: a plain form post then returns to the confirmation page, which shows the message.
#[cfg(feature = "ssr")]
fn go_next(next: Option<&str>) {
    if next.is_some() {
        leptos_axum::redirect(&safe_return_path(next));
    }
}

/// A same-site path to return to after log-in; anything else (another host, `//evil`, `/\evil`) becomes `/`.
pub fn safe_return_path(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\") => {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_return_path;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_return_path(Some("/me")), "/me");
        assert_eq!(safe_return_path(Some("/boards?x=1")), "/boards?x=1");
        assert_eq!(safe_return_path(Some("https://evil.example")), "/");
        assert_eq!(safe_return_path(Some("//evil.example")), "/");
        assert_eq!(safe_return_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_return_path(None), "/");
    }
}
