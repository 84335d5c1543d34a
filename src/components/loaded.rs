//! The shape every page's data takes on screen: a loading state while it comes, the error (with its status,
//! see [`ErrorNotice`]) if it failed, and the page itself once it is there.

use leptos::prelude::*;

use crate::components::status::{ErrorNotice, Loading};
use crate::error::AppError;

/// Renders `children` with the resource's value once it has loaded, or its error.
#[component]
pub fn Loaded<T, F, V>(resource: Resource<Result<T, AppError>>, children: F) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Result<T, AppError>: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok(value) => children.with_value(|render| render(value)).into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
