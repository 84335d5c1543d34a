//! One routed page per file.

pub mod board;
pub mod boards;
pub mod confirm;
pub mod course;
pub mod edit;
pub mod friends;
pub mod gpa;
pub mod home;
pub mod lazy;
pub mod linked_timetable;
pub mod list;
pub mod login;
pub mod me;
pub mod messages;
pub mod moderation;
pub mod not_found;
pub mod notifications;
pub mod params;
pub mod post;
pub mod professors;
pub mod reviews;
pub mod signup;
pub mod student_timetable;
pub mod timetable;
pub mod write;
