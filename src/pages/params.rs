//! The typed parts of page addresses: route parameters (`/posts/:id`) and query parameters (`?before=`).
//! A value that does not parse is absent, and the page answers as for an address that names nothing.

use leptos::prelude::*;
use leptos_router::hooks::{use_params, use_query, use_query_map};
use leptos_router::params::Params;

use crate::model::community::ListKind;

/// `:id` of `/boards/:id`, `/posts/:id`, `/courses/:id`.
#[derive(Params, Debug, Clone, PartialEq)]
struct IdParam {
    id: Option<i64>,
}

/// The route's `:id`; an id that is no number reads as 0, which names nothing (the page answers 404).
pub fn route_id() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = use_params::<IdParam>();
    move || params.read().as_ref().ok().and_then(|p| p.id).unwrap_or_default()
}

/// `:kind` of `/lists/:kind`.
#[derive(Params, Debug, Clone, PartialEq)]
struct ListParam {
    kind: Option<ListKind>,
}

/// The route's list: `None` for a list the app does not have (search has its own page).
pub fn route_list() -> impl Fn() -> Option<ListKind> + Copy + Send + Sync + 'static {
    let params = use_params::<ListParam>();
    move || params.read().as_ref().ok().and_then(|p| p.kind).filter(|kind| *kind != ListKind::Search)
}

/// `:name` of `/professors/:name` and `:username` of `/users/:username/timetable`.
#[derive(Params, Debug, Clone, PartialEq)]
struct NameParam {
    name: Option<String>,
    username: Option<String>,
}

/// The route's `:name` (or `:username`), empty when absent.
pub fn route_name() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params::<NameParam>();
    move || {
        params
            .read()
            .as_ref()
            .ok()
            .and_then(|p| p.name.clone().or_else(|| p.username.clone()))
            .unwrap_or_default()
    }
}

/// `?before=` of a list page: where the page starts (a post id).
#[derive(Params, Debug, Clone, PartialEq)]
struct PageQuery {
    before: Option<i64>,
}

/// The page's `?before=` cursor.
pub fn query_before() -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let query = use_query::<PageQuery>();
    move || query.read().as_ref().ok().and_then(|q| q.before)
}

/// `?comment=` of a confirmation page: the comment acted on, `None` when the act is on the post. A value
/// that is no number reads as 0, which names no comment (the page answers 404), never as "the post".
pub fn query_comment() -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get(crate::pages::confirm::CONFIRM_COMMENT).map(|id| id.parse().unwrap_or_default())
}
