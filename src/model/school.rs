//! Schools and their departments: the seeded reference data a student picks at sign-up.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct School {
    pub id: i64,
    pub name: String,
    pub short_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Department {
    pub id: i64,
    pub school_id: i64,
    pub name: String,
}

/// Every school with its departments, and the 학번 on offer: the sign-up form's choices.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolDirectory {
    pub schools: Vec<School>,
    pub departments: Vec<Department>,
    /// `model::account::admission_years` by the server's clock, so that the page renders the same list on
    /// the server and in the browser (a phone's clock could be off by a year, and hydration would break).
    pub admission_years: Vec<i64>,
}

impl SchoolDirectory {
    /// The departments of one school, in the directory's order (by name).
    pub fn departments_of(&self, school_id: i64) -> impl Iterator<Item = &Department> {
        self.departments.iter().filter(move |d| d.school_id == school_id)
    }
}
