-- 로그인 유지: whether the student asked to stay logged in when the login started (SQLite dialect; the twin is
-- migrations/postgres). A kept login (1) lives as long as its refresh tokens are used, each for
-- CAMPUS_REFRESH_TOKEN_DAYS, in persistent cookies. One not kept (0) has session cookies, which the browser
-- drops when it closes, and ends CAMPUS_UNKEPT_LOGIN_HOURS after it started whatever the browser does (a
-- browser that restores its session, a shared computer left on): refresh refuses it from then on
-- (server/db/sessions.rs). The choice is the login's, so every refresh keeps it. Logins that started before
-- the choice existed were all kept.
ALTER TABLE sessions ADD COLUMN kept INTEGER NOT NULL DEFAULT 1;
