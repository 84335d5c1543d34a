//! 쪽지: private conversations between two students, started from a post, a comment or a friend.
//!
//! Nothing here identifies the other student beyond what the origin already shows: a conversation started
//! from anonymous content is anonymous both ways, so its other side is [`AuthorLabel::Anonymous`] to each,
//! and messages say only whether they are mine. No user id ever crosses the wire.

use serde::{Deserialize, Serialize};

use super::chars;
use super::codes::coded;
use super::community::AuthorLabel;
use crate::error::AppError;
use crate::text::messages as t;

/// Characters a message may hold.
pub const MESSAGE_MAX_CHARS: usize = 1_000;
/// Conversations per page of the 쪽지함.
pub const CONVERSATIONS_PER_PAGE: i64 = 20;
/// Messages per page of a conversation (older ones come with "이전 쪽지").
pub const MESSAGES_PER_PAGE: i64 = 30;

coded! {
    /// What a conversation was started from; one conversation per pair of students and origin.
    pub enum ConversationOrigin {
        /// "쪽지 보내기" on a post: to its author.
        Post = "post",
        /// "쪽지 보내기" on a comment: to its author.
        Comment = "comment",
        /// From the 친구 tab.
        Friend = "friend",
    }
}

/// One conversation in the 쪽지함, by its latest message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationSummary {
    pub id: i64,
    /// The other student: 익명 in a conversation started from anonymous content.
    pub with: AuthorLabel,
    /// The board of the post it started from, if it started from a post or a comment.
    pub board_name: Option<String>,
    pub last: Message,
    /// Messages from the other student that I have not opened yet.
    pub unread: i64,
}

/// A page of the 쪽지함, newest conversation first, with the cursor of the next page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationPage {
    pub items: Vec<ConversationSummary>,
    pub next_cursor: Option<i64>,
}

/// One message. `body` is `None` once reports have hidden it or an admin removed it (except to its sender,
/// who still sees what they wrote while it is only hidden).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: i64,
    pub mine: bool,
    pub body: Option<String>,
    pub created_at: i64,
}

/// A conversation as opened: who it is with, where it started, and its newest messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    pub id: i64,
    pub with: AuthorLabel,
    pub origin: ConversationOrigin,
    pub anonymous: bool,
    /// The board of the post it started from (post and comment origins).
    pub board_name: Option<String>,
    /// The post it started from, while it exists and I may read it.
    pub post_id: Option<i64>,
    /// I blocked this conversation: the other side can send nothing more in it.
    pub blocked: bool,
    pub messages: MessagePage,
}

/// Messages oldest first (the newest at the bottom), and the cursor of the page before them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessagePage {
    pub messages: Vec<Message>,
    pub older_cursor: Option<i64>,
}

/// What starting a conversation answers: where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Started {
    pub conversation_id: i64,
}

/// A message must say something, in at most [`MESSAGE_MAX_CHARS`] characters; returns it trimmed.
pub fn validate_message(body: &str) -> Result<String, AppError> {
    let body = body.trim();
    if chars::is_blank(body) {
        return Err(AppError::field("body", t::BODY_REQUIRED));
    }
    if body.chars().count() > MESSAGE_MAX_CHARS {
        return Err(AppError::field("body", t::BODY_TOO_LONG));
    }
    if chars::has_forbidden_in_body(body) {
        return Err(AppError::field("body", t::BODY_INVALID_CHARS));
    }
    Ok(body.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_holds_1_to_1000_characters_of_text() {
        assert!(validate_message(" \n ").is_err());
        assert!(validate_message("ㅤ").is_err());
        assert_eq!(validate_message(" 안녕하세요 ").unwrap(), "안녕하세요");
        assert!(validate_message(&"가".repeat(1_000)).is_ok());
        assert!(validate_message(&"가".repeat(1_001)).is_err());
        assert!(validate_message("a\u{0}b").is_err());
        assert_eq!(validate_message("줄1\n줄2").unwrap(), "줄1\n줄2");
    }
}
