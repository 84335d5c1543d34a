//! Friend requests, the friend list and blocking. Every call needs a login and stays inside the student's
//! school: another school's student is an unknown username. The rules and their refusals live in
//! `server::db::friends`; these functions only say who asks.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::friends::{FriendsOverview, RequestOutcome};
#[cfg(feature = "ssr")]
use crate::{
    model::friends::validate_username_input,
    server::{auth::identity::require_student, db, now, state::app_state},
};

/// The 친구 tab's lists: friends, requests received and sent, and blocked students.
#[server(prefix = "/api", endpoint = "friends/list")]
pub async fn list_friends() -> Result<FriendsOverview, AppError> {
    let (me, _) = require_student()?;
    Ok(db::friends::overview(&app_state()?.db, me.id).await?)
}

/// Asks `username` to be friends; if they had already asked, that request is accepted instead.
#[server(prefix = "/api", endpoint = "friends/request")]
pub async fn send_friend_request(username: String) -> Result<RequestOutcome, AppError> {
    let (me, _) = require_student()?;
    let username = validate_username_input(&username)?;
    db::friends::request(&app_state()?.db, me.id, me.school_id, &username, now()).await
}

/// Accepts the request `username` sent.
#[server(prefix = "/api", endpoint = "friends/accept")]
pub async fn accept_friend_request(username: String) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    let username = validate_username_input(&username)?;
    db::friends::accept(&app_state()?.db, me.id, me.school_id, &username, now()).await
}

/// Declines the request `username` sent.
#[server(prefix = "/api", endpoint = "friends/decline")]
pub async fn decline_friend_request(username: String) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    let username = validate_username_input(&username)?;
    db::friends::decline(&app_state()?.db, me.id, me.school_id, &username).await
}

/// Withdraws the request sent to `username`.
#[server(prefix = "/api", endpoint = "friends/cancel")]
pub async fn cancel_friend_request(username: String) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    let username = validate_username_input(&username)?;
    db::friends::cancel(&app_state()?.db, me.id, me.school_id, &username).await
}

/// Ends the friendship with `username`.
#[server(prefix = "/api", endpoint = "friends/remove")]
pub async fn remove_friend(username: String) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    let username = validate_username_input(&username)?;
    db::friends::remove(&app_state()?.db, me.id, me.school_id, &username).await
}

/// Blocks `username`, ending any friendship and request between the two.
#[server(prefix = "/api", endpoint = "friends/block")]
pub async fn block_student(username: String) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    let username = validate_username_input(&username)?;
    db::friends::block(&app_state()?.db, me.id, me.school_id, &username, now()).await
}

/// Lifts the block on `username`.
#[server(prefix = "/api", endpoint = "friends/unblock")]
pub async fn unblock_student(username: String) -> Result<(), AppError> {
    let (me, _) = require_student()?;
    let username = validate_username_input(&username)?;
    db::friends::unblock(&app_state()?.db, me.id, me.school_id, &username).await
}
