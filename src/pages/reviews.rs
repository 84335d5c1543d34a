//! 강의평: the school's reviewed courses found by course name or professor, the school's newest reviews, and
//! the student's own (which they may delete). The search is a plain GET form and the two lists are links,
//! so the screen works before hydration; later pages come with 더 보기.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query;
use leptos_router::params::Params;

use crate::api::reviews::{my_reviews, recent_reviews, search_reviewed_courses};
use crate::api::timetable::delete_review;
use crate::components::loaded::Loaded;
use crate::components::more::{use_next_pages, MoreButton};
use crate::components::require_login::RequireLogin;
use crate::components::review_card::ReviewCard;
use crate::components::status::EmptyState;
use crate::error::AppError;
use crate::model::reviews::{ReviewList, ReviewPage, ReviewedCourse, ReviewedCoursePage};
use crate::text::{fill, reviews as t, timetable as tt};

/// `?q=` (a search) and `?list=` (which list) of `/reviews`.
#[derive(Params, Debug, Clone, PartialEq)]
struct ReviewsQuery {
    q: Option<String>,
    list: Option<ReviewList>,
}

#[component]
pub fn ReviewsPage() -> impl IntoView {
    let query = use_query::<ReviewsQuery>();
    let text = move || query.read().as_ref().ok().and_then(|q| q.q.clone()).unwrap_or_default();
    let searching = move || !text().trim().is_empty();
    let list = move || query.read().as_ref().ok().and_then(|q| q.list).unwrap_or(ReviewList::Recent);
    let remove = Action::new(|id: &i64| delete_review(*id));
    // Nothing is searched without a query, and no list is read while searching.
    let found = Resource::new(text, |text| async move {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            search_reviewed_courses(text, None).await.map(Some)
        }
    });
    let reviews = Resource::new(
        move || (searching(), list(), remove.version().get()),
        |(searching, list, _)| async move {
            if searching {
                return Ok(None);
            }
            fetch_reviews(list, None).await.map(Some)
        },
    );
    let remove_error = move || remove.value().get().and_then(Result::err).map(|e| e.to_string());
    view! {
        <Title text=t::TITLE />
        <RequireLogin let:_me>
            <a href="/timetable" class="back-link">{tt::TITLE}</a>
            <header class="page-header"><h1>{t::TITLE}</h1></header>
            <form class="search-form" method="get" action="/reviews" role="search">
                <label class="visually-hidden" for="reviews-q">{t::SEARCH_LABEL}</label>
                <input id="reviews-q" type="search" name="q" placeholder=t::SEARCH_PLACEHOLDER value=text />
                <button type="submit" class="button primary small">{tt::SEARCH}</button>
            </form>
            {move || (!searching()).then(|| view! { <ListChoice current=list() /> })}
            <p class="form-error" role="alert">{remove_error}</p>
            <Loaded resource=found let:found>
                {found.map(|first| view! { <SearchResults first query=text() /> })}
            </Loaded>
            <Loaded resource=reviews let:page>
                {page.map(|first| view! { <ReviewFeed first list=list() remove /> })}
            </Loaded>
        </RequireLogin>
    }
}

/// A page of one of the review lists, below the review id `before`.
async fn fetch_reviews(list: ReviewList, before: Option<i64>) -> Result<ReviewPage, AppError> {
    match list {
        ReviewList::Recent => recent_reviews(before).await,
        ReviewList::Mine => my_reviews(before).await,
    }
}

/// The two lists as links, the current one marked.
#[component]
fn ListChoice(current: ReviewList) -> impl IntoView {
    let choice = |list: ReviewList, href: &'static str, label: &'static str| {
        let selected = list == current;
        view! {
            <a href=href class=if selected { "chip selected" } else { "chip" } aria-current=selected.then_some("page")>
                {label}
            </a>
        }
    };
    view! {
        <nav class="chips" aria-label=t::LISTS>
            {choice(ReviewList::Recent, "/reviews", t::RECENT)}
            {choice(ReviewList::Mine, "/reviews?list=mine", t::MINE)}
        </nav>
    }
}

/// The first page of a review list, the pages after it, and 더 보기.
#[component]
fn ReviewFeed(
    first: ReviewPage,
    list: ReviewList,
    remove: Action<i64, Result<(), AppError>>,
) -> impl IntoView {
    let pages = use_next_pages(first.next_cursor, move |before| async move {
        fetch_reviews(list, Some(before)).await.map(|page| (page.reviews, page.next_cursor))
    });
    if first.reviews.is_empty() {
        let (message, hint) = match list {
            ReviewList::Recent => (t::NO_RECENT, t::NO_RECENT_HINT),
            ReviewList::Mine => (t::NO_MINE, t::NO_MINE_HINT),
        };
        return view! { <EmptyState test_id="no-reviews" message hint /> }.into_any();
    }
    view! {
        <ul class="review-list" data-testid="review-list">
            {first.reviews.into_iter().map(|entry| view! {
                <ReviewCard review=entry.review course=entry.course remove />
            }).collect_view()}
            <For each=move || pages.items.get() key=|entry| entry.review.id let:entry>
                <ReviewCard review=entry.review course=entry.course remove />
            </For>
        </ul>
        <p class="form-error" role="alert">{move || pages.error()}</p>
        <MoreButton cursor=pages.cursor more=pages.more label=t::MORE />
    }
    .into_any()
}

/// The reviewed courses a search found, most reviewed first, with 더 보기.
#[component]
fn SearchResults(first: ReviewedCoursePage, query: String) -> impl IntoView {
    let pages = use_next_pages(first.next_offset, move |offset| {
        let query = query.clone();
        async move {
            search_reviewed_courses(query, Some(offset)).await.map(|page| (page.courses, page.next_offset))
        }
    });
    if first.courses.is_empty() {
        return view! { <p class="card empty-state" data-testid="no-reviewed-courses">{t::NO_RESULTS}</p> }
            .into_any();
    }
    let first_count = first.courses.len();
    let shown = move || first_count + pages.items.with(Vec::len);
    view! {
        <p class="muted small" role="status">{move || fill(t::RESULT_COUNT, shown())}</p>
        <ul class="card board-list" data-testid="reviewed-courses">
            {first.courses.into_iter().map(|course| view! { <ReviewedCourseItem course /> }).collect_view()}
            <For each=move || pages.items.get() key=|course| (course.course.name.clone(), course.course.professor.clone()) let:course>
                <ReviewedCourseItem course />
            </For>
        </ul>
        <p class="form-error" role="alert">{move || pages.error()}</p>
        <MoreButton cursor=pages.cursor more=pages.more label=t::MORE />
    }
    .into_any()
}

/// A reviewed course: its name, professor, average and number of reviews, linked to its page.
#[component]
fn ReviewedCourseItem(course: ReviewedCourse) -> impl IntoView {
    let summary = format!("★ {} · {}", course.rating.label(), fill(t::REVIEW_COUNT, course.rating.count));
    let text = view! {
        <span class="board-name">{course.course.name.clone()}</span>
        <span class="board-description">{format!("{} · {summary}", course.course.professor)}</span>
    };
    match course.course.course_id {
        Some(id) => view! { <li><a href=format!("/courses/{id}")>{text}</a></li> }.into_any(),
        None => view! { <li><span class="unlinked">{text}<span class="muted small">{t::NOT_IN_CATALOGUE}</span></span></li> }.into_any(),
    }
}
