//! The cookies: the two login cookies (written, read and cleared here) and the device's theme
//! ([`crate::model::theme::THEME_COOKIE`]), all written by [`set`].

use cookie::{Cookie, SameSite};
use http::header::{HeaderMap, COOKIE};
use http::HeaderValue;

pub const ACCESS_COOKIE: &str = "campus_access";
pub const REFRESH_COOKIE: &str = "campus_refresh";

/// The value of a cookie the browser sent, parsed with the `cookie` crate (never by hand).
pub fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == name)
        .map(|cookie| cookie.value().to_owned())
}

/// A value that cannot go into a `Set-Cookie` header. Cookie names and our token alphabets (base64url, JWT)
/// are valid header characters, so this is a server fault, never a way to send an empty cookie.
#[derive(Debug, thiserror::Error)]
#[error("cookie {0} has a value that is not a valid header")]
pub struct CookieError(&'static str);

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, whole site, `Secure` when configured. Kept for
/// `max_age_seconds`, or without one a session cookie, which the browser drops when it closes.
pub fn set(
    name: &'static str,
    value: String,
    max_age_seconds: Option<i64>,
    secure: bool,
) -> Result<HeaderValue, CookieError> {
    let mut cookie = Cookie::build((name, value))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path("/")
        .secure(secure)
        .build();
    if let Some(seconds) = max_age_seconds {
        cookie.set_max_age(cookie::time::Duration::seconds(seconds));
    }
    HeaderValue::from_str(&cookie.to_string()).map_err(|_| CookieError(name))
}

/// `Set-Cookie` values that delete both login cookies.
pub fn clear_both(secure: bool) -> Result<Vec<HeaderValue>, CookieError> {
    let clear = |name| set(name, String::new(), Some(0), secure);
    Ok(vec![clear(ACCESS_COOKIE)?, clear(REFRESH_COOKIE)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_cookies_are_http_only_and_same_site_lax() {
        let value = set(ACCESS_COOKIE, "abc".into(), Some(1800), false).expect("valid");
        let text = value.to_str().expect("ascii");
        assert!(text.starts_with("campus_access=abc"));
        assert!(text.contains("HttpOnly"));
        assert!(text.contains("SameSite=Lax"));
        assert!(text.contains("Max-Age=1800"));
        assert!(!text.contains("Secure"));
        let secure = set(ACCESS_COOKIE, "abc".into(), Some(1800), true).expect("valid");
        assert!(secure.to_str().expect("ascii").contains("Secure"));
    }

    #[test]
    fn without_a_max_age_a_cookie_lasts_the_browser_session() {
        let value = set(REFRESH_COOKIE, "abc".into(), None, false).expect("valid");
        let text = value.to_str().expect("ascii");
        assert!(text.starts_with("campus_refresh=abc") && text.contains("HttpOnly"), "{text}");
        assert!(!text.contains("Max-Age") && !text.contains("Expires"), "{text}");
    }

    #[test]
    fn a_value_that_is_no_header_is_an_error_not_an_empty_cookie() {
        assert!(set(ACCESS_COOKIE, "line\nbreak".into(), Some(1800), false).is_err());
    }

    #[test]
    fn a_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_static("a=1; campus_refresh=xyz; b=2"));
        assert_eq!(read(&headers, REFRESH_COOKIE).as_deref(), Some("xyz"));
        assert_eq!(read(&headers, ACCESS_COOKIE), None);
    }
}
