-- (SQLite dialect; the PostgreSQL twin is migrations/postgres.)

-- A question post is locked once it has had a comment, even one deleted since: the time of its first
-- comment is kept on the post, set by the comment's own transaction, and never cleared. Comments are soft
-- deleted, so every comment a post ever had is still there to date existing posts from.
ALTER TABLE posts ADD COLUMN first_comment_at BIGINT;
UPDATE posts SET first_comment_at = (SELECT MIN(c.created_at) FROM comments c WHERE c.post_id = posts.id);

-- BEST takes posts of every board: being left out of HOT (장터, 홍보, 동아리·학회) no longer keeps a post out
-- of BEST. Posts that already have 100 likes there are stamped with the time of their 100th like.
UPDATE posts SET best_at = (
    SELECT l.created_at FROM post_likes l WHERE l.post_id = posts.id ORDER BY l.created_at, l.user_id
    LIMIT 1 OFFSET 99
) WHERE best_at IS NULL AND like_count >= 100 AND deleted_at IS NULL;

-- Paced actions (sign-ups per client address): a generic cell rate algorithm keeps one time per
-- (action, subject), the theoretical arrival time in milliseconds, which each allowed action moves one
-- interval on from the later of itself and now. An action is allowed while that time is no more than the
-- burst's worth of intervals ahead of now: bursts pass up to a size, and a steady rate beyond it. One
-- upsert reads and moves it, so concurrent requests on any server are paced exactly.
CREATE TABLE rate_paces (
    action  TEXT   NOT NULL,
    subject TEXT   NOT NULL,
    tat_ms  INTEGER NOT NULL,
    PRIMARY KEY (action, subject)
);
