//! 홈: a welcome for visitors; for students, their school's front page: the newest posts and HOT, a few of
//! each, fetched in one call and only as many as the screen shows.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::community::home_feed;
use crate::components::loaded::Loaded;
use crate::components::post_feed::PostItem;
use crate::components::status::ErrorNotice;
use crate::model::community::{HomeLists, PostSummary};
use crate::model::Me;
use crate::session::use_session;
use crate::text::{self, auth, community, home as t};

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
                    Ok(Some(me)) => view! { <StudentHome me feed /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    Ok(None) => view! { <Welcome /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StudentHome(me: Me, feed: Resource<Result<Option<HomeLists>, crate::error::AppError>>) -> impl IntoView {
    view! {
        <header class="page-header">
            <p class="school-name" data-testid="school-name">{me.school_name.clone()}</p>
            <h1 data-testid="greeting">{text::fill(t::GREETING, &me.nickname)}</h1>
        </header>
        <Loaded resource=feed let:feed>
            {feed.map(|feed| view! {
                <ListPreview title=community::RECENT href="/boards" posts=feed.recent />
                <ListPreview title=community::HOT_ON_HOME href="/lists/hot" posts=feed.hot />
            })}
        </Loaded>
    }
}

/// A few posts of a list under a heading, as the home screen of the app students know shows them.
#[component]
fn ListPreview(title: &'static str, href: &'static str, posts: Vec<PostSummary>) -> impl IntoView {
    view! {
        <section class="home-section">
            <header class="section-header">
                <h2>{title}</h2>
                <A href=href>{community::SEE_ALL}</A>
            </header>
            {if posts.is_empty() {
                view! { <p class="card empty-state">{community::EMPTY_LIST}</p> }.into_any()
            } else {
                view! {
                    <ul class="post-list">
                        {posts.into_iter().map(|post| view! { <PostItem post /> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
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
                <A href="/signup" attr:class="button primary">{t::START}</A>
                <A href="/login" attr:class="button">{auth::LOGIN_TITLE}</A>
            </div>
        </section>
    }
}
