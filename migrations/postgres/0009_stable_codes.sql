-- Stable codes for values picked from a list (PostgreSQL dialect; the SQLite twin is migrations/sqlite).
-- Report reasons and a review's answers were stored as positions in the interface's lists of Korean
-- labels, and course categories as the Korean labels themselves, so rewording or reordering the interface
-- would have changed what stored data means. Each is now stored as the code `model::codes` gives it. A
-- value outside the old lists has no code and fails the migration instead of being guessed.

ALTER TABLE reports ALTER COLUMN reason TYPE TEXT USING (CASE reason WHEN 0 THEN 'off_topic' WHEN 1 THEN 'abuse' WHEN 2 THEN 'obscene' WHEN 3 THEN 'advertising' WHEN 4 THEN 'fraud' WHEN 5 THEN 'spam' WHEN 6 THEN 'political' WHEN 7 THEN 'illegal_filming' END);

ALTER TABLE course_reviews
    ALTER COLUMN assignments TYPE TEXT USING (CASE assignments WHEN 0 THEN 'many' WHEN 1 THEN 'average' WHEN 2 THEN 'none' END),
    ALTER COLUMN team_projects TYPE TEXT USING (CASE team_projects WHEN 0 THEN 'many' WHEN 1 THEN 'average' WHEN 2 THEN 'none' END),
    ALTER COLUMN grading TYPE TEXT USING (CASE grading WHEN 0 THEN 'lenient' WHEN 1 THEN 'average' WHEN 2 THEN 'strict' END),
    ALTER COLUMN attendance TYPE TEXT USING (CASE attendance WHEN 0 THEN 'mixed' WHEN 1 THEN 'roll_call' WHEN 2 THEN 'assigned_seats' WHEN 3 THEN 'electronic' WHEN 4 THEN 'not_counted' END);

UPDATE courses SET category = CASE category WHEN '전공필수' THEN 'major_required' WHEN '전공선택' THEN 'major_elective' WHEN '교양필수' THEN 'general_required' WHEN '교양선택' THEN 'general_elective' END;
