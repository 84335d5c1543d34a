//! Every school's boards, held in memory. Boards are fixed while a server runs: each school's default set is
//! created at start (`db::boards::seed_defaults`) and nothing adds, changes or removes one afterwards, so
//! each server reads them once after its migrations and seeding, and a page or post no longer costs a
//! query for its board. Servers sharing one PostgreSQL each seed (idempotently) and then read the same rows.

use std::collections::HashMap;

use crate::model::community::Board;
use crate::server::db::{boards, Db};

pub struct BoardDirectory {
    /// Each school's boards in their order.
    by_school: HashMap<i64, Vec<Board>>,
}

impl BoardDirectory {
    pub async fn load(db: &Db) -> Result<Self, sqlx::Error> {
        let mut by_school: HashMap<i64, Vec<Board>> = HashMap::new();
        for (school_id, board) in boards::all(db).await? {
            by_school.entry(school_id).or_default().push(board);
        }
        Ok(BoardDirectory { by_school })
    }

    /// The school's boards in their order (none for an unknown school).
    pub fn of_school(&self, school_id: i64) -> &[Board] {
        self.by_school.get(&school_id).map_or(&[], Vec::as_slice)
    }

    /// A board of the school; another school's board is `None`, exactly like a missing one.
    pub fn find(&self, school_id: i64, board_id: i64) -> Option<&Board> {
        self.of_school(school_id).iter().find(|board| board.id == board_id)
    }
}
