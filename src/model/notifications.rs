//! 알림: what the 알림 screen lists, and what the live stream tells an open page.
//!
//! A notification names what happened and links to it. Who did it is an [`AuthorLabel`] computed on the
//! server: 익명 whenever the comment that caused it was anonymous, so a notification never names a nickname
//! the content itself hides.

use serde::{Deserialize, Serialize};

use super::codes::coded;
use super::community::AuthorLabel;

/// Notifications per page of the 알림 screen.
pub const NOTIFICATIONS_PER_PAGE: i64 = 20;

coded! {
    /// What a notification is about.
    pub enum NotificationKind {
        /// Someone commented on my post.
        Comment = "comment",
        /// Someone replied to my comment.
        Reply = "reply",
        /// My post entered HOT.
        Hot = "hot",
        /// Someone asked to be my friend.
        FriendRequest = "friend_request",
        /// Someone accepted my friend request (or asked me back).
        FriendAccepted = "friend_accepted",
        /// A new 쪽지 (one unread notification per conversation, however many arrive).
        Message = "message",
    }
}

/// One entry of the 알림 screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub kind: NotificationKind,
    /// Who caused it; `None` for what nobody in particular did (a post entering HOT).
    pub actor: Option<AuthorLabel>,
    /// The post it is about, while the student can still read it.
    pub post: Option<NotifiedPost>,
    /// The beginning of the comment that caused it, while that comment exists.
    pub excerpt: Option<String>,
    /// The conversation of a 쪽지.
    pub conversation_id: Option<i64>,
    pub created_at: i64,
    pub read: bool,
}

/// The post a notification links to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotifiedPost {
    pub id: i64,
    pub board_name: String,
    pub title: String,
}

impl Notification {
    /// Where tapping it leads: the post, the 친구 tab or the conversation; `None` when the post is gone.
    pub fn href(&self) -> Option<String> {
        match self.kind {
            NotificationKind::FriendRequest | NotificationKind::FriendAccepted => Some("/friends".to_owned()),
            NotificationKind::Comment | NotificationKind::Reply | NotificationKind::Hot => {
                self.post.as_ref().map(|post| format!("/posts/{}", post.id))
            }
            NotificationKind::Message => self.conversation_id.map(|id| format!("/messages/{id}")),
        }
    }
}

/// A page of the 알림 screen, newest first, with the cursor of the next page and the unread count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationPage {
    pub items: Vec<Notification>,
    pub next_cursor: Option<i64>,
    pub unread: i64,
}

/// What the live stream sends whenever a student's notifications or conversations change: the unread count,
/// the newest notification's id and the newest message's id in any of their conversations (together they
/// name the state; see `server::live`). An open conversation fetches what is newer than it shows when
/// `newest_message_id` moves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveState {
    pub unread: i64,
    pub newest_id: i64,
    pub newest_message_id: i64,
}

/// How the badge shows a count: nothing at 0, and 99+ beyond 99.
pub fn badge_text(unread: i64) -> Option<String> {
    match unread {
        ..=0 => None,
        1..=99 => Some(unread.to_string()),
        _ => Some("99+".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_badge_hides_zero_and_caps_at_99() {
        assert_eq!(badge_text(0), None);
        assert_eq!(badge_text(1), Some("1".to_owned()));
        assert_eq!(badge_text(99), Some("99".to_owned()));
        assert_eq!(badge_text(100), Some("99+".to_owned()));
    }
}
