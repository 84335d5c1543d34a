//! Friends: requests by username within one's school, answered, withdrawn or crossing each other; the
//! friendship either side may end; and blocks. A request and a friendship begun notify the other student.
//!
//! How refusals answer: something to act on that does not exist (an unknown username, a request that is
//! gone) is 404; a state that forbids the act (already friends, already asked, blocked) is 409; a request
//! that could never succeed (yourself) is 422.
//!
//! A blocked student must not learn that the blocker blocked them, or even that the blocker exists: their
//! request answers exactly as an unknown username does, and nothing else they can do reveals the block.
//!
//! Every change holds both students' rows (`db::friends::begin_pair`), so the rules hold however requests
//! interleave. Two students who ask each other at the same moment are the case this exists for: the second
//! request finds the first and accepts it, and they become friends exactly once.

use crate::error::AppError;
use crate::model::friends::{validate_username_input, FriendsOverview, Person, RequestOutcome};
use crate::model::notifications::NotificationKind;
use crate::model::Me;
use crate::server::db::users::{self, SchoolMate};
use crate::server::db::{friends as rows, Tx};
use crate::server::notifications::{notify, Cause};
use crate::server::now;
use crate::server::state::AppState;
use crate::text::friends as t;

/// The four lists of the 친구 tab.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn overview(state: &AppState, me: &Me) -> Result<FriendsOverview, AppError> {
    Ok(rows::overview(&state.db, me.id).await?)
}

/// A friend request to `username`. If that student has already asked, their request is accepted instead:
/// that is what makes two requests crossing each other end in one friendship.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn request(state: &AppState, me: &Me, username: &str) -> Result<RequestOutcome, AppError> {
    let other = schoolmate(state, me, username, unknown_user).await?;
    if other.id == me.id {
        return Err(AppError::field("username", t::SELF_REQUEST));
    }
    let mut tx = pair(state, me, &other, unknown_user).await?;
    let pair = rows::pair_state(&mut tx, me.id, other.id).await?;
    // Our own block is checked first: whoever blocked someone knows that already, and answering it before
    // the other block means the answer never depends on whether the other student blocked us too.
    if pair.i_blocked > 0 {
        return Err(AppError::Conflict(t::YOU_BLOCKED.to_owned()));
    }
    if pair.they_blocked > 0 {
        // Exactly the unknown-username answer: the blocked student learns nothing.
        return Err(unknown_user());
    }
    if pair.friends > 0 {
        return Err(AppError::Conflict(t::ALREADY_FRIENDS.to_owned()));
    }
    if pair.i_asked > 0 {
        return Err(AppError::Conflict(t::ALREADY_REQUESTED.to_owned()));
    }
    let now = now();
    let outcome = if pair.they_asked > 0 {
        rows::delete_request(&mut tx, other.id, me.id).await?;
        rows::insert_friendship(&mut tx, me.id, other.id, now).await?;
        tell(&mut tx, state, me, other.id, NotificationKind::FriendAccepted, now).await?;
        RequestOutcome::BecameFriends(Person { username: other.username, nickname: other.nickname })
    } else {
        rows::insert_request(&mut tx, me.id, other.id, now).await?;
        tell(&mut tx, state, me, other.id, NotificationKind::FriendRequest, now).await?;
        RequestOutcome::Sent
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Accepts the request that `username` sent.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn accept(state: &AppState, me: &Me, username: &str) -> Result<(), AppError> {
    let other = schoolmate(state, me, username, no_such_request).await?;
    let mut tx = pair(state, me, &other, no_such_request).await?;
    if !rows::delete_request(&mut tx, other.id, me.id).await? {
        // Pressed twice, or on two devices: the first made them friends, and the second says so.
        return Err(gone_or_friends(&mut tx, me, &other, no_such_request).await);
    }
    let now = now();
    rows::insert_friendship(&mut tx, me.id, other.id, now).await?;
    tell(&mut tx, state, me, other.id, NotificationKind::FriendAccepted, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The 알림 of a friend request or of a friendship begun, to the other student, by name.
async fn tell(
    tx: &mut Tx,
    state: &AppState,
    me: &Me,
    recipient_id: i64,
    kind: NotificationKind,
    now: i64,
) -> Result<(), AppError> {
    let cause = Cause {
        kind,
        recipient_id,
        actor: Some((me.id, false)),
        post_id: None,
        comment_id: None,
        conversation_id: None,
    };
    notify(tx, state, cause, now).await
}

/// Who sent the request that [`drop_request`] removes.
enum Sender {
    Me,
    Them,
}

/// Declines the request that `username` sent; the sender sees it vanish from their 보낸 요청.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn decline(state: &AppState, me: &Me, username: &str) -> Result<(), AppError> {
    drop_request(state, me, username, Sender::Them, no_such_request).await
}

/// Withdraws the request sent to `username`.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn cancel(state: &AppState, me: &Me, username: &str) -> Result<(), AppError> {
    drop_request(state, me, username, Sender::Me, || AppError::Missing(t::NO_SUCH_SENT_REQUEST.to_owned()))
        .await
}

/// Removes a pending request. When it is gone because it was accepted meanwhile, the student is told they
/// are friends now; otherwise `gone` says it no longer exists.
#[tracing::instrument(skip_all, fields(user = me.id))]
async fn drop_request(
    state: &AppState,
    me: &Me,
    username: &str,
    sender: Sender,
    gone: fn() -> AppError,
) -> Result<(), AppError> {
    let other = schoolmate(state, me, username, gone).await?;
    let mut tx = pair(state, me, &other, gone).await?;
    let (from, to) = match sender {
        Sender::Me => (me.id, other.id),
        Sender::Them => (other.id, me.id),
    };
    if !rows::delete_request(&mut tx, from, to).await? {
        return Err(gone_or_friends(&mut tx, me, &other, gone).await);
    }
    tx.commit().await?;
    Ok(())
}

/// Ends the friendship with `username`; either side may.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn remove(state: &AppState, me: &Me, username: &str) -> Result<(), AppError> {
    let not_friends = || AppError::Missing(t::NOT_FRIENDS.to_owned());
    let other = schoolmate(state, me, username, not_friends).await?;
    let mut tx = pair(state, me, &other, not_friends).await?;
    if !rows::delete_friendship(&mut tx, me.id, other.id).await? {
        return Err(not_friends());
    }
    tx.commit().await?;
    Ok(())
}

