//! One 강의평 as every list shows it (a course's page, the 강의평 screen): its stars, when it was taken, the
//! answers to the detail questions, the text, and 삭제 for its author. Reviews are anonymous: the card names
//! no one.

use leptos::prelude::*;

use crate::components::confirmed;
use crate::error::AppError;
use crate::model::reviews::ReviewedPair;
use crate::model::timetable::Review;
use crate::text::{fill, timetable as t};

/// A review; with `course`, headed by the course it is about (lists that mix courses), linked to its page.
#[component]
pub fn ReviewCard(
    review: Review,
    #[prop(optional)] course: Option<ReviewedPair>,
    remove: Action<i64, Result<(), AppError>>,
) -> impl IntoView {
    let id = review.id;
    let content = review.content;
    let facts = format!(
        "{} {} · {} {} · {} {} · {} {} · {} {}",
        t::ASSIGNMENTS,
        content.assignments.label(),
        t::TEAM_PROJECTS,
        content.team_projects.label(),
        t::GRADING_LABEL,
        content.grading.label(),
        t::ATTENDANCE_LABEL,
        content.attendance.label(),
        t::EXAMS,
        fill(t::EXAM_COUNT, content.exams)
    );
    let stars = content.stars.clamp(0, 5) as usize;
    view! {
        <li class="card review">
            {course.map(|course| {
                let title = format!("{} · {}", course.name, course.professor);
                match course.course_id {
                    Some(course_id) => view! {
                        <p class="review-course"><a href=format!("/courses/{course_id}")>{title}</a></p>
                    }
                    .into_any(),
                    None => view! { <p class="review-course">{title}</p> }.into_any(),
                }
            })}
            <p>
                <span class="stars" role="img" aria-label=fill(t::STAR_COUNT, stars)>
                    {"★".repeat(stars)}{"☆".repeat(5 - stars)}
                </span>
                <span class="muted small">{format!(" {} · {}", t::ANONYMOUS_REVIEWER, fill(t::TAKEN_IN, review.semester))}</span>
            </p>
            <p class="muted small">{facts}</p>
            <p class="post-text">{content.body}</p>
            {review.is_mine.then(|| view! {
                <button class="chip danger" on:click=move |_| { if confirmed(t::DELETE_REVIEW) { remove.dispatch(id); } }>
                    {t::DELETE_REVIEW}
                </button>
            })}
        </li>
    }
}
