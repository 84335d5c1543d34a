//! 홈: a welcome for visitors; for students, their school's front page as 에브리타임 has it: 즐겨찾는 게시판
//! (each pinned board's newest posts), 실시간 인기 글, HOT, BEST, 최근 강의평 and today's classes. One call
//! fetches it all, only as much of each list as the screen shows; each section has its heading, a link to
//! its whole list and an empty state that says what would be there.
//!
//! [`HomePage`] and the welcome are in the shell, so that a visitor's first load downloads no page chunk;
//! the student's home ([`StudentHome`]) is a chunk of its own (`pages::lazy::student_home`).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::home::home_feed;
use crate::components::loaded::Loaded;
use crate::components::post_feed::PostItem;
use crate::components::relative_time::{now_seconds, relative_time};
use crate::components::side_column::{SidePosts, TodayItem};
use crate::components::status::ErrorNotice;
use crate::model::community::ListKind;
use crate::model::home::{HomeScreen, PinnedBoard};
use crate::model::reviews::ReviewEntry;
use crate::model::timetable::TodayClass;
use crate::model::Me;
use crate::pages::lazy;
use crate::session::use_session;
use crate::text::{self, app, auth, community, fill, home as t, timetable as tt};

#[component]
pub fn HomePage() -> impl IntoView {
    let session = use_session();
    // Created here, once, not inside the session's Suspense (which would make one per render pass).
    let feed = Resource::new(|| (), |_| home_feed());
    view! {
        <Title text="" />
        <Suspense fallback=|| view! { <p class="loading">{text::app::LOADING}</p> }>
            {move || Suspend::new(async move {
                match session.user.await {
                    Ok(Some(me)) => lazy::student_home(me, feed).await,
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    Ok(None) => view! { <Welcome /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The home's data: the sections of a student's home, none for a visitor.
pub type HomeFeed = Resource<Result<Option<HomeScreen>, crate::error::AppError>>;

#[component]
pub fn StudentHome(me: Me, feed: HomeFeed) -> impl IntoView {
    view! {
        <header class="page-header">
            <p class="school-name" data-testid="school-name">{me.school_name.clone()}</p>
            <h1 data-testid="greeting">{fill(t::GREETING, &me.nickname)}</h1>
        </header>
        <Loaded resource=feed let:feed>
            {feed.map(|home| view! {
                <div class="home-sections">
                    <Pinned boards=home.pinned />
                    <Section title=t::TRENDING href="/lists/hot" more=t::TRENDING_MORE testid="home-trending">
                        {if home.trending.is_empty() {
                            view! { <p class="side-empty">{t::TRENDING_EMPTY}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="post-list">
                                    {home.trending.into_iter().map(|post| view! { <PostItem post /> }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }}
                    </Section>
                    <SidePosts kind=ListKind::Hot title=community::HOT_ON_HOME posts=home.hot />
                    <SidePosts kind=ListKind::Best title=community::BEST_ON_HOME posts=home.best />
                    <Reviews reviews=home.reviews />
                    <Today today=home.today />
                </div>
            }.into_any())}
        </Loaded>
    }
}

/// A section of the home: its heading, a link to the whole list, and what it holds.
#[component]
fn Section(
    title: &'static str,
    href: &'static str,
    more: &'static str,
    testid: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="side-section home-section" aria-label=title data-testid=testid>
            <header class="section-header">
                <h2>{title}</h2>
                <a href=href>{more}</a>
            </header>
            {children()}
        </section>
    }
}

/// 즐겨찾는 게시판: each pinned board with its newest posts, in the order they were pinned.
#[component]
fn Pinned(boards: Vec<PinnedBoard>) -> impl IntoView {
    let now = now_seconds();
    view! {
        <Section title=t::PINNED href="/boards" more=t::ALL_BOARDS testid="home-pinned">
            {if boards.is_empty() {
                view! { <p class="side-empty">{t::NO_PINS}</p> }.into_any()
            } else {
                boards.into_iter().map(|board| view! {
                    <div class="pinned-board" data-testid="pinned-board">
                        <h3><a href=format!("/boards/{}", board.board_id)>{board.name}</a></h3>
                        {if board.posts.is_empty() {
                            view! { <p class="side-empty">{t::BOARD_EMPTY}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="side-posts">
                                    {board.posts.into_iter().map(|post| view! {
                                        <li>
                                            <a href=format!("/posts/{}", post.id)>
                                                <span class="side-post-title">{post.title}</span>
                                                <span class="pinned-time">{relative_time(post.created_at, now)}</span>
                                            </a>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }}
                    </div>
                }).collect_view().into_any()
            }}
        </Section>
    }
}

/// 최근 강의평: the course, its stars and the start of the review.
#[component]
fn Reviews(reviews: Vec<ReviewEntry>) -> impl IntoView {
    view! {
        <Section title=t::REVIEWS href="/reviews" more=t::REVIEWS_MORE testid="home-reviews">
            {if reviews.is_empty() {
                view! { <p class="side-empty">{t::REVIEWS_EMPTY}</p> }.into_any()
            } else {
                view! {
                    <ul class="home-reviews">
                        {reviews.into_iter().map(|entry| {
                            let stars = entry.review.content.stars.clamp(0, 5) as usize;
                            let course = format!("{} · {}", entry.course.name, entry.course.professor);
                            let href = entry.course.course_id.map_or_else(|| "/reviews".to_owned(), |id| format!("/courses/{id}"));
                            view! {
                                <li>
                                    <a href=href>
                                        <span class="home-review-course">{course}</span>
                                        <span class="stars" role="img" aria-label=fill(tt::STAR_COUNT, stars)>
                                            {"★".repeat(stars)}{"☆".repeat(5 - stars)}
                                        </span>
                                        <span class="home-review-body">{entry.review.content.body}</span>
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </Section>
    }
}

/// 오늘의 수업 of the primary timetable.
#[component]
fn Today(today: Option<Vec<TodayClass>>) -> impl IntoView {
    view! {
        <Section title=app::TODAY_CLASSES href="/timetable" more=t::TODAY_MORE testid="home-today">
            {match today {
                None => view! { <p class="side-empty">{app::NO_TIMETABLE}</p> }.into_any(),
                Some(classes) if classes.is_empty() => view! { <p class="side-empty">{app::NO_CLASSES_TODAY}</p> }.into_any(),
                Some(classes) => view! {
                    <ul class="today-list">
                        {classes.into_iter().map(|class| view! { <TodayItem class /> }).collect_view()}
                    </ul>
                }
                .into_any(),
            }}
        </Section>
    }
}

#[component]
fn Welcome() -> impl IntoView {
    view! {
        <section class="welcome">
            <div class="brand-mark" aria-hidden="true"></div>
            <h1>{text::app::NAME}</h1>
            <p class="tagline">{text::app::TAGLINE}</p>
            <p>{t::WELCOME_GUEST}</p>
            <div class="actions">
                <a href="/signup" class="button primary">{t::START}</a>
                <a href="/login" class="button">{auth::LOGIN_TITLE}</a>
            </div>
        </section>
    }
}
