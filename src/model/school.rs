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

/// Every school with its departments, as the sign-up form needs them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolDirectory {
    pub schools: Vec<School>,
    pub departments: Vec<Department>,
}

impl SchoolDirectory {
    /// The departments of one school, in the directory's order (by name).
    pub fn departments_of(&self, school_id: i64) -> impl Iterator<Item = &Department> {
        self.departments.iter().filter(move |d| d.school_id == school_id)
    }
}
