//! The two login cookies: how they are written, read and cleared.

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

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, whole site, `Secure` when configured.
pub fn set(name: &'static str, value: String, max_age_seconds: i64, secure: bool) -> HeaderValue {
    let cookie = Cookie::build((name, value))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path("/")
        .secure(secure)
        .max_age(cookie::time::Duration::seconds(max_age_seconds))
        .build();
    // Cookie names and our token alphabets (base64url, JWT) are valid header characters.
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// `Set-Cookie` values that delete both login cookies.
pub fn clear_both(secure: bool) -> [HeaderValue; 2] {
    [set(ACCESS_COOKIE, String::new(), 0, secure), set(REFRESH_COOKIE, String::new(), 0, secure)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_cookies_are_http_only_and_same_site_lax() {
        let value = set(ACCESS_COOKIE, "abc".into(), 1800, false);
        let text = value.to_str().expect("ascii");
        assert!(text.starts_with("campus_access=abc"));
        assert!(text.contains("HttpOnly"));
        assert!(text.contains("SameSite=Lax"));
        assert!(text.contains("Max-Age=1800"));
        assert!(!text.contains("Secure"));
        assert!(set(ACCESS_COOKIE, "abc".into(), 1800, true).to_str().expect("ascii").contains("Secure"));
    }

    #[test]
    fn a_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_static("a=1; campus_refresh=xyz; b=2"));
        assert_eq!(read(&headers, REFRESH_COOKIE).as_deref(), Some("xyz"));
        assert_eq!(read(&headers, ACCESS_COOKIE), None);
    }
}
