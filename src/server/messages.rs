//! 쪽지: starting a conversation from a post, a comment or a friend, sending, reading, leaving and blocking.
//!
//! The sender names only the content (or the friend); the server finds its author, so no identifier of an
//! anonymous author ever reaches them. A conversation started from anonymous content is anonymous both ways
//! for good: each side is 익명 to the other, whatever the names behind them.
//!
//! How refusals answer: every refusal that depends on the other student — they blocked me, I blocked them
//! by username (answering that would tell me who an anonymous author is), their account is closed — is one
//! and the same 403, so it reveals nothing. What concerns only the asker is specific: their own content
//! (422), a conversation they blocked themselves (409), a conversation or content they cannot see (404).
//!
//! Starting and sending hold both students' rows (`db::friends::begin_pair`), so a block and a message of
//! the same pair never interleave; flood limits count messages per minute and new conversations per hour.

use crate::error::AppError;
use crate::model::messages::{
    validate_message, Conversation, ConversationOrigin, ConversationPage, ConversationSummary, Message,
    MessagePage, Started, CONVERSATIONS_PER_PAGE, MESSAGES_PER_PAGE,
};
use crate::model::notifications::NotificationKind;
use crate::model::Me;
use crate::server::community::anonymous::actor_label;
use crate::server::db::messages::{self as rows, MessageRow, NewConversation};
use crate::server::db::throttle::Action;
use crate::server::db::{friends, notifications as notification_rows, users, Tx};
use crate::server::notifications::{notify, Cause};
use crate::server::state::AppState;
use crate::server::{limits, now};
use crate::text::messages as t;

/// What "쪽지 보내기" was pressed on.
#[derive(Debug, Clone)]
pub enum StartFrom {
    Post(i64),
    Comment(i64),
    /// A friend, by username.
    Friend(String),
}

/// Starts a conversation (or continues the one this pair already has from this origin) with `body`.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn start(state: &AppState, me: &Me, from: StartFrom, body: &str) -> Result<Started, AppError> {
    let body = validate_message(body)?;
    let new = conversation_to_start(state, me, from).await?;
    if new.recipient_id == me.id {
        return Err(AppError::Invalid { message: t::OWN_CONTENT.into(), fields: vec![] });
    }
    let mut tx = friends::begin_pair(&state.db, me.id, new.recipient_id).await?.ok_or_else(refused)?;
    if new.origin == ConversationOrigin::Friend
        && friends::pair_state(&mut tx, me.id, new.recipient_id).await?.friends == 0
    {
        return Err(AppError::Forbidden(t::NOT_FRIENDS.into()));
    }
    let now = now();
    let (conversation_id, created) = rows::find_or_create(&mut tx, &new, now).await?;
    if created {
        let limit = state.config.conversation_limit;
        limits::take(&mut tx, limit, Action::Conversation, &me.id.to_string(), now).await?;
    }
    let membership = rows::membership(&mut tx, conversation_id, me.id).await?.ok_or_else(not_found)?;
    send_in(state, tx, me, conversation_id, &membership, &body, now).await?;
    Ok(Started { conversation_id })
}

/// The conversation `from` leads to, with its recipient found on the server.
async fn conversation_to_start(
    state: &AppState,
    me: &Me,
    from: StartFrom,
) -> Result<NewConversation, AppError> {
    let (origin, origin_id) = match &from {
        StartFrom::Post(id) => (ConversationOrigin::Post, *id),
        StartFrom::Comment(id) => (ConversationOrigin::Comment, *id),
        StartFrom::Friend(username) => {
            let username = crate::model::friends::validate_username_input(username)?;
            let friend = users::in_school(&state.db, me.school_id, &username)
                .await?
                .ok_or_else(|| AppError::Missing(t::FRIEND_NOT_FOUND.into()))?;
            return Ok(NewConversation {
                school_id: me.school_id,
                starter_id: me.id,
                recipient_id: friend.id,
                origin: ConversationOrigin::Friend,
                origin_id: 0,
                post_id: None,
                board_id: None,
                anonymous: false,
            });
        }
    };
    let content = rows::origin(&state.db, origin, origin_id, me.id, me.school_id)
        .await?
        .ok_or_else(|| AppError::Missing(t::CONTENT_NOT_FOUND.into()))?;
    Ok(NewConversation {
        school_id: me.school_id,
        starter_id: me.id,
        recipient_id: content.author_id,
        origin,
        origin_id,
        post_id: Some(content.post_id),
        board_id: Some(content.board_id),
        anonymous: content.anonymous.into(),
    })
}

