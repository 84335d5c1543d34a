-- 학점계산기 (SQLite dialect; the PostgreSQL twin is migrations/postgres): a student's terms of courses and their
-- scale. Private to the student; deleted with the account (db::gpa::forget).

-- The maximum grade point the student's GPA is shown on: '4.5' or '4.3' (model::gpa::Scale's codes). No row
-- means 4.5, the common scale.
CREATE TABLE gpa_settings (
    user_id INTEGER PRIMARY KEY REFERENCES users (id),
    scale   TEXT NOT NULL
);

CREATE TABLE gpa_terms (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    name       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
-- A student's terms in the order they were made.
CREATE INDEX gpa_terms_user_idx ON gpa_terms (user_id, id);

-- A course of a term. The owner is repeated from the term so that every read and write checks it in the same
-- statement. Credits are kept in halves (1.5학점 = 3); grade is a model::gpa::Grade code, NULL until entered.
-- A name appears once per term: an import from a timetable adds only the courses the term lacks.
CREATE TABLE gpa_courses (
    id           INTEGER PRIMARY KEY,
    term_id      INTEGER NOT NULL REFERENCES gpa_terms (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    name         TEXT NOT NULL,
    half_credits INTEGER NOT NULL CHECK (half_credits BETWEEN 0 AND 20),
    grade        TEXT,
    is_major     INTEGER NOT NULL,
    created_at   BIGINT NOT NULL,
    CONSTRAINT gpa_courses_name_key UNIQUE (term_id, name)
);
CREATE INDEX gpa_courses_user_idx ON gpa_courses (user_id, term_id, id);
