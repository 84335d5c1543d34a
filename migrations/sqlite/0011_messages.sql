-- 쪽지: conversations between two students and their messages (SQLite dialect; the PostgreSQL twin is
-- migrations/postgres). Sending runs in one write transaction that locks both students' rows first (as
-- friendships do, server/db/friends.rs), and the keys below make a second conversation for the same pair
-- and origin impossible even under concurrent starts.

-- A conversation, stored once per pair in canonical order (the smaller user id in user_low) and origin:
-- origin is the code of model::messages::ConversationOrigin and origin_id the post's or comment's id (0 for
-- a friend). anonymous is fixed at the start from the content it started from.
CREATE TABLE conversations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id       INTEGER NOT NULL REFERENCES schools (id),
    user_low        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    user_high       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    origin          TEXT NOT NULL,
    origin_id       INTEGER NOT NULL,
    -- The post it started from (for the origin line and its link), and that post's board.
    post_id         INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    board_id        INTEGER REFERENCES boards (id),
    anonymous       INTEGER NOT NULL,
    created_at      BIGINT NOT NULL,
    -- The newest message's id: the 쪽지함's order and keyset cursor.
    last_message_id INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT conversations_canonical CHECK (user_low < user_high),
    CONSTRAINT conversations_once_key UNIQUE (user_low, user_high, origin, origin_id)
);

-- Each side's own state: how far they have read, what they cleared by leaving (messages up to that id are
-- gone for them; a newer message brings the conversation back), and whether they blocked it.
CREATE TABLE conversation_members (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    read_through    INTEGER NOT NULL DEFAULT 0,
    cleared_through INTEGER NOT NULL DEFAULT 0,
    blocked         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, user_id)
);
-- A student's 쪽지함.
CREATE INDEX conversation_members_user_idx ON conversation_members (user_id);

-- A message. Reports count and hide it like posts and comments; an admin's removal sets deleted_at.
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sender_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body            TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    report_count    INTEGER NOT NULL DEFAULT 0,
    is_hidden       INTEGER NOT NULL DEFAULT 0,
    deleted_at      BIGINT
);
-- A conversation's pages, newest first.
CREATE INDEX messages_conversation_idx ON messages (conversation_id, id);
-- The moderation queue's reported messages.
CREATE INDEX messages_reported_idx ON messages (report_count) WHERE report_count > 0;

-- A new 쪽지 notifies its recipient, once per conversation until they read it.
ALTER TABLE notifications ADD COLUMN conversation_id INTEGER REFERENCES conversations (id) ON DELETE CASCADE;
CREATE UNIQUE INDEX notifications_message_unread ON notifications (user_id, conversation_id)
    WHERE kind = 'message' AND read_at IS NULL;
