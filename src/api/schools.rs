//! The school and department directory (public: the sign-up form needs it before anyone logs in).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::SchoolDirectory;

#[server(prefix = "/api", endpoint = "schools")]
pub async fn list_schools() -> Result<SchoolDirectory, AppError> {
    let state = crate::server::state::app_state()?;
    let directory = crate::server::db::schools::directory(&state.db).await?;
    let current_year = crate::server::current_year();
    let admission_years = crate::model::account::admission_years(current_year).collect();
    Ok(SchoolDirectory { admission_years, ..directory })
}