/// Blocks `username`: their friendship and every waiting request between them, in either direction, go in
/// the same transaction.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn block(state: &AppState, me: &Me, username: &str) -> Result<(), AppError> {
    let other = schoolmate(state, me, username, unknown_user).await?;
    if other.id == me.id {
        return Err(AppError::field("username", t::SELF_BLOCK));
    }
    let mut tx = pair(state, me, &other, unknown_user).await?;
    if rows::pair_state(&mut tx, me.id, other.id).await?.i_blocked > 0 {
        return Err(AppError::Conflict(t::ALREADY_BLOCKED.to_owned()));
    }
    rows::insert_block(&mut tx, me.id, other.id, now()).await?;
    rows::delete_friendship(&mut tx, me.id, other.id).await?;
    rows::delete_request(&mut tx, me.id, other.id).await?;
    rows::delete_request(&mut tx, other.id, me.id).await?;
    tx.commit().await?;
    Ok(())
}

/// Lifts the block on `username`. Nothing comes back: friendship and requests start over.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn unblock(state: &AppState, me: &Me, username: &str) -> Result<(), AppError> {
    let not_blocked = || AppError::Missing(t::NOT_BLOCKED.to_owned());
    let other = schoolmate(state, me, username, not_blocked).await?;
    let mut tx = pair(state, me, &other, not_blocked).await?;
    if !rows::delete_block(&mut tx, me.id, other.id).await? {
        return Err(not_blocked());
    }
    tx.commit().await?;
    Ok(())
}

fn unknown_user() -> AppError {
    AppError::Missing(t::UNKNOWN_USER.to_owned())
}

fn no_such_request() -> AppError {
    AppError::Missing(t::NO_SUCH_REQUEST.to_owned())
}

/// The student of the asker's school named `username` (trimmed and checked first); `missing` when there is
/// none, or the name could name nobody.
async fn schoolmate(
    state: &AppState,
    me: &Me,
    username: &str,
    missing: fn() -> AppError,
) -> Result<SchoolMate, AppError> {
    let username = validate_username_input(username)?;
    users::in_school(&state.db, me.school_id, &username).await?.ok_or_else(missing)
}

/// The transaction holding both students' rows; `missing` when one of them has gone meanwhile.
async fn pair(
    state: &AppState,
    me: &Me,
    other: &SchoolMate,
    missing: fn() -> AppError,
) -> Result<Tx, AppError> {
    rows::begin_pair(&state.db, me.id, other.id).await?.ok_or_else(missing)
}

/// Why a request to act on is not there: already friends (409), or simply `gone`.
async fn gone_or_friends(tx: &mut Tx, me: &Me, other: &SchoolMate, gone: fn() -> AppError) -> AppError {
    match rows::pair_state(tx, me.id, other.id).await {
        Ok(pair) if pair.friends > 0 => AppError::Conflict(t::ALREADY_FRIENDS.to_owned()),
        Ok(_) => gone(),
        Err(error) => error.into(),
    }
}
