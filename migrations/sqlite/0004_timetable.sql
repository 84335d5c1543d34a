-- Course catalogue, timetables and course reviews (SQLite dialect; the PostgreSQL twin is migrations/postgres).
-- A semester is one integer, year * 10 + term (term 1: 1학기, 2: 여름학기, 3: 2학기, 4: 겨울학기), so that
-- semesters sort and compare as numbers. Times of day are minutes after midnight; weekdays 0 (Mon) … 6 (Sun).

CREATE TABLE courses (
    id            INTEGER PRIMARY KEY,
    school_id     INTEGER NOT NULL REFERENCES schools (id),
    semester      INTEGER NOT NULL,
    code          TEXT NOT NULL,
    name          TEXT NOT NULL,
    professor     TEXT NOT NULL,
    -- NULL for general education (교양), which no department owns.
    department_id INTEGER REFERENCES departments (id),
    credits       INTEGER NOT NULL,
    category      TEXT NOT NULL,
    room          TEXT NOT NULL,
    capacity      INTEGER NOT NULL,
    -- How many timetables hold the course; moves by ±1 in the transaction that adds or removes it.
    added_count   INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT courses_semester_code_key UNIQUE (school_id, semester, code)
);
-- Catalogue pages sorted by name, and the professor lookup across semesters.
CREATE INDEX courses_semester_name_idx ON courses (school_id, semester, name);
CREATE INDEX courses_professor_idx ON courses (school_id, professor, semester);
-- The catalogue sorted by how many students added a course (담은 인원순), read in index order.
CREATE INDEX courses_popular_idx ON courses (school_id, semester, added_count DESC, name, code);

CREATE TABLE course_slots (
    course_id    INTEGER NOT NULL REFERENCES courses (id),
    weekday      INTEGER NOT NULL,
    start_minute INTEGER NOT NULL,
    end_minute   INTEGER NOT NULL
);
CREATE INDEX course_slots_course_idx ON course_slots (course_id);

CREATE TABLE timetables (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    semester   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    -- 0: 비공개, 1: 친구공개, 2: 전체공개.
    visibility INTEGER NOT NULL,
    is_primary INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT timetables_name_key UNIQUE (user_id, semester, name)
);
-- At most one primary timetable per student and semester; the code keeps it exactly one.
CREATE UNIQUE INDEX timetables_one_primary_key ON timetables (user_id, semester) WHERE is_primary = 1;

-- A course in a timetable, or a custom entry (course_id NULL) with its own name, professor and room. The
-- course's name, professor, room and credits are copied so that a timetable renders from its own rows.
CREATE TABLE timetable_entries (
    id           INTEGER PRIMARY KEY,
    timetable_id INTEGER NOT NULL REFERENCES timetables (id) ON DELETE CASCADE,
    course_id    INTEGER REFERENCES courses (id),
    name         TEXT NOT NULL,
    professor    TEXT NOT NULL,
    room         TEXT NOT NULL,
    credits      INTEGER NOT NULL,
    created_at   BIGINT NOT NULL,
    CONSTRAINT timetable_entries_course_key UNIQUE (timetable_id, course_id)
);

-- The weekly times of every entry, kept per timetable so that the conflict check is one indexed lookup.
CREATE TABLE timetable_slots (
    entry_id     INTEGER NOT NULL REFERENCES timetable_entries (id) ON DELETE CASCADE,
    timetable_id INTEGER NOT NULL REFERENCES timetables (id) ON DELETE CASCADE,
    weekday      INTEGER NOT NULL,
    start_minute INTEGER NOT NULL,
    end_minute   INTEGER NOT NULL
);
CREATE INDEX timetable_slots_timetable_idx ON timetable_slots (timetable_id, weekday);
CREATE INDEX timetable_slots_entry_idx ON timetable_slots (entry_id);

-- 강의평: keyed by (course name, professor) within a school, so a review outlives the semester it was written in.
CREATE TABLE course_reviews (
    id            INTEGER PRIMARY KEY,
    school_id     INTEGER NOT NULL REFERENCES schools (id),
    course_name   TEXT NOT NULL,
    professor     TEXT NOT NULL,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    -- The semester of the course the review was written from (shown as "2026년 2학기 수강자").
    semester      INTEGER NOT NULL,
    stars         INTEGER NOT NULL,
    body          TEXT NOT NULL,
    -- Indexes into the answer lists of model::timetable (과제, 조모임, 성적, 출결) and the number of exams.
    assignments   INTEGER NOT NULL,
    team_projects INTEGER NOT NULL,
    grading       INTEGER NOT NULL,
    attendance    INTEGER NOT NULL,
    exams         INTEGER NOT NULL,
    created_at    BIGINT NOT NULL,
    CONSTRAINT course_reviews_once_key UNIQUE (school_id, course_name, professor, user_id)
);

-- The running totals behind every average, moved in the review's transaction (no read-modify-write).
CREATE TABLE course_ratings (
    school_id    INTEGER NOT NULL REFERENCES schools (id),
    course_name  TEXT NOT NULL,
    professor    TEXT NOT NULL,
    review_count INTEGER NOT NULL,
    star_total   INTEGER NOT NULL,
    PRIMARY KEY (school_id, course_name, professor)
);
