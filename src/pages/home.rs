//! 홈: a welcome for visitors; for students, their school's front page (boards arrive with the community).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::community::list_posts;
use crate::components::post_feed::PostItem;
use crate::components::status::{ErrorNotice, Loading};
use crate::model::community::ListKind;
use crate::session::use_session;
use crate::text::{self, auth, community, home as t};

/// A few posts of a list under a heading, as the home screen of the app students know shows them.
#[component]
fn ListPreview(title: &'static str, href: &'static str, kind: ListKind) -> impl IntoView {
    let posts = Resource::new(|| (), move |_| list_posts(kind.into(), None, None));
    view! {
        <section class="home-section">
            <header class="section-header">
                <h2>{title}</h2>
                <A href=href>{community::SEE_ALL}</A>
            </header>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match posts.await {
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        Ok(page) if page.posts.is_empty() => {
                            view! { <p class="card empty-state">{community::EMPTY_LIST}</p> }.into_any()
                        }
                        Ok(page) => view! {
                            <ul class="post-list">
                                {page.posts.into_iter().take(5).map(|post| view! { <PostItem post /> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let session = use_session();
    view! {
        <Title text="" />
        <Suspense fallback=|| view! { <p class="loading">{text::app::LOADING}</p> }>
            {move || Suspend::new(async move {
                match session.user.await {
                    Ok(Some(me)) => view! {
                        <header class="page-header">
                            <p class="school-name" data-testid="school-name">{me.school_name.clone()}</p>
                            <h1 data-testid="greeting">{text::fill(t::GREETING, &me.nickname)}</h1>
                        </header>
                        // Rendered only for a logged-in student, so a visitor's page asks for no lists.
                        <ListPreview title=community::RECENT href="/boards" kind=ListKind::Recent />
                        <ListPreview title=community::HOT_ON_HOME href="/lists/hot" kind=ListKind::Hot />
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    Ok(None) => view! {
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
                    .into_any(),
                }
            })}
        </Suspense>
    }
}
