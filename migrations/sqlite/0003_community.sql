-- Boards, posts, comments, anonymous numbers, likes, scraps and reports (SQLite dialect; the PostgreSQL twin is
-- migrations/postgres). Counters live on their rows and change only by `SET n = n + 1` inside the transaction
-- that inserts the like/comment/report row, so they stay exact under concurrency.

CREATE TABLE boards (
    id           INTEGER PRIMARY KEY,
    school_id    INTEGER NOT NULL REFERENCES schools (id),
    -- Stable key of a default board (free, secret, …), used in URLs and by the seeding.
    slug         TEXT NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL,
    -- 0: anonymity forbidden, 1: the author chooses, 2: everything is anonymous (비밀게시판).
    anonymity    INTEGER NOT NULL,
    -- 1 for boards whose posts never reach HOT/BEST (장터, 홍보, 동아리·학회).
    hot_excluded INTEGER NOT NULL DEFAULT 0,
    position     INTEGER NOT NULL,
    CONSTRAINT boards_school_slug_key UNIQUE (school_id, slug)
);

CREATE TABLE posts (
    id            INTEGER PRIMARY KEY,
    board_id      INTEGER NOT NULL REFERENCES boards (id),
    -- Copied from the board: every read filters by school, and search scans one school's posts.
    school_id     INTEGER NOT NULL REFERENCES schools (id),
    author_id     INTEGER NOT NULL REFERENCES users (id),
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    is_anonymous  INTEGER NOT NULL,
    is_question   INTEGER NOT NULL,
    like_count    INTEGER NOT NULL DEFAULT 0,
    comment_count INTEGER NOT NULL DEFAULT 0,
    scrap_count   INTEGER NOT NULL DEFAULT 0,
    report_count  INTEGER NOT NULL DEFAULT 0,
    -- Hidden pending review once enough students reported it.
    is_hidden     INTEGER NOT NULL DEFAULT 0,
    -- The last anonymous number handed out on this post (익명1, 익명2, …); never decreases.
    anon_seq      INTEGER NOT NULL DEFAULT 0,
    -- Set when the post first reaches the HOT / BEST like thresholds (NULL before, and for excluded boards).
    hot_at        BIGINT,
    best_at       BIGINT,
    created_at    BIGINT NOT NULL,
    edited_at     BIGINT,
    deleted_at    BIGINT
);
-- Board pages: newest first by id, keyset-paginated, live posts only.
CREATE INDEX posts_board_page_idx ON posts (board_id, id) WHERE deleted_at IS NULL;
-- HOT and BEST lists, newest first like every list.
CREATE INDEX posts_hot_idx ON posts (school_id, id) WHERE hot_at IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX posts_best_idx ON posts (school_id, id) WHERE best_at IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX posts_author_idx ON posts (author_id, id);
CREATE INDEX posts_school_idx ON posts (school_id, id) WHERE deleted_at IS NULL;

CREATE TABLE comments (
    id           INTEGER PRIMARY KEY,
    post_id      INTEGER NOT NULL REFERENCES posts (id),
    -- The top-level comment this is a reply to (one level only); NULL for a top-level comment.
    parent_id    INTEGER REFERENCES comments (id),
    author_id    INTEGER NOT NULL REFERENCES users (id),
    body         TEXT NOT NULL,
    is_anonymous INTEGER NOT NULL,
    like_count   INTEGER NOT NULL DEFAULT 0,
    report_count INTEGER NOT NULL DEFAULT 0,
    is_hidden    INTEGER NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL,
    edited_at    BIGINT,
    deleted_at   BIGINT
);
CREATE INDEX comments_post_idx ON comments (post_id, id);
CREATE INDEX comments_author_idx ON comments (author_id, post_id);

-- The anonymous number of each anonymous commenter on a post. The primary key makes the number stable per
-- (post, user); the unique key makes two commenters never share one.
CREATE TABLE post_anon_numbers (
    post_id INTEGER NOT NULL REFERENCES posts (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    number  INTEGER NOT NULL,
    PRIMARY KEY (post_id, user_id),
    CONSTRAINT post_anon_numbers_number_key UNIQUE (post_id, number)
);

CREATE TABLE post_likes (
    post_id    INTEGER NOT NULL REFERENCES posts (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (post_id, user_id)
);

CREATE TABLE comment_likes (
    comment_id INTEGER NOT NULL REFERENCES comments (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE scraps (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    post_id    INTEGER NOT NULL REFERENCES posts (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, post_id)
);
CREATE INDEX scraps_user_idx ON scraps (user_id, created_at);

-- One report per student per post or comment; target_kind is 'post' or 'comment'.
CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    target_kind TEXT NOT NULL,
    target_id   INTEGER NOT NULL,
    reporter_id INTEGER NOT NULL REFERENCES users (id),
    reason      INTEGER NOT NULL,
    created_at  BIGINT NOT NULL,
    CONSTRAINT reports_once_key UNIQUE (target_kind, target_id, reporter_id)
);
