//! Pages that need a login: a visitor is sent to the log-in page, and back here afterwards. Only a visitor:
//! when the server cannot say who is asking (an outage), the page says so instead of looking logged out.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::components::status::ErrorNotice;
use crate::model::Me;
use crate::session::use_session;
use crate::text;

/// Renders `children` with the logged-in student, redirects a visitor to `/login?next=<this page>` (on the
/// server a 302, so the visitor never sees the protected page's shell), and shows any other failure as the
/// error it is, with its status.
#[component]
pub fn RequireLogin<F, V>(children: F) -> impl IntoView
where
    F: Fn(Me) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let session = use_session();
    let location = use_location();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{text::app::LOADING}</p> }>
            {move || Suspend::new(async move {
                match session.user.await {
                    Ok(Some(me)) => children.with_value(|render| render(me)).into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    Ok(None) => {
                        let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
                        view! { <Redirect path=format!("/login?next={}", encode_query_value(&here)) /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// Percent-encodes a value for a query string (everything but unreserved characters and `/`).
pub fn encode_query_value(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                encoded.push(byte as char)
            }
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(super::encode_query_value("/me"), "/me");
        assert_eq!(super::encode_query_value("/boards?a=1&b=한"), "/boards%3Fa%3D1%26b%3D%ED%95%9C");
    }
}
