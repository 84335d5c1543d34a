//! 쪽지: starting a conversation, the 쪽지함, a conversation, sending, leaving and blocking. Each function
//! finds out who is asking and calls `server::messages`, which owns the rules and the refusals.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::messages::{Conversation, ConversationPage, Message, Started};
#[cfg(feature = "ssr")]
use crate::server::{auth::identity::require_student, messages, messages::StartFrom, state::app_state};

/// Sends a first 쪽지 from exactly one of: a post, a comment (to its author, whom the server finds), or a
/// friend (by username). Continues the pair's conversation from that origin if it exists.
#[server(prefix = "/api", endpoint = "messages/start")]
pub async fn start_conversation(
    post_id: Option<i64>,
    comment_id: Option<i64>,
    friend: Option<String>,
    body: String,
) -> Result<Started, AppError> {
    let student = require_student()?;
    let from = match (post_id, comment_id, friend) {
        (Some(id), None, None) => StartFrom::Post(id),
        (None, Some(id), None) => StartFrom::Comment(id),
        (None, None, Some(username)) => StartFrom::Friend(username),
        _ => return Err(AppError::BadRequest(crate::text::messages::NO_TARGET.into())),
    };
    messages::start(&app_state()?, &student.me, from, &body).await
}

/// A page of the 쪽지함, newest conversation first, below the cursor `before`.
#[server(prefix = "/api", endpoint = "messages/list")]
pub async fn list_conversations(before: Option<i64>) -> Result<ConversationPage, AppError> {
    messages::list(&app_state()?, &require_student()?.me, before).await
}

/// A conversation with its newest messages (or those before `before`); opening it reads it.
#[server(prefix = "/api", endpoint = "messages/open")]
pub async fn open_conversation(conversation_id: i64, before: Option<i64>) -> Result<Conversation, AppError> {
    messages::open(&app_state()?, &require_student()?.me, conversation_id, before).await
}

/// The conversation's messages after `after`, oldest first (an open conversation catching up).
#[server(prefix = "/api", endpoint = "messages/newer")]
pub async fn newer_messages(conversation_id: i64, after: i64) -> Result<Vec<Message>, AppError> {
    messages::newer(&app_state()?, &require_student()?.me, conversation_id, after).await
}

/// Sends a 쪽지 in one of the student's conversations.
#[server(prefix = "/api", endpoint = "messages/send")]
pub async fn send_message(conversation_id: i64, body: String) -> Result<Message, AppError> {
    messages::send(&app_state()?, &require_student()?.me, conversation_id, &body).await
}

/// 나가기: the conversation as it is now is gone for the student.
#[server(prefix = "/api", endpoint = "messages/leave")]
pub async fn leave_conversation(conversation_id: i64) -> Result<(), AppError> {
    messages::leave(&app_state()?, &require_student()?.me, conversation_id).await
}

/// Blocks or unblocks a conversation for the student.
#[server(prefix = "/api", endpoint = "messages/block")]
pub async fn block_conversation(conversation_id: i64, blocked: bool) -> Result<(), AppError> {
    messages::block(&app_state()?, &require_student()?.me, conversation_id, blocked).await
}
