//! Friend requests, the friend list and blocking. Every call needs a login and stays inside the student's
//! school: another school's student is an unknown username. The rules and their refusals live in
//! `server::friends`; these functions only say who asks.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::friends::{FriendsOverview, RequestOutcome};
#[cfg(feature = "ssr")]
use crate::server::{auth::identity::require_student, friends, state::app_state};

/// The 친구 tab's lists: friends, requests received and sent, and blocked students.
#[server(prefix = "/api", endpoint = "friends/list")]
pub async fn list_friends() -> Result<FriendsOverview, AppError> {
    friends::overview(&app_state()?, &require_student()?.me).await
}

/// Asks `username` to be friends; if they had already asked, that request is accepted instead.
#[server(prefix = "/api", endpoint = "friends/request")]
pub async fn send_friend_request(username: String) -> Result<RequestOutcome, AppError> {
    friends::request(&app_state()?, &require_student()?.me, &username).await
}

/// Accepts the request `username` sent.
#[server(prefix = "/api", endpoint = "friends/accept")]
pub async fn accept_friend_request(username: String) -> Result<(), AppError> {
    friends::accept(&app_state()?, &require_student()?.me, &username).await
}

/// Declines the request `username` sent.
#[server(prefix = "/api", endpoint = "friends/decline")]
pub async fn decline_friend_request(username: String) -> Result<(), AppError> {
    friends::decline(&app_state()?, &require_student()?.me, &username).await
}

/// Withdraws the request sent to `username`.
#[server(prefix = "/api", endpoint = "friends/cancel")]
pub async fn cancel_friend_request(username: String) -> Result<(), AppError> {
    friends::cancel(&app_state()?, &require_student()?.me, &username).await
}

/// Ends the friendship with `username`.
#[server(prefix = "/api", endpoint = "friends/remove")]
pub async fn remove_friend(username: String) -> Result<(), AppError> {
    friends::remove(&app_state()?, &require_student()?.me, &username).await
}

/// Blocks `username`, ending any friendship and request between the two.
#[server(prefix = "/api", endpoint = "friends/block")]
pub async fn block_student(username: String) -> Result<(), AppError> {
    friends::block(&app_state()?, &require_student()?.me, &username).await
}

/// Lifts the block on `username`.
#[server(prefix = "/api", endpoint = "friends/unblock")]
pub async fn unblock_student(username: String) -> Result<(), AppError> {
    friends::unblock(&app_state()?, &require_student()?.me, &username).await
}
