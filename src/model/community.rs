//! Boards, posts and comments as the browser sees them, and the rules for writing them (PRODUCT.md, "Boards
//! and posts", "Comments").
//!
//! Anonymity: these types never carry an author's id, username or nickname for anonymous content. The author
//! is described by an [`AuthorLabel`] computed on the server, and the author's own controls by `is_mine`.

use serde::{Deserialize, Serialize};

use super::chars;
use super::codes::coded;
use crate::error::{AppError, FieldError};
use crate::text::community as t;

/// Posts per board page.
pub const PAGE_SIZE: i64 = 20;
pub const TITLE_MAX: usize = 100;
pub const POST_BODY_MAX: usize = 5_000;
pub const COMMENT_BODY_MAX: usize = 1_000;
/// Characters of the body shown under a title in lists.
pub const EXCERPT_CHARS: usize = 80;
/// Likes that put a post on HOT (outside the boards left out of HOT) and on BEST (any board).
pub const HOT_LIKES: i64 = 10;
pub const BEST_LIKES: i64 = 100;

/// Whether a board allows, forbids or forces anonymity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Anonymity {
    Forbidden,
    Allowed,
    Forced,
}

impl Anonymity {
    pub fn from_code(code: i64) -> Self {
        match code {
            0 => Anonymity::Forbidden,
            2 => Anonymity::Forced,
            _ => Anonymity::Allowed,
        }
    }

    /// Whether content is anonymous on this board, given what the author asked for.
    pub fn resolve(self, requested: bool) -> bool {
        match self {
            Anonymity::Forbidden => false,
            Anonymity::Allowed => requested,
            Anonymity::Forced => true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub anonymity: Anonymity,
    pub hot_excluded: bool,
}

/// How an author appears next to their content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthorLabel {
    /// A named author: their nickname.
    Named(String),
    /// An anonymous post's author.
    Anonymous,
    /// An anonymous commenter's stable number on this post (익명1, 익명2, …).
    Numbered(i64),
    /// The post's own author commenting anonymously: 익명(글쓴이).
    PostAuthor,
    /// A named author whose account was deleted.
    Withdrawn,
}

impl std::fmt::Display for AuthorLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AuthorLabel::Named(nickname) => f.write_str(nickname),
            AuthorLabel::Anonymous => f.write_str(t::ANONYMOUS),
            AuthorLabel::Numbered(n) => write!(f, "{}{n}", t::ANONYMOUS),
            AuthorLabel::PostAuthor => f.write_str(t::ANONYMOUS_POST_AUTHOR),
            AuthorLabel::Withdrawn => f.write_str(t::WITHDRAWN),
        }
    }
}

/// A post in a list: title, excerpt and counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostSummary {
    pub id: i64,
    pub board_name: String,
    pub title: String,
    pub excerpt: String,
    pub author: AuthorLabel,
    pub created_at: i64,
    pub like_count: i64,
    pub comment_count: i64,
    pub is_question: bool,
    /// The first photo, shown small beside the entry.
    pub thumbnail: Option<super::images::ImageKey>,
}

/// Posts of HOT and of BEST that the second column of a wide screen shows.
pub const SIDE_PREVIEW: i64 = 4;

/// The second column of a wide screen: the newest few of HOT and of BEST, and the student's classes of
/// today; `today` is `None` without a primary timetable this semester.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideLists {
    pub hot: Vec<PostSummary>,
    pub best: Vec<PostSummary>,
    pub today: Option<Vec<super::timetable::TodayClass>>,
}

/// A board and one page of its posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardListing {
    pub board: Board,
    /// Whether the student pinned the board to their home (즐겨찾는 게시판).
    pub pinned: bool,
    pub page: PostPage,
}

/// One page of a list, and the cursor of the next page (the last id shown) if there is one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostPage {
    pub posts: Vec<PostSummary>,
    pub next_cursor: Option<i64>,
}

