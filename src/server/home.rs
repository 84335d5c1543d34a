//! The student's home (홈) and their pinned boards (즐겨찾는 게시판). The home is one answer built from the
//! other services' reads (HOT and BEST of the community, today's classes of the timetable, the newest
//! 강의평), each only as long as the screen shows it, plus its own two: the pinned boards' newest posts and
//! the 실시간 인기 list ([`crate::server::community::heat`]).

use std::collections::HashMap;

use crate::error::AppError;
use crate::model::home::{HomeScreen, PinnedBoard, HOME_PREVIEW, PINNED_PREVIEW, PIN_LIMIT};
use crate::model::Me;
use crate::server::community::{self, heat, views};
use crate::server::db::home as rows;
use crate::server::db::posts::PostListRow;
use crate::server::state::AppState;
use crate::server::{now, now_ms, reviews, timetable};
use crate::text::home as t;

// Every pin's posts are read by one statement, one branch per pin.
const _: () = assert!(PIN_LIMIT as usize <= rows::PINNED_BOARDS_READ);

/// Everything the student's home shows.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn home(state: &AppState, me: &Me) -> Result<HomeScreen, AppError> {
    let db = &state.db;
    let pins = rows::pinned_boards(db, me.id).await?;
    let mut by_board: HashMap<i64, Vec<PostListRow>> = HashMap::new();
    for row in rows::pinned_posts(db, me.id, &pins, PINNED_PREVIEW).await? {
        by_board.entry(row.board_id).or_default().push(row.post);
    }
    let pinned = pins
        .into_iter()
        .filter_map(|board_id| state.boards.find(me.school_id, board_id))
        .map(|board| PinnedBoard {
            board_id: board.id,
            name: board.name.clone(),
            posts: views::summaries(by_board.remove(&board.id).unwrap_or_default()),
        })
        .collect();
    let trending = rows::trending(db, me.school_id, heat::window_start(now()), HOME_PREVIEW).await?;
    let (hot, best) = community::hot_and_best(state, me, HOME_PREVIEW).await?;
    let reviews = reviews::newest(state, me, HOME_PREVIEW).await?;
    let today = timetable::today(state, me).await?;
    Ok(HomeScreen { pinned, trending: views::summaries(trending), hot, best, reviews, today })
}

/// The boards the student pinned, in their order.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn pinned_boards(state: &AppState, me: &Me) -> Result<Vec<i64>, AppError> {
    Ok(rows::pinned_boards(&state.db, me.id).await?)
}

/// Pins a board of the student's school to their home (`pinned`), or takes the pin off; the new state.
/// Repeating either is harmless. At most [`PIN_LIMIT`] pins: the count and the insert run under the
/// student's row lock, so two pins at once cannot pass the limit together.
#[tracing::instrument(skip_all, fields(user = me.id, board_id, pinned))]
pub async fn pin(state: &AppState, me: &Me, board_id: i64, pinned: bool) -> Result<bool, AppError> {
    community::board(state, me, board_id).await?;
    let mut tx = state.db.begin_for_student(me.id).await?;
    if !pinned {
        rows::unpin(&mut tx, me.id, board_id).await?;
    } else if !rows::is_pinned(&mut tx, me.id, board_id).await? {
        if rows::pin_count(&mut tx, me.id).await? >= PIN_LIMIT {
            return Err(AppError::Conflict(crate::text::fill(t::PIN_LIMIT_REACHED, PIN_LIMIT)));
        }
        rows::pin(&mut tx, me.id, board_id, now_ms()).await?;
    }
    tx.commit().await?;
    Ok(pinned)
}