/// Sends a message in one of the student's conversations.
#[tracing::instrument(skip_all, fields(user = me.id, conversation_id))]
pub async fn send(state: &AppState, me: &Me, conversation_id: i64, body: &str) -> Result<Message, AppError> {
    let body = validate_message(body)?;
    let (tx, membership) = begin_pair_of(state, me, conversation_id).await?;
    let now = now();
    let id = send_in(state, tx, me, conversation_id, &membership, &body, now).await?;
    Ok(Message { id, mine: true, body: Some(body), created_at: now })
}

/// A transaction holding both students' rows of one of `me`'s conversations, and `me`'s membership as
/// read under those locks.
async fn begin_pair_of(
    state: &AppState,
    me: &Me,
    conversation_id: i64,
) -> Result<(Tx, rows::Membership), AppError> {
    let other_id = rows::membership(&mut *state.db.pool().acquire().await?, conversation_id, me.id)
        .await?
        .ok_or_else(not_found)?
        .other_id;
    let mut tx = friends::begin_pair(&state.db, me.id, other_id).await?.ok_or_else(refused)?;
    let membership = rows::membership(&mut tx, conversation_id, me.id).await?.ok_or_else(not_found)?;
    Ok((tx, membership))
}

/// Writes the message in the pair's transaction, notifies the recipient, and commits; the message's id.
async fn send_in(
    state: &AppState,
    mut tx: Tx,
    me: &Me,
    conversation_id: i64,
    membership: &rows::Membership,
    body: &str,
    now: i64,
) -> Result<i64, AppError> {
    if bool::from(membership.blocked) {
        return Err(AppError::Conflict(t::YOU_BLOCKED.into()));
    }
    if bool::from(membership.blocked_by_other) || rows::refuses(&mut tx, me.id, membership.other_id).await? {
        return Err(refused());
    }
    limits::take(&mut tx, state.config.message_limit, Action::Message, &me.id.to_string(), now).await?;
    let id = rows::insert_message(&mut tx, conversation_id, me.id, body, now).await?;
    let cause = Cause {
        kind: NotificationKind::Message,
        recipient_id: membership.other_id,
        actor: Some((me.id, membership.anonymous.into())),
        post_id: None,
        comment_id: None,
        conversation_id: Some(conversation_id),
    };
    notify(&mut tx, state, cause, now).await?;
    // Both sides' open pages follow the conversation: the recipient's, and the sender's other tabs.
    tx.announce(membership.other_id);
    tx.announce(me.id);
    tx.commit().await?;
    Ok(id)
}

/// One page of the 쪽지함, newest conversation first.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn list(state: &AppState, me: &Me, before: Option<i64>) -> Result<ConversationPage, AppError> {
    let mut rows = rows::list(&state.db, me.id, before, CONVERSATIONS_PER_PAGE + 1).await?;
    let next_cursor = if rows.len() as i64 > CONVERSATIONS_PER_PAGE {
        rows.truncate(CONVERSATIONS_PER_PAGE as usize);
        rows.last().map(|row| row.last.id)
    } else {
        None
    };
    let items = rows
        .into_iter()
        .map(|row| ConversationSummary {
            id: row.conversation_id,
            with: actor_label(row.anonymous.into(), row.other_nickname),
            board_name: row.board_name,
            last: message(row.last),
            unread: row.unread,
        })
        .collect();
    Ok(ConversationPage { items, next_cursor })
}

