//! A course: its details, the 강의평 of its (name, professor) across semesters with the average, the star
//! distribution and how the reviews answered each detail question, and the form to write one.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::timetable::{delete_review, get_course, WriteReview};
use crate::components::loaded::Loaded;
use crate::components::require_login::{encode_query_value, RequireLogin};
use crate::components::review_card::ReviewCard;
use crate::model::codes::Code;
use crate::model::reviews::{most_given, ReviewSummary, Tally};
use crate::model::timetable::{Amount, Attendance, CourseDetail, Grading, MAX_EXAMS, REVIEW_BODY_MAX};
use crate::pages::params::route_id;
use crate::text::{fill, reviews as r, timetable as t};

#[component]
pub fn CoursePage() -> impl IntoView {
    let course_id = route_id();
    let write = ServerAction::<WriteReview>::new();
    let remove = Action::new(|id: &i64| delete_review(*id));
    let detail = Resource::new(
        move || (course_id(), write.version().get(), remove.version().get()),
        |(id, _, _)| get_course(id),
    );
    view! {
        <RequireLogin let:_me>
            <Loaded resource=detail let:detail>
                <CourseView detail write remove />
            </Loaded>
        </RequireLogin>
    }
}

#[component]
fn CourseView(
    detail: CourseDetail,
    write: ServerAction<WriteReview>,
    remove: Action<i64, Result<(), crate::error::AppError>>,
) -> impl IntoView {
    let course = detail.course;
    let rating = course.rating;
    let (times, professor) = (course.times_label(), course.professor.clone());
    let summary = detail.summary;
    let highest = summary.stars.iter().copied().max().unwrap_or_default().max(1);
    let remove_error = move || remove.value().get().and_then(Result::err).map(|e| e.to_string());
    view! {
        <Title text=course.name.clone() />
        <a href="/timetable" class="back-link">{t::TITLE}</a>
        <header class="page-header">
            <h1>{course.name.clone()}</h1>
            <p class="muted">
                <a href=format!("/professors/{}", encode_query_value(&professor)) data-testid="course-professor">{professor.clone()}</a>
                {format!(" · {} · {}", course.semester, course.code)}
            </p>
        </header>
        <section class="card course-facts">
            <dl class="facts">
                <dt>{t::CREDITS}</dt><dd>{course.credits}</dd>
                <dt>{t::CATEGORY}</dt><dd>{course.category.label()}</dd>
                <dt>{t::ROOM}</dt><dd>{course.room.clone()}</dd>
                <dt>{t::WEEKDAY}</dt><dd>{times}</dd>
                <dt>{t::CAPACITY}</dt><dd>{course.capacity}</dd>
            </dl>
        </section>
        <section class="card rating-summary" aria-label=t::RATING_SUMMARY>
            <p class="rating-average">
                <span class="stars big" data-testid="rating-average">{rating.label()}</span>
                <span class="muted">{format!(" / 5 · {} ", t::REVIEWS)}</span>
                <span class="muted" data-testid="rating-count">{rating.count}</span>
            </p>
            <ol class="distribution" reversed>
                {(1..=5).rev().map(|stars| {
                    let count = summary.stars[stars - 1];
                    let width = format!("width:{}%", count * 100 / highest);
                    view! {
                        <li>
                            <span>{fill(t::STAR_COUNT, stars)}</span>
                            <span class="bar"><span style=width></span></span>
                            <span class="muted">{count}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <AnswerSummary summary=summary.clone() />
            <a href="/reviews" class="more-link">{r::ALL_REVIEWS}</a>
        </section>
        {if detail.reviewed_by_me {
            view! { <p class="muted">{t::MY_REVIEW_EXISTS}</p> }.into_any()
        } else {
            view! { <ReviewForm course_id=course.id write /> }.into_any()
        }}
        <p class="form-error" role="alert">{remove_error}</p>
        <section aria-label=t::REVIEWS>
            {detail.reviews.is_empty().then(|| view! { <p class="card empty-state">{t::NO_REVIEWS}</p> })}
            <ul class="review-list" data-testid="reviews">
                {detail.reviews.into_iter().map(|review| view! { <ReviewCard review remove /> }).collect_view()}
            </ul>
        </section>
    }
}

/// How the reviews answered 과제, 조모임, 성적, 출결 and 시험 횟수: every answer with its count, the most
/// given one marked. Nothing while there are no reviews.
#[component]
fn AnswerSummary(summary: ReviewSummary) -> impl IntoView {
    /// One question's row: its answers in form order, with counts.
    fn row<T: Copy + PartialEq + Send + Sync + 'static>(
        question: &'static str,
        tallies: Vec<Tally<T>>,
        label: impl Fn(T) -> String,
    ) -> impl IntoView {
        let top = most_given(&tallies);
        let answers = tallies
            .into_iter()
            .map(|tally| {
                let class = if Some(tally.answer) == top { "answer top" } else { "answer" };
                view! { <span class=class>{format!("{} {}", label(tally.answer), tally.count)}</span> }
            })
            .collect_view();
        view! { <dt>{question}</dt><dd>{answers}</dd> }
    }
    (summary.total() > 0).then(|| {
        view! {
            <dl class="facts answer-summary" aria-label=r::SUMMARY data-testid="answer-summary">
                {row(t::ASSIGNMENTS, summary.assignments, |a: Amount| a.label().to_owned())}
                {row(t::TEAM_PROJECTS, summary.team_projects, |a: Amount| a.label().to_owned())}
                {row(t::GRADING_LABEL, summary.grading, |g: Grading| g.label().to_owned())}
                {row(t::ATTENDANCE_LABEL, summary.attendance, |a: Attendance| a.label().to_owned())}
                {row(t::EXAMS, summary.exams, |n: i64| fill(t::EXAM_COUNT, n))}
            </dl>
        }
    })
}

/// The review form: a plain form posting to the server function, so it also works before hydration.
#[component]
fn ReviewForm(course_id: i64, write: ServerAction<WriteReview>) -> impl IntoView {
    let error = move || write.value().get().and_then(Result::err).map(|e| e.to_string());
    /// A select of one detail question: its answers' codes and labels, `preset` chosen.
    fn choice<T: Code + PartialEq>(
        name: &'static str,
        label: &'static str,
        labels: fn(T) -> &'static str,
        preset: T,
    ) -> impl IntoView {
        let id = format!("review-{name}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select id=id name=name>
                    {T::ALL.iter().map(|answer| view! {
                        <option value=answer.code() selected=*answer == preset>{labels(*answer)}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    }
    view! {
        <details class="card review-form" open>
            <summary>{t::WRITE_REVIEW}</summary>
            <ActionForm action=write attr:class="form">
                <input type="hidden" name="course_id" value=course_id.to_string() />
                <fieldset class="stars-input">
                    <legend>{t::STARS}</legend>
                    {(1..=5).map(|stars| view! {
                        <label class="check">
                            <input type="radio" name="stars" value=stars.to_string() checked=stars == 5 required />
                            {fill(t::STAR_COUNT, stars)}
                        </label>
                    }).collect_view()}
                </fieldset>
                <div class="filter-row">
                    {choice("assignments", t::ASSIGNMENTS, Amount::label, Amount::Average)}
                    {choice("team_projects", t::TEAM_PROJECTS, Amount::label, Amount::Average)}
                    {choice("grading", t::GRADING_LABEL, Grading::label, Grading::Average)}
                    {choice("attendance", t::ATTENDANCE_LABEL, Attendance::label, Attendance::RollCall)}
                    <div class="field">
                        <label for="review-exams">{t::EXAMS}</label>
                        <input id="review-exams" name="exams" type="number" min="0" max=MAX_EXAMS.to_string() value="2" required />
                    </div>
                </div>
                <div class="field">
                    <label for="review-body">{t::REVIEW_BODY}</label>
                    <textarea id="review-body" name="body" rows="4" placeholder=t::REVIEW_PLACEHOLDER maxlength=REVIEW_BODY_MAX.to_string() required></textarea>
                </div>
                <p class="form-error" role="alert">{error}</p>
                <button type="submit" class="button primary block" disabled=move || write.pending().get()>{t::SUBMIT_REVIEW}</button>
            </ActionForm>
        </details>
    }
}
