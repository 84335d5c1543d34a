//! Pages that need a login: a visitor is sent to the log-in page, and back here afterwards. Only a visitor:
//! when the server cannot say who is asking (an outage), the page says so instead of looking logged out.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
use leptos_router::location::Location;

use crate::components::status::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::model::Me;
use crate::session::use_session;

/// Renders `children` with the logged-in student, redirects a visitor to `/login?next=<this page>` (on the
/// server a 302, so the visitor never sees the protected page's shell), and shows any other failure as the
/// error it is, with its status.
#[component]
pub fn RequireLogin<F, V>(children: F) -> impl IntoView
where
    F: Fn(Me) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    behind_login(move |me| std::future::ready(children(me).into_any()))
}

/// [`RequireLogin`] around a page whose content is `resource`: renders `children` with its value once it has
/// loaded, or its error, in one boundary rather than one inside the other (every Suspense is work for the
/// server's render). The resource loads meanwhile, as it was created before.
#[component]
pub fn StudentLoaded<T, F, V>(resource: Resource<Result<T, AppError>>, children: F) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Result<T, AppError>: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let children = StoredValue::new(children);
    behind_login(move |_| async move {
        match resource.await {
            Ok(value) => children.with_value(|render| render(value)).into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        }
    })
}

/// The one Suspense of a page that needs a login: it waits for the student, then for `page` of them.
fn behind_login<P, Fut>(page: P) -> impl IntoView
where
    P: Fn(Me) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = AnyView> + Send + 'static,
{
    let (session, location) = (use_session(), use_location());
    let page = StoredValue::new(page);
    view! {
        <Suspense fallback=Loading>
            {move || {
                let location = location.clone();
                Suspend::new(async move {
                    match student_or_else(session.user.await, &location) {
                        Ok(me) => page.with_value(|page| page(me)).await,
                        Err(instead) => instead,
                    }
                })
            }}
        </Suspense>
    }
}

/// The student, or what a page that needs one shows instead: the redirect of a visitor, or the error that
/// kept the server from saying who asks.
fn student_or_else(session: Result<Option<Me>, AppError>, location: &Location) -> Result<Me, AnyView> {
    match session {
        Ok(Some(me)) => Ok(me),
        Err(error) => Err(view! { <ErrorNotice error /> }.into_any()),
        Ok(None) => {
            let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
            Err(view! { <Redirect path=format!("/login?next={}", encode_query_value(&here)) /> }.into_any())
        }
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