/// A whole post as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostDetail {
    pub id: i64,
    pub board: Board,
    pub title: String,
    pub body: String,
    pub author: AuthorLabel,
    pub is_anonymous: bool,
    pub is_question: bool,
    pub created_at: i64,
    pub edited: bool,
    pub like_count: i64,
    pub comment_count: i64,
    pub scrap_count: i64,
    /// Hidden pending review (only its author and admins get to see it).
    pub is_hidden: bool,
    /// Computed on the server: whether the viewer wrote it (shows edit and delete).
    pub is_mine: bool,
    pub liked_by_me: bool,
    pub scrapped_by_me: bool,
    /// A question that has had a comment can be neither edited nor deleted.
    pub locked: bool,
    pub comments: Vec<CommentView>,
    /// The photos in strip order.
    pub images: Vec<super::images::PostImage>,
}

/// A comment with its replies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    pub id: i64,
    /// `None` for a deleted comment kept as a tombstone because it has replies.
    pub body: Option<String>,
    pub author: AuthorLabel,
    pub created_at: i64,
    pub edited: bool,
    pub like_count: i64,
    pub is_mine: bool,
    pub liked_by_me: bool,
    pub replies: Vec<CommentView>,
}

/// A post as submitted, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostInput {
    pub title: String,
    pub body: String,
    pub anonymous: bool,
    pub question: bool,
}

/// A comment or reply as submitted, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentInput {
    pub post_id: i64,
    /// The comment answered; a reply to a reply attaches to the same top-level comment.
    pub parent_id: Option<i64>,
    pub body: String,
    pub anonymous: bool,
}

/// Checks a post's title and body; reports both problems at once. Returns the trimmed title and body.
/// The title is one line; see [`chars`] for what either may hold.
pub fn validate_post(title: &str, body: &str) -> Result<(String, String), AppError> {
    let title = title.trim();
    let body = body.trim();
    let mut errors = Vec::new();
    if chars::is_blank(title) {
        errors.push(FieldError { field: "title".into(), message: t::TITLE_REQUIRED.into() });
    } else if title.chars().count() > TITLE_MAX {
        errors.push(FieldError { field: "title".into(), message: t::TITLE_TOO_LONG.into() });
    } else if chars::has_forbidden_in_line(title) {
        errors.push(FieldError { field: "title".into(), message: t::TITLE_INVALID_CHARS.into() });
    }
    if chars::is_blank(body) {
        errors.push(FieldError { field: "body".into(), message: t::BODY_REQUIRED.into() });
    } else if body.chars().count() > POST_BODY_MAX {
        errors.push(FieldError { field: "body".into(), message: t::BODY_TOO_LONG.into() });
    } else if chars::has_forbidden_in_body(body) {
        errors.push(FieldError { field: "body".into(), message: t::BODY_INVALID_CHARS.into() });
    }
    if errors.is_empty() {
        Ok((title.to_owned(), body.to_owned()))
    } else {
        Err(AppError::fields(errors))
    }
}

/// Checks a comment's body and returns it trimmed.
pub fn validate_comment(body: &str) -> Result<String, AppError> {
    let body = body.trim();
    if chars::is_blank(body) {
        return Err(AppError::field("body", t::COMMENT_REQUIRED));
    }
    if body.chars().count() > COMMENT_BODY_MAX {
        return Err(AppError::field("body", t::COMMENT_TOO_LONG));
    }
    if chars::has_forbidden_in_body(body) {
        return Err(AppError::field("body", t::COMMENT_INVALID_CHARS));
    }
    Ok(body.to_owned())
}

/// A search needs at least two characters (after trimming); returns the trimmed text.
pub fn validate_search(query: &str) -> Result<String, AppError> {
    let query = query.trim();
    if query.chars().count() < 2 {
        return Err(AppError::field("query", t::SEARCH_TOO_SHORT));
    }
    if chars::has_control(query) {
        return Err(AppError::field("query", t::SEARCH_INVALID_CHARS));
    }
    Ok(query.chars().take(100).collect())
}

coded! {
    /// The lists of posts that are not one board: the virtual boards of PRODUCT.md, and search. The code is
    /// the list's URL (`/lists/hot`).
    pub enum ListKind {
        /// The newest posts of every board of the school (the home page).
        Recent = "recent",
        Hot = "hot",
        Best = "best",
        /// 내가 쓴 글.
        Mine = "mine",
        /// 댓글 단 글.
        Commented = "commented",
        /// 내 스크랩.
        Scraps = "scraps",
        /// Title or body contains the query.
        Search = "search",
    }
}

