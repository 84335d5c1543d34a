-- 홈 (SQLite dialect; the PostgreSQL twin is migrations/postgres): 즐겨찾는 게시판 and 실시간 인기 글.

-- The boards a student pinned to their home, in the order they pinned them (at most a few: the limit is the
-- service's, checked under the student's row lock). Removing a pin deletes its row.
CREATE TABLE board_pins (
    user_id   INTEGER NOT NULL REFERENCES users (id),
    board_id  INTEGER NOT NULL REFERENCES boards (id),
    -- Milliseconds, so that pins made one after another keep their order.
    pinned_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, board_id)
);

-- 실시간 인기: a post's recent activity, kept by the like and comment transactions
-- (server::community::heat has the formula). `heat` is the score as of the hour `heat_hour` (hours since
-- the Unix epoch); `heat_rank` orders posts by their score now whatever hour it is, NULL without a score.
ALTER TABLE posts ADD COLUMN heat INTEGER NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN heat_hour BIGINT NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN heat_rank BIGINT;
-- The home reads the school's top few by rank (ties: the newer post first) from this index, never a scan of
-- likes or comments.
CREATE INDEX posts_heat_idx ON posts (school_id, heat_rank, id) WHERE heat_rank IS NOT NULL AND deleted_at IS NULL;
