-- 알림: what happened to a student's content or friendships (PostgreSQL dialect; the SQLite twin is
-- migrations/sqlite). A row is written in the same transaction as its cause (server/notifications.rs) and goes
-- with its recipient's row. actor_id never leaves the server: the label shown is derived from it and from
-- actor_anonymous, the anonymity of the comment that caused it, fixed when it was written.
CREATE TABLE notifications (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The kind's code (model::notifications::NotificationKind).
    kind            TEXT NOT NULL,
    post_id         BIGINT REFERENCES posts (id) ON DELETE CASCADE,
    comment_id      BIGINT REFERENCES comments (id) ON DELETE CASCADE,
    actor_id        BIGINT REFERENCES users (id) ON DELETE SET NULL,
    actor_anonymous INTEGER NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    read_at         BIGINT
);
-- A student's list, newest first, and its unread count.
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
-- A post enters HOT once, and its author is told once, however many likes cross the line together.
CREATE UNIQUE INDEX notifications_hot_once ON notifications (post_id) WHERE kind = 'hot';