impl ListKind {
    /// The virtual boards the board list offers, in its order.
    pub const BOARDS: [ListKind; 5] =
        [ListKind::Hot, ListKind::Best, ListKind::Mine, ListKind::Commented, ListKind::Scraps];
    /// The student's own lists (내 정보).
    pub const PERSONAL: [ListKind; 3] = [ListKind::Mine, ListKind::Commented, ListKind::Scraps];

    pub fn title(self) -> &'static str {
        match self {
            ListKind::Recent => t::RECENT,
            ListKind::Hot => t::HOT,
            ListKind::Best => t::BEST,
            ListKind::Mine => t::MY_POSTS,
            ListKind::Commented => t::MY_COMMENTED,
            ListKind::Scraps => t::MY_SCRAPS,
            ListKind::Search => t::SEARCH,
        }
    }

    /// What an empty list says: for HOT and BEST, how a post gets there.
    pub fn empty_text(self) -> String {
        match self {
            ListKind::Hot => crate::text::fill(t::HOT_EMPTY, HOT_LIKES),
            ListKind::Best => crate::text::fill(t::BEST_EMPTY, BEST_LIKES),
            ListKind::Search => t::NO_RESULTS.to_owned(),
            ListKind::Recent | ListKind::Mine | ListKind::Commented | ListKind::Scraps => {
                t::EMPTY_LIST.to_owned()
            }
        }
    }
}

coded! {
    /// What a report is about.
    pub enum ReportTarget {
        Post = "post",
        Comment = "comment",
        /// A 쪽지, reported by its recipient.
        Message = "message",
    }
}

coded! {
    /// The reasons a student can give for a 신고, in the order PRODUCT.md lists them.
    pub enum ReportReason {
        OffTopic = "off_topic",
        Abuse = "abuse",
        Obscene = "obscene",
        Advertising = "advertising",
        Fraud = "fraud",
        Spam = "spam",
        Political = "political",
        IllegalFilming = "illegal_filming",
    }
}

impl ReportReason {
    pub fn label(self) -> &'static str {
        match self {
            ReportReason::OffTopic => t::REASON_OFF_TOPIC,
            ReportReason::Abuse => t::REASON_ABUSE,
            ReportReason::Obscene => t::REASON_OBSCENE,
            ReportReason::Advertising => t::REASON_ADVERTISING,
            ReportReason::Fraud => t::REASON_FRAUD,
            ReportReason::Spam => t::REASON_SPAM,
            ReportReason::Political => t::REASON_POLITICAL,
            ReportReason::IllegalFilming => t::REASON_ILLEGAL_FILMING,
        }
    }
}

coded! {
    /// An admin's decision on reported content.
    pub enum ModerationAction {
        /// Visible again, its reports cleared.
        Restore = "restore",
        /// Deleted, as its author could.
        Remove = "remove",
    }
}

/// Reported or hidden content as an admin's review queue shows it: what was said, never who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedItem {
    pub target: ReportTarget,
    pub id: i64,
    /// The post to open it in; `None` for a 쪽지, which only its two students can open.
    pub post_id: Option<i64>,
    pub title: Option<String>,
    pub excerpt: String,
    pub report_count: i64,
    pub is_hidden: bool,
}

/// A place in the admin's review queue, which is ordered hidden first, then by report count, then posts,
/// 쪽지 and comments, newest first: a page continues after the position of the previous page's last item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePosition {
    pub is_hidden: bool,
    pub report_count: i64,
    pub target: ReportTarget,
    pub id: i64,
}

impl ReportedItem {
    pub fn position(&self) -> QueuePosition {
        QueuePosition {
            is_hidden: self.is_hidden,
            report_count: self.report_count,
            target: self.target,
            id: self.id,
        }
    }
}

/// One page of the review queue and where the next one starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQueuePage {
    pub items: Vec<ReportedItem>,
    pub next: Option<QueuePosition>,
}

