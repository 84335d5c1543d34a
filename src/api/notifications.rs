//! 알림: the list, and marking read. Each function finds out who is asking and calls `server::notifications`.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::notifications::NotificationPage;
#[cfg(feature = "ssr")]
use crate::server::{auth::identity::require_student, notifications, state::app_state};

/// A page of the student's notifications, newest first, below the cursor `before`.
#[server(prefix = "/api", endpoint = "notifications")]
pub async fn list_notifications(before: Option<i64>) -> Result<NotificationPage, AppError> {
    notifications::list(&app_state()?, &require_student()?.me, before).await
}

/// Marks one notification read (the student tapped it).
#[server(prefix = "/api", endpoint = "notifications/read")]
pub async fn read_notification(notification_id: i64) -> Result<(), AppError> {
    notifications::mark_read(&app_state()?, &require_student()?.me, notification_id).await
}

/// Marks all of the student's notifications read.
#[server(prefix = "/api", endpoint = "notifications/read_all")]
pub async fn read_all_notifications() -> Result<(), AppError> {
    notifications::mark_all_read(&app_state()?, &require_student()?.me).await
}
