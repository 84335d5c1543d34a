-- Schools, departments, accounts and logins (SQLite dialect; the PostgreSQL twin is migrations/postgres).
-- Conventions shared by both dialects: integer ids, timestamps as UTC Unix seconds (BIGINT), flags as 0/1
-- integers (sqlx's Any driver decodes neither SQLite BOOLEAN nor either dialect's date types).

CREATE TABLE schools (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    -- Short label shown in the header, e.g. 서울대.
    short_name TEXT NOT NULL
);

CREATE TABLE departments (
    id        INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES schools (id),
    name      TEXT NOT NULL,
    CONSTRAINT departments_school_name_key UNIQUE (school_id, name)
);

CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    -- As typed at sign-up; username_key is its lower-case form, which makes names unique regardless of case.
    username       TEXT NOT NULL,
    username_key   TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    nickname       TEXT NOT NULL,
    -- Lower-case nickname: unique within a school regardless of case.
    nickname_key   TEXT NOT NULL,
    school_id      INTEGER NOT NULL REFERENCES schools (id),
    department_id  INTEGER NOT NULL REFERENCES departments (id),
    admission_year INTEGER NOT NULL,
    is_admin       INTEGER NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL,
    CONSTRAINT users_username_key UNIQUE (username_key),
    CONSTRAINT users_school_nickname_key UNIQUE (school_id, nickname_key)
);

-- One row per login (a browser or an API client). Refresh tokens belong to a session; revoking the session
-- ends the login everywhere its tokens are held, including access tokens, which are checked against it.
CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Single-use refresh tokens, stored as SHA-256 hashes. used_at is set when the token is exchanged; presenting
-- a token whose used_at is set is reuse, and revokes its session (theft detection).
CREATE TABLE refresh_tokens (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT,
    CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash)
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- Failed log-ins, kept in the database (not in memory) so that every app server sees the same counts.
CREATE TABLE login_failures (
    id           INTEGER PRIMARY KEY,
    username_key TEXT NOT NULL,
    client_addr  TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX login_failures_user_idx ON login_failures (username_key, created_at);
CREATE INDEX login_failures_addr_idx ON login_failures (client_addr, created_at);
