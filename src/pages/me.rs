//! 내 정보: the student's profile and log-out.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_session;
use crate::components::require_login::RequireLogin;
use crate::model::account::admission_label;
use crate::model::community::VIRTUAL_BOARDS;
use crate::model::time::KstDate;
use crate::text::{auth, community, profile as t};
use leptos_router::components::A;

#[component]
pub fn MePage() -> impl IntoView {
    let session = use_session();
    view! {
        <Title text=t::TITLE />
        <RequireLogin let:me>
            <header class="page-header">
                <h1>{t::TITLE}</h1>
            </header>
            <section class="card profile">
                <p class="nickname" data-testid="profile-nickname">{me.nickname.clone()}</p>
                <p class="muted">{format!("{} · {}", me.username, me.school_short_name)}</p>
                <dl class="facts">
                    <dt>{t::SCHOOL}</dt>
                    <dd>{me.school_name.clone()}</dd>
                    <dt>{t::DEPARTMENT}</dt>
                    <dd>{me.department_name.clone()}</dd>
                    <dt>{t::ADMISSION}</dt>
                    <dd>{admission_label(me.admission_year)}</dd>
                    <dt>{t::JOINED}</dt>
                    <dd data-testid="joined-at">{KstDate::from_unix(me.joined_at).to_string()}</dd>
                </dl>
            </section>
            <nav class="card link-list">
                {VIRTUAL_BOARDS[2..].iter().map(|(key, title)| view! { <A href=format!("/lists/{key}")>{*title}</A> }).collect_view()}
                {me.is_admin.then(|| view! { <A href="/admin/reports">{community::MODERATION_TITLE}</A> })}
            </nav>
            <ActionForm action=session.log_out attr:class="logout-form">
                <button type="submit" class="button block">{auth::LOGOUT_BUTTON}</button>
            </ActionForm>
        </RequireLogin>
    }
}
