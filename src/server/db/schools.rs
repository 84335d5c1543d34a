//! Queries on the seeded schools and departments.

use super::Db;
use crate::model::{Department, School, SchoolDirectory};

/// Every school and department; the caller adds the 학번 on offer.
pub async fn directory(db: &Db) -> Result<SchoolDirectory, sqlx::Error> {
    let schools = sqlx::query_as::<_, School>("SELECT id, name, short_name FROM schools ORDER BY name")
        .fetch_all(db.pool())
        .await?;
    let departments = sqlx::query_as::<_, Department>(
        "SELECT id, school_id, name FROM departments ORDER BY school_id, name",
    )
    .fetch_all(db.pool())
    .await?;
    Ok(SchoolDirectory { schools, departments, admission_years: Vec::new() })
}

/// The school a department belongs to, if the department exists.
pub async fn school_of_department(db: &Db, department_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT school_id FROM departments WHERE id = $1")
        .bind(department_id)
        .fetch_optional(db.pool())
        .await
}
