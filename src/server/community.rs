//! The community's server layer: turns stored rows into the views the browser gets, deciding every author
//! label here. Nothing that identifies the author of anonymous content is copied into a view.

use crate::error::AppError;
use crate::model::community::PAGE_SIZE;
use crate::model::community::{excerpt, AuthorLabel, Board, CommentView, PostDetail, PostPage, PostSummary};
use crate::server::db::comments::CommentRow;
use crate::server::db::posts::{PostListRow, PostRow};
use crate::server::db::{boards, comments, posts, Db};

/// How a post's author is shown: `None` is an anonymous post.
fn post_author(nickname: Option<String>) -> AuthorLabel {
    nickname.map_or(AuthorLabel::Anonymous, named)
}

/// A named author; a deleted account's nickname is empty (see `db::users::delete_account`) and reads as
/// (탈퇴한 사용자).
fn named(nickname: String) -> AuthorLabel {
    if nickname.is_empty() {
        AuthorLabel::Withdrawn
    } else {
        AuthorLabel::Named(nickname)
    }
}

pub fn summary(row: PostListRow) -> PostSummary {
    PostSummary {
        id: row.id,
        board_name: row.board_name,
        title: row.title,
        excerpt: excerpt(&row.body_head),
        author: post_author(row.author_nickname),
        created_at: row.created_at,
        like_count: row.like_count,
        comment_count: row.comment_count,
        is_question: row.is_question != 0,
    }
}

/// A page of list rows (fetched one longer than a page) and the cursor of the next page.
pub fn page(rows: Vec<PostListRow>) -> PostPage {
    page_or_continue(rows, None)
}

/// A page of list rows, whose next page starts at `otherwise` when these rows do not fill a page (a search
/// that looked through its whole window, see [`crate::server::db::posts::search`]).
pub fn page_or_continue(mut rows: Vec<PostListRow>, otherwise: Option<i64>) -> PostPage {
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let next_cursor = if more { rows.last().map(|row| row.id) } else { otherwise };
    PostPage { posts: rows.into_iter().map(summary).collect(), next_cursor }
}

/// A post and its thread as `viewer_id` sees it. Hidden posts are visible to their author and admins only.
pub async fn post_detail(
    db: &Db,
    school_id: i64,
    post_id: i64,
    viewer_id: i64,
) -> Result<PostDetail, AppError> {
    let post = posts::find(db, school_id, post_id, viewer_id).await?.ok_or(AppError::NotFound)?;
    let board = boards::find(db, school_id, post.board_id).await?.ok_or(AppError::NotFound)?;
    let (liked_by_me, scrapped_by_me) = posts::viewer_marks(db, post_id, viewer_id).await?;
    let rows = comments::for_post(db, post_id, viewer_id).await?;
    Ok(detail(post, board, rows, viewer_id, liked_by_me, scrapped_by_me))
}

fn detail(
    post: PostRow,
    board: Board,
    rows: Vec<CommentRow>,
    viewer_id: i64,
    liked_by_me: bool,
    scrapped_by_me: bool,
) -> PostDetail {
    let is_question = post.is_question != 0;
    PostDetail {
        id: post.id,
        board,
        title: post.title,
        body: post.body,
        is_anonymous: post.is_anonymous != 0,
        is_question,
        created_at: post.created_at,
        edited: post.edited_at.is_some(),
        like_count: post.like_count,
        comment_count: post.comment_count,
        scrap_count: post.scrap_count,
        is_hidden: post.is_hidden != 0,
        is_mine: post.author_id == viewer_id,
        liked_by_me,
        scrapped_by_me,
        locked: is_question && post.first_comment_at.is_some(),
        comments: thread(
            rows,
            PostAuthor { id: post.author_id, anonymous: post.is_anonymous != 0 },
            viewer_id,
        ),
        author: post_author(post.author_nickname),
    }
}

/// Who wrote the post a thread belongs to, and whether the post hides it.
#[derive(Clone, Copy)]
struct PostAuthor {
    id: i64,
    anonymous: bool,
}

/// Builds the one-level thread. A deleted comment survives as a tombstone (no body, no author) only while it
/// has live replies; deleted replies and childless deleted comments are dropped.
fn thread(rows: Vec<CommentRow>, post_author: PostAuthor, viewer_id: i64) -> Vec<CommentView> {
    let view = |row: &CommentRow| CommentView {
        id: row.id,
        body: Some(row.body.clone()),
        author: comment_author(row, post_author),
        created_at: row.created_at,
        edited: row.edited_at.is_some(),
        like_count: row.like_count,
        is_mine: row.author_id == viewer_id,
        liked_by_me: row.liked_by_viewer > 0,
        replies: Vec::new(),
    };
    let mut top = Vec::new();
    for row in rows.iter().filter(|r| r.parent_id.is_none()) {
        let replies: Vec<CommentView> =
            rows.iter().filter(|r| r.parent_id == Some(row.id) && r.deleted_at.is_none()).map(view).collect();
        if row.deleted_at.is_some() {
            if replies.is_empty() {
                continue;
            }
            let tombstone = CommentView {
                id: row.id,
                body: None,
                author: AuthorLabel::Anonymous,
                created_at: row.created_at,
                edited: false,
                like_count: 0,
                is_mine: false,
                liked_by_me: false,
                replies,
            };
            top.push(tombstone);
        } else {
            top.push(CommentView { replies, ..view(row) });
        }
    }
    top
}

/// 익명(글쓴이) for the author of an anonymous post, 익명N for every other anonymous commenter (the author of
/// a named post included: 익명(글쓴이) there would name them), the nickname otherwise.
fn comment_author(row: &CommentRow, post_author: PostAuthor) -> AuthorLabel {
    if row.is_anonymous == 0 {
        return row.author_nickname.clone().map_or(AuthorLabel::Withdrawn, named);
    }
    if post_author.anonymous && row.author_id == post_author.id {
        return AuthorLabel::PostAuthor;
    }
    row.anon_number.map(AuthorLabel::Numbered).unwrap_or(AuthorLabel::Anonymous)
}
