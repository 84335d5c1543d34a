//! 홈: a welcome for visitors; for students, their school's front page (boards arrive with the community).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::app::use_session;
use crate::text::{self, auth, home as t};

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
                        <section class="card empty-state">
                            <p>{t::BOARDS_SOON}</p>
                        </section>
                    }
                    .into_any(),
                    _ => view! {
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
