//! Anonymous numbering, and how every author is labelled: the one place that decides what a reader learns
//! about who wrote a post or a comment.
//!
//! On each post, every anonymous commenter gets a number at their first anonymous comment (익명1, 익명2, …),
//! stable for them on that post forever and never handed to anyone else (see
//! `db::comments::assign_anon_number`). The author of an anonymous post commenting anonymously shows as
//! 익명(글쓴이) and takes no number. On a named post everyone knows the author, so 익명(글쓴이) would name
//! them: there the author's anonymous comment is numbered like anyone else's.

use crate::model::community::AuthorLabel;
use crate::server::db::comments::CommentRow;

/// The author of the post a comment is under, and whether the post hides them.
#[derive(Debug, Clone, Copy)]
pub struct PostAuthor {
    pub id: i64,
    pub anonymous: bool,
}

impl PostAuthor {
    /// Whether this commenter is shown as 익명(글쓴이) rather than by a number.
    fn shown_as_post_author(self, commenter_id: i64) -> bool {
        self.anonymous && commenter_id == self.id
    }

    /// Whether an anonymous comment by `commenter_id` takes (or keeps) a number on this post.
    pub fn numbers(self, commenter_id: i64) -> bool {
        !self.shown_as_post_author(commenter_id)
    }
}

/// How a post's author is shown: `None` is an anonymous post.
pub fn post_label(nickname: Option<String>) -> AuthorLabel {
    nickname.map_or(AuthorLabel::Anonymous, named)
}

/// 익명(글쓴이) for the author of an anonymous post, 익명N for every other anonymous commenter, the nickname
/// otherwise.
pub fn comment_label(row: &CommentRow, post_author: PostAuthor) -> AuthorLabel {
    if !bool::from(row.is_anonymous) {
        return row.author_nickname.clone().map_or(AuthorLabel::Withdrawn, named);
    }
    if post_author.shown_as_post_author(row.author_id) {
        return AuthorLabel::PostAuthor;
    }
    row.anon_number.map_or(AuthorLabel::Anonymous, AuthorLabel::Numbered)
}

/// Someone who acted anonymously or not (a commenter in an 알림, the other side of a 쪽지): 익명 when they
/// did, else their nickname, or (탈퇴한 사용자) when the account is gone. Callers read the nickname only for
/// those who acted by name.
pub fn actor_label(anonymous: bool, nickname: Option<String>) -> AuthorLabel {
    match (anonymous, nickname) {
        (true, _) => AuthorLabel::Anonymous,
        (false, Some(nickname)) => named(nickname),
        (false, None) => AuthorLabel::Withdrawn,
    }
}

/// A named author; a deleted account's nickname is empty (see `server::accounts::delete_account`) and reads
/// as (탈퇴한 사용자).
pub fn named(nickname: String) -> AuthorLabel {
    if nickname.is_empty() {
        AuthorLabel::Withdrawn
    } else {
        AuthorLabel::Named(nickname)
    }
}
