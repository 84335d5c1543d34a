//! 알림: who is told what, the 알림 screen, and the state a live stream sends.
//!
//! Notifications are written by the services of their causes, inside the cause's transaction, through
//! [`notify`]: nothing is told about a comment that did not commit, and nothing committed goes untold. No one
//! is told of their own acts, and a student who blocked someone hears nothing of what that someone does.
//! Notifications older than the configured number of days are never listed, and are deleted when the
//! student's next one is written.

use crate::error::AppError;
use crate::model::notifications::{
    LiveState, Notification, NotificationKind, NotificationPage, NotifiedPost, NOTIFICATIONS_PER_PAGE,
};
use crate::model::Me;
use crate::server::community::anonymous::actor_label;
use crate::server::db::notifications::{self as rows, NewNotification, NotificationRow};
use crate::server::db::Tx;
use crate::server::now;
use crate::server::state::AppState;
use crate::text::notifications as t;

/// Characters of the causing comment that a notification shows.
const EXCERPT_CHARS: usize = 80;

/// What happened, to whom, by whom.
pub struct Cause {
    pub kind: NotificationKind,
    pub recipient_id: i64,
    /// Who acted, and whether anonymously; `None` for HOT.
    pub actor: Option<(i64, bool)>,
    pub post_id: Option<i64>,
    pub comment_id: Option<i64>,
    /// The conversation of a new 쪽지.
    pub conversation_id: Option<i64>,
}

/// Writes the notification of `cause` in the cause's transaction, and wakes the recipient's streams when it
/// commits. One's own acts notify no one.
pub async fn notify(tx: &mut Tx, state: &AppState, cause: Cause, now: i64) -> Result<(), AppError> {
    let (actor_id, actor_anonymous) =
        cause.actor.map_or((None, false), |(id, anonymous)| (Some(id), anonymous));
    if actor_id == Some(cause.recipient_id) {
        return Ok(());
    }
    let new = NewNotification {
        recipient_id: cause.recipient_id,
        kind: cause.kind,
        post_id: cause.post_id,
        comment_id: cause.comment_id,
        actor_id,
        actor_anonymous,
        conversation_id: cause.conversation_id,
    };
    rows::purge_expired(tx, cause.recipient_id, expired_before(state, now)).await?;
    if rows::insert(tx, &new, now).await? {
        tx.announce(cause.recipient_id);
    }
    Ok(())
}

/// Notifications created before this moment have expired.
fn expired_before(state: &AppState, now: i64) -> i64 {
    now - state.config.notification_days * 86_400
}

/// A page of the 알림 screen, newest first, with the unread count.
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn list(state: &AppState, me: &Me, before: Option<i64>) -> Result<NotificationPage, AppError> {
    let since = expired_before(state, now());
    let mut rows = rows::list(&state.db, me.id, since, before, NOTIFICATIONS_PER_PAGE + 1).await?;
    let next_cursor = if rows.len() as i64 > NOTIFICATIONS_PER_PAGE {
        rows.truncate(NOTIFICATIONS_PER_PAGE as usize);
        rows.last().map(|row| row.id)
    } else {
        None
    };
    let unread = rows::live_state(&state.db, me.id, since).await?.unread;
    Ok(NotificationPage { items: rows.into_iter().map(notification).collect(), next_cursor, unread })
}

fn notification(row: NotificationRow) -> Notification {
    let actor =
        bool::from(row.has_actor).then(|| actor_label(row.actor_anonymous.into(), row.actor_nickname));
    let post = match (row.post_id, row.board_name, row.post_title) {
        (Some(id), Some(board_name), Some(title)) => Some(NotifiedPost { id, board_name, title }),
        _ => None,
    };
    Notification {
        id: row.id,
        kind: row.kind.0,
        actor,
        post,
        excerpt: row.comment_body.map(|body| excerpt(&body)),
        conversation_id: row.conversation_id,
        created_at: row.created_at,
        read: row.is_read.into(),
    }
}

/// The first characters of a comment, on one line.
fn excerpt(body: &str) -> String {
    let line = body.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(EXCERPT_CHARS) {
        Some((end, _)) => format!("{}…", &line[..end]),
        None => line,
    }
}

/// Marks one notification read (tapping it); 404 for one that is not the student's.
#[tracing::instrument(skip_all, fields(user = me.id, notification_id))]
pub async fn mark_read(state: &AppState, me: &Me, notification_id: i64) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    if !rows::mark_read(&mut tx, me.id, notification_id, now()).await? {
        return Err(AppError::Missing(t::NOT_FOUND.into()));
    }
    tx.announce(me.id);
    tx.commit().await?;
    Ok(())
}

/// Marks all of the student's notifications read (모두 읽음).
#[tracing::instrument(skip_all, fields(user = me.id))]
pub async fn mark_all_read(state: &AppState, me: &Me) -> Result<(), AppError> {
    let mut tx = state.db.begin_write().await?;
    rows::mark_all_read(&mut tx, me.id, now()).await?;
    tx.announce(me.id);
    tx.commit().await?;
    Ok(())
}

/// What a live stream sends: the unread count, the newest notification's id and the newest message's.
pub async fn live_state(state: &AppState, user_id: i64) -> Result<LiveState, AppError> {
    let row = rows::live_state(&state.db, user_id, expired_before(state, now())).await?;
    Ok(LiveState { unread: row.unread, newest_id: row.newest_id, newest_message_id: row.newest_message_id })
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn an_excerpt_is_one_line_of_at_most_80_characters() {
        assert_eq!(excerpt("첫 줄\n둘째   줄"), "첫 줄 둘째 줄");
        let long = "가".repeat(100);
        assert_eq!(excerpt(&long), format!("{}…", "가".repeat(80)));
        assert_eq!(excerpt(&"나".repeat(80)), "나".repeat(80));
    }
}
