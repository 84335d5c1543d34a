-- The 강의평 screen's lists: a school's newest reviews, and one student's own, each read newest first by
-- keyset (id) from an index instead of a scan of every review.
CREATE INDEX course_reviews_school_recent_idx ON course_reviews (school_id, id);
CREATE INDEX course_reviews_author_idx ON course_reviews (user_id, id);
