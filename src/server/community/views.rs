//! Stored rows turned into the views the browser gets. Nothing that identifies the author of anonymous
//! content is copied into a view: every author label comes from [`super::anonymous`].

use std::collections::HashMap;

use super::anonymous::{comment_label, post_label, PostAuthor};
use super::posts::question_locked;
use crate::model::community::{
    excerpt, AuthorLabel, Board, CommentView, PostDetail, PostPage, PostSummary, PAGE_SIZE,
};
use crate::model::images::{ImageKey, PostImage};
use crate::server::db::comments::CommentRow;
use crate::server::db::posts::{PostListRow, PostRow};

fn summary(row: PostListRow) -> PostSummary {
    PostSummary {
        id: row.id,
        board_name: row.board_name,
        title: row.title,
        excerpt: excerpt(&row.body_head),
        author: post_label(row.author_nickname),
        created_at: row.created_at,
        like_count: row.like_count,
        comment_count: row.comment_count,
        is_question: row.is_question.into(),
        thumbnail: row.cover_image.as_deref().and_then(ImageKey::parse),
    }
}

/// List rows as they are, with no paging.
pub fn summaries(rows: Vec<PostListRow>) -> Vec<PostSummary> {
    rows.into_iter().map(summary).collect()
}

/// A page of list rows (fetched one longer than a page) and the cursor of the next page; when these rows do
/// not fill a page, the next starts at `otherwise` (a search that looked through its whole window).
pub fn page(mut rows: Vec<PostListRow>, otherwise: Option<i64>) -> PostPage {
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let next_cursor = if more { rows.last().map(|row| row.id) } else { otherwise };
    PostPage { posts: rows.into_iter().map(summary).collect(), next_cursor }
}

/// A post, its photos and its thread as `viewer_id` sees it.
pub fn detail(
    post: PostRow,
    board: Board,
    rows: Vec<CommentRow>,
    images: Vec<PostImage>,
    viewer_id: i64,
) -> PostDetail {
    let is_question = post.is_question.into();
    let post_author = PostAuthor { id: post.author_id, anonymous: post.is_anonymous.into() };
    PostDetail {
        id: post.id,
        board,
        title: post.title,
        body: post.body,
        is_anonymous: post_author.anonymous,
        is_question,
        created_at: post.created_at,
        edited: post.edited_at.is_some(),
        like_count: post.like_count,
        comment_count: post.comment_count,
        scrap_count: post.scrap_count,
        is_hidden: post.is_hidden.into(),
        is_mine: post.author_id == viewer_id,
        liked_by_me: post.liked_by_viewer.into(),
        scrapped_by_me: post.scrapped_by_viewer.into(),
        locked: question_locked(is_question, post.first_comment_at),
        comments: thread(rows, post_author, viewer_id),
        author: post_label(post.author_nickname),
        images,
    }
}

/// The one-level thread. A deleted comment survives as a tombstone (no body, no author) only while it has
/// live replies; deleted replies and childless deleted comments are dropped. `rows` come in id order, so
/// each comment's replies keep theirs.
fn thread(rows: Vec<CommentRow>, post_author: PostAuthor, viewer_id: i64) -> Vec<CommentView> {
    let view = |row: CommentRow| CommentView {
        id: row.id,
        author: comment_label(&row, post_author),
        body: Some(row.body),
        created_at: row.created_at,
        edited: row.edited_at.is_some(),
        like_count: row.like_count,
        is_mine: row.author_id == viewer_id,
        liked_by_me: row.liked_by_viewer.into(),
        replies: Vec::new(),
    };
    let (top_level, replies): (Vec<CommentRow>, Vec<CommentRow>) =
        rows.into_iter().partition(|row| row.parent_id.is_none());
    let mut replies_to: HashMap<i64, Vec<CommentView>> = HashMap::new();
    for reply in replies.into_iter().filter(|reply| reply.deleted_at.is_none()) {
        if let Some(parent_id) = reply.parent_id {
            replies_to.entry(parent_id).or_default().push(view(reply));
        }
    }
    top_level
        .into_iter()
        .filter_map(|row| {
            let replies = replies_to.remove(&row.id).unwrap_or_default();
            if row.deleted_at.is_none() {
                Some(CommentView { replies, ..view(row) })
            } else {
                (!replies.is_empty()).then(|| tombstone(&row, replies))
            }
        })
        .collect()
}

fn tombstone(row: &CommentRow, replies: Vec<CommentView>) -> CommentView {
    CommentView {
        id: row.id,
        body: None,
        author: AuthorLabel::Anonymous,
        created_at: row.created_at,
        edited: false,
        like_count: 0,
        is_mine: false,
        liked_by_me: false,
        replies,
    }
}