/// The first characters of a body on one line (every run of whitespace one space), for lists; `…` when
/// there is more. One pass into one string: a board page makes twenty.
pub fn excerpt(body: &str) -> String {
    let mut head = String::with_capacity(body.len().min(EXCERPT_CHARS * 4 + 3));
    let mut count = 0;
    for (index, word) in body.split_whitespace().enumerate() {
        let separator = (index > 0).then_some(' ');
        for c in separator.into_iter().chain(word.chars()) {
            if count == EXCERPT_CHARS {
                head.push('…');
                return head;
            }
            head.push(c);
            count += 1;
        }
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_bodies_have_limits_in_characters_not_bytes() {
        assert!(validate_post(&"가".repeat(100), "본문").is_ok());
        assert_eq!(
            validate_post(&"가".repeat(101), "본문").expect_err("long").message_for("title"),
            Some(t::TITLE_TOO_LONG)
        );
        assert!(validate_post("제목", &"가".repeat(5_000)).is_ok());
        assert!(validate_post("제목", &"가".repeat(5_001)).is_err());
        let both = validate_post("   ", "\n\t").expect_err("empty");
        assert!(both.message_for("title").is_some() && both.message_for("body").is_some());
    }

    #[test]
    fn titles_are_one_line_and_bodies_keep_line_breaks_but_no_other_controls() {
        assert_eq!(
            validate_post(" 제목\u{200B} ", "첫 줄\r\n\t둘째 줄"),
            Ok(("제목\u{200B}".into(), "첫 줄\r\n\t둘째 줄".into()))
        );
        let error = validate_post("제\n목", "본\0문").expect_err("controls");
        assert_eq!(error.message_for("title"), Some(t::TITLE_INVALID_CHARS));
        assert_eq!(error.message_for("body"), Some(t::BODY_INVALID_CHARS));
        let error = validate_post("txt.\u{202E}exe", "\u{3164}\u{200B}").expect_err("spoof and filler");
        assert_eq!(error.message_for("title"), Some(t::TITLE_INVALID_CHARS));
        assert_eq!(error.message_for("body"), Some(t::BODY_REQUIRED));
        assert_eq!(
            validate_comment("a\u{1b}[31m").expect_err("escape").message_for("body"),
            Some(t::COMMENT_INVALID_CHARS)
        );
        assert_eq!(
            validate_search("시험\0").expect_err("NUL").message_for("query"),
            Some(t::SEARCH_INVALID_CHARS)
        );
    }

    #[test]
    fn comments_are_one_to_a_thousand_characters() {
        assert_eq!(validate_comment("  좋아요 ").as_deref(), Ok("좋아요"));
        assert!(validate_comment(" ").is_err());
        assert!(validate_comment(&"a".repeat(1_000)).is_ok());
        assert!(validate_comment(&"a".repeat(1_001)).is_err());
    }

    #[test]
    fn board_anonymity_overrides_the_request_when_it_must() {
        assert!(!Anonymity::Forbidden.resolve(true));
        assert!(Anonymity::Forced.resolve(false));
        assert!(Anonymity::Allowed.resolve(true));
        assert!(!Anonymity::Allowed.resolve(false));
    }

    #[test]
    fn author_labels_read_as_in_the_app() {
        assert_eq!(AuthorLabel::Numbered(3).to_string(), "익명3");
        assert_eq!(AuthorLabel::PostAuthor.to_string(), "익명(글쓴이)");
        assert_eq!(AuthorLabel::Withdrawn.to_string(), "(탈퇴한 사용자)");
    }

    #[test]
    fn searches_need_two_characters() {
        assert!(validate_search(" a ").is_err());
        assert_eq!(validate_search(" 시험 ").as_deref(), Ok("시험"));
    }

    #[test]
    fn excerpts_flatten_lines_and_cut_long_bodies() {
        assert_eq!(excerpt("첫 줄\n둘째   줄"), "첫 줄 둘째 줄");
        assert_eq!(excerpt(&"가".repeat(100)).chars().count(), EXCERPT_CHARS + 1);
        // Exactly as long as an excerpt: nothing is cut. One character more, even a word after a space, is.
        let full = "가".repeat(EXCERPT_CHARS);
        assert_eq!(excerpt(&format!("  {full}\n")), full);
        assert_eq!(excerpt(&format!("{full} 나")), format!("{full}…"));
        assert_eq!(
            excerpt(&format!("{} 나", "가".repeat(EXCERPT_CHARS - 2))),
            format!("{} 나", "가".repeat(EXCERPT_CHARS - 2))
        );
    }
}
