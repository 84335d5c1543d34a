//! Boards: every school's default set, seeded at start for any school that lacks it.

use sqlx::FromRow;

use super::{Db, Flag};
use crate::model::community::{Anonymity, Board};

/// The default boards (PRODUCT.md): slug, name, description, anonymity (0 forbidden / 1 allowed / 2 forced)
/// and whether the board is kept out of HOT.
const DEFAULT_BOARDS: [(&str, &str, &str, i64, bool); 9] = [
    ("free", "자유게시판", "자유롭게 이야기해요", 1, false),
    ("secret", "비밀게시판", "모든 글과 댓글이 익명이에요", 2, false),
    ("alumni", "졸업생게시판", "졸업생들의 이야기", 1, false),
    ("freshman", "새내기게시판", "새내기를 위한 공간", 1, false),
    ("market", "장터게시판", "사고 팔고 나눠요", 1, true),
    ("info", "정보게시판", "유용한 정보를 나눠요", 1, false),
    ("promo", "홍보게시판", "행사와 모집을 알려요", 1, true),
    ("clubs", "동아리·학회", "동아리와 학회 소식", 1, true),
    ("careers", "취업·진로", "취업과 진로 고민", 1, false),
];

#[derive(FromRow)]
struct BoardRow {
    id: i64,
    slug: String,
    name: String,
    description: String,
    anonymity: i64,
    hot_excluded: Flag,
}

impl From<BoardRow> for Board {
    fn from(row: BoardRow) -> Self {
        Board {
            id: row.id,
            slug: row.slug,
            name: row.name,
            description: row.description,
            anonymity: Anonymity::from_code(row.anonymity),
            hot_excluded: row.hot_excluded.into(),
        }
    }
}

#[derive(FromRow)]
struct SchoolBoardRow {
    school_id: i64,
    #[sqlx(flatten)]
    board: BoardRow,
}

/// Creates the default boards of every school that has none of them yet. Idempotent: the unique
/// (school, slug) key and `NOT EXISTS` make a second run, or a second server starting at once, a no-op.
pub async fn seed_defaults(db: &Db) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    for (position, (slug, name, description, anonymity, hot_excluded)) in DEFAULT_BOARDS.iter().enumerate() {
        sqlx::query(
            "INSERT INTO boards (school_id, slug, name, description, anonymity, hot_excluded, position) \
             SELECT s.id, $1, $2, $3, $4, $5, $6 FROM schools s \
             WHERE NOT EXISTS (SELECT 1 FROM boards b WHERE b.school_id = s.id AND b.slug = $1)",
        )
        .bind(*slug)
        .bind(*name)
        .bind(*description)
        .bind(*anonymity)
        .bind(Flag(*hot_excluded))
        .bind(position as i64)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Every school's boards, each school's in their order: (school id, board).
pub async fn all(db: &Db) -> Result<Vec<(i64, Board)>, sqlx::Error> {
    let rows: Vec<SchoolBoardRow> = sqlx::query_as(
        "SELECT school_id, id, slug, name, description, anonymity, hot_excluded FROM boards \
         ORDER BY school_id, position",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(|row| (row.school_id, Board::from(row.board))).collect())
}
