-- Friends: requests, friendships and blocks (SQLite dialect; the PostgreSQL twin is migrations/postgres).
-- Every change to these tables runs in one write transaction per pair of students (see server/db/friends.rs),
-- and the keys below make the states it maintains impossible to duplicate even if that ever slipped.
-- Rows go with their user row (ON DELETE CASCADE); an account that is closed but kept as a row is cleared
-- by db::friends::forget.

-- A pending friend request from sender to receiver. Accepting or declining deletes it; a request to someone
-- who already asked you is never stored (it accepts theirs), so at most one direction exists per pair.
CREATE TABLE friend_requests (
    sender_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    receiver_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (sender_id, receiver_id),
    CONSTRAINT friend_requests_not_self CHECK (sender_id <> receiver_id)
);
-- 받은 요청: the requests a student has received.
CREATE INDEX friend_requests_receiver_idx ON friend_requests (receiver_id, created_at);

-- A friendship, stored once per pair in canonical order (the smaller user id in user_low), so that the
-- primary key alone makes a second row for the same two students impossible.
CREATE TABLE friendships (
    user_low   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    user_high  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_low, user_high),
    CONSTRAINT friendships_canonical CHECK (user_low < user_high)
);
-- The friends of the student in user_high (the primary key serves user_low).
CREATE INDEX friendships_high_idx ON friendships (user_high);

-- blocker has blocked blocked_id: no friendship or request between them, no requests from the blocked
-- student to the blocker, and neither sees the other's timetable.
CREATE TABLE blocks (
    blocker_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id),
    CONSTRAINT blocks_not_self CHECK (blocker_id <> blocked_id)
);
-- "Has anyone blocked this student?", asked in both directions.
CREATE INDEX blocks_blocked_idx ON blocks (blocked_id);
