-- Stable codes for values picked from a list (SQLite dialect; the PostgreSQL twin is migrations/postgres).
-- Report reasons and a review's answers were stored as positions in the interface's lists of Korean
-- labels, and course categories as the Korean labels themselves, so rewording or reordering the interface
-- would have changed what stored data means. Each is now stored as the code `model::codes` gives it. A
-- value outside the old lists has no code and fails the migration instead of being guessed.

-- SQLite cannot change a column's type: each gets a new text column, filled from the old one, which is
-- then dropped and the new one renamed in its place.
ALTER TABLE reports ADD COLUMN reason_code TEXT NOT NULL DEFAULT '';
UPDATE reports SET reason_code = CASE reason WHEN 0 THEN 'off_topic' WHEN 1 THEN 'abuse' WHEN 2 THEN 'obscene' WHEN 3 THEN 'advertising' WHEN 4 THEN 'fraud' WHEN 5 THEN 'spam' WHEN 6 THEN 'political' WHEN 7 THEN 'illegal_filming' END;
ALTER TABLE reports DROP COLUMN reason;
ALTER TABLE reports RENAME COLUMN reason_code TO reason;

ALTER TABLE course_reviews ADD COLUMN assignments_code TEXT NOT NULL DEFAULT '';
UPDATE course_reviews SET assignments_code = CASE assignments WHEN 0 THEN 'many' WHEN 1 THEN 'average' WHEN 2 THEN 'none' END;
ALTER TABLE course_reviews DROP COLUMN assignments;
ALTER TABLE course_reviews RENAME COLUMN assignments_code TO assignments;
ALTER TABLE course_reviews ADD COLUMN team_projects_code TEXT NOT NULL DEFAULT '';
UPDATE course_reviews SET team_projects_code = CASE team_projects WHEN 0 THEN 'many' WHEN 1 THEN 'average' WHEN 2 THEN 'none' END;
ALTER TABLE course_reviews DROP COLUMN team_projects;
ALTER TABLE course_reviews RENAME COLUMN team_projects_code TO team_projects;
ALTER TABLE course_reviews ADD COLUMN grading_code TEXT NOT NULL DEFAULT '';
UPDATE course_reviews SET grading_code = CASE grading WHEN 0 THEN 'lenient' WHEN 1 THEN 'average' WHEN 2 THEN 'strict' END;
ALTER TABLE course_reviews DROP COLUMN grading;
ALTER TABLE course_reviews RENAME COLUMN grading_code TO grading;
ALTER TABLE course_reviews ADD COLUMN attendance_code TEXT NOT NULL DEFAULT '';
UPDATE course_reviews SET attendance_code = CASE attendance WHEN 0 THEN 'mixed' WHEN 1 THEN 'roll_call' WHEN 2 THEN 'assigned_seats' WHEN 3 THEN 'electronic' WHEN 4 THEN 'not_counted' END;
ALTER TABLE course_reviews DROP COLUMN attendance;
ALTER TABLE course_reviews RENAME COLUMN attendance_code TO attendance;

UPDATE courses SET category = CASE category WHEN '전공필수' THEN 'major_required' WHEN '전공선택' THEN 'major_elective' WHEN '교양필수' THEN 'general_required' WHEN '교양선택' THEN 'general_elective' END;
