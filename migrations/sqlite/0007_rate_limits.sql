-- Rate limits for floods that the other rules do not stop: sign-ups per client address, comments and reports
-- per student. One row per (action, subject) counts the subject's actions in the current fixed window; the
-- upsert that bumps it is a single statement, so concurrent requests (on any app server) count exactly, and it
-- runs inside the action's own transaction, so a refused or failed action counts nothing.
CREATE TABLE rate_counters (
    action       TEXT    NOT NULL,
    subject      TEXT    NOT NULL,
    window_start INTEGER NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (action, subject)
);
