//! The student's home (홈) and the boards they pin to it (즐겨찾는 게시판).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::home::HomeScreen;
#[cfg(feature = "ssr")]
use crate::server::{auth::identity::require_student, home, state::app_state};

/// Everything the student's home shows, in one call; `None` for a visitor (whose home is a welcome).
#[server(prefix = "/api", endpoint = "home")]
pub async fn home_feed() -> Result<Option<HomeScreen>, AppError> {
    use crate::server::auth::identity::{current, Identity};
    match current() {
        Identity::Student { me, .. } => Ok(Some(home::home(&app_state()?, &me).await?)),
        Identity::Visitor => Ok(None),
    }
}

/// The ids of the boards the student pinned, in the order they pinned them.
#[server(prefix = "/api", endpoint = "boards/pinned")]
pub async fn pinned_boards() -> Result<Vec<i64>, AppError> {
    home::pinned_boards(&app_state()?, &require_student()?.me).await
}

/// Pins a board of the student's school to their home (`pinned = true`) or takes the pin off; the new
/// state. Posted by a plain form (before the page hydrates), it answers with a redirect back to the page.
#[server(prefix = "/api", endpoint = "boards/pin")]
pub async fn pin_board(board_id: i64, pinned: bool) -> Result<bool, AppError> {
    home::pin(&app_state()?, &require_student()?.me, board_id, pinned).await
}