/// A conversation with its newest messages (or those before `before`). Opening the newest page reads it:
/// its unread messages and their 알림 become read.
#[tracing::instrument(skip_all, fields(user = me.id, conversation_id))]
pub async fn open(
    state: &AppState,
    me: &Me,
    conversation_id: i64,
    before: Option<i64>,
) -> Result<Conversation, AppError> {
    let header = rows::header(&state.db, conversation_id, me.id).await?.ok_or_else(not_found)?;
    let mut page =
        rows::older(&state.db, conversation_id, me.id, header.cleared_through, before, MESSAGES_PER_PAGE + 1)
            .await?;
    let older_cursor = if page.len() as i64 > MESSAGES_PER_PAGE {
        page.truncate(MESSAGES_PER_PAGE as usize);
        page.last().map(|row| row.id)
    } else {
        None
    };
    if before.is_none() && header.read_through < header.last_message_id {
        read_through(state, me, conversation_id, header.last_message_id).await?;
    }
    page.reverse();
    Ok(Conversation {
        id: header.id,
        with: actor_label(header.anonymous.into(), header.other_nickname),
        origin: header.origin.0,
        anonymous: header.anonymous.into(),
        board_name: header.board_name,
        post_id: header.post_id,
        blocked: header.blocked.into(),
        messages: MessagePage { messages: page.into_iter().map(message).collect(), older_cursor },
    })
}

/// The conversation's messages after `after`, oldest first, read as they are fetched: what an open
/// conversation asks for when the live stream says something arrived.
#[tracing::instrument(skip_all, fields(user = me.id, conversation_id))]
pub async fn newer(
    state: &AppState,
    me: &Me,
    conversation_id: i64,
    after: i64,
) -> Result<Vec<Message>, AppError> {
    let header = rows::header(&state.db, conversation_id, me.id).await?.ok_or_else(not_found)?;
    let after = after.max(header.cleared_through);
    let rows = rows::newer(&state.db, conversation_id, me.id, after, MESSAGES_PER_PAGE).await?;
    if let Some(last) = rows.last() {
        if header.read_through < last.id {
            read_through(state, me, conversation_id, last.id).await?;
        }
    }
    Ok(rows.into_iter().map(message).collect())
}

/// Marks the conversation read up to `through`, with its 쪽지 알림.
async fn read_through(state: &AppState, me: &Me, conversation_id: i64, through: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    rows::mark_read(&mut tx, conversation_id, me.id, through).await?;
    notification_rows::mark_conversation_read(&mut tx, me.id, conversation_id, now()).await?;
    tx.announce(me.id);
    tx.commit().await?;
    Ok(())
}

/// 나가기: the conversation, as it is now, is gone for the student (the other side keeps it).
#[tracing::instrument(skip_all, fields(user = me.id, conversation_id))]
pub async fn leave(state: &AppState, me: &Me, conversation_id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    rows::membership(&mut tx, conversation_id, me.id).await?.ok_or_else(not_found)?;
    rows::leave(&mut tx, conversation_id, me.id).await?;
    notification_rows::mark_conversation_read(&mut tx, me.id, conversation_id, now()).await?;
    tx.announce(me.id);
    tx.commit().await?;
    Ok(())
}

/// Blocks (or unblocks) a conversation: while blocked, the other side's messages in it are refused with the
/// answer that reveals nothing. It works the same whether the conversation is anonymous or not, and never
/// tells the blocker who the other side is. It holds the pair's rows, as sending does, so that no message
/// commits after a block that committed before it.
#[tracing::instrument(skip_all, fields(user = me.id, conversation_id, blocked))]
pub async fn block(state: &AppState, me: &Me, conversation_id: i64, blocked: bool) -> Result<(), AppError> {
    let (mut tx, _) = begin_pair_of(state, me, conversation_id).await?;
    rows::set_blocked(&mut tx, conversation_id, me.id, blocked).await?;
    tx.commit().await?;
    Ok(())
}

fn message(row: MessageRow) -> Message {
    Message { id: row.id, mine: row.mine.into(), body: row.body, created_at: row.created_at }
}

/// The one answer to every refusal that depends on the other student.
fn refused() -> AppError {
    AppError::Forbidden(t::CANNOT_SEND.into())
}

fn not_found() -> AppError {
    AppError::Missing(t::NOT_FOUND.into())
}
