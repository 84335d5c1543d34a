//! 내 정보: the student's profile, log-out, the account settings (nickname, password, logging out
//! everywhere, deleting the account) and this device's theme.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::account::{nickname_rule, ChangeNickname, ChangePassword, SetTheme};
use crate::components::confirmed;
use crate::components::field::Field;
use crate::components::require_login::RequireLogin;
use crate::components::segmented::Segmented;
use crate::error::AppError;
use crate::model::account::admission_label;
use crate::model::codes::Pick;
use crate::model::community::ListKind;
use crate::model::theme::Theme;
use crate::model::time::KstDate;
use crate::session::use_session;
use crate::text::{self, auth, community, profile as t};

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
            // One landmark for both cards of links: two navigations without names would be told apart by none.
            <nav aria-label=t::MY_LINKS>
                <div class="card link-list">
                    {ListKind::PERSONAL.iter().map(|kind| view! { <a href=format!("/lists/{kind}")>{kind.title()}</a> }).collect_view()}
                    {me.is_admin.then(|| view! { <a href="/admin/reports">{community::MODERATION_TITLE}</a> })}
                </div>
                <div class="card link-list">
                    <a href=format!("/users/{}/timetable", me.username)>{t::MY_TIMETABLE_PAGE}</a>
                    <a href="/gpa">{crate::text::gpa::TITLE}</a>
                </div>
            </nav>
            <ActionForm action=session.log_out attr:class="logout-form">
                <button type="submit" class="button block">{auth::LOGOUT_BUTTON}</button>
            </ActionForm>
            <ThemeChoice />
            <AccountSettings />
        </RequireLogin>
    }
}

/// The settings forms. Each posts to its server function, so it also works before hydration.
#[component]
fn AccountSettings() -> impl IntoView {
    let session = use_session();
    let nickname = ServerAction::<ChangeNickname>::new();
    let password = ServerAction::<ChangePassword>::new();
    let shown = RwSignal::new(false);
    // Ending the login goes through the session's actions, so every page learns it at once.
    let (everywhere, delete) = (session.log_out_everywhere, session.delete_account);
    // A new nickname shows everywhere at once.
    Effect::new(move || {
        if let Some(Ok(())) = nickname.value().get() {
            session.user.refetch();
        }
    });
    // The rule says the configured cooldown, and the date when a change is still ahead.
    let rule = Resource::new(move || nickname.version().get(), |_| nickname_rule());
    let rule_text = move || {
        rule.get().and_then(Result::ok).map(|rule| {
            let cooldown = text::fill(t::NICKNAME_RULE, rule.cooldown_days);
            match rule.changeable_from {
                Some(from) => {
                    format!("{cooldown} {}", text::fill(t::NICKNAME_NEXT_CHANGE, KstDate::from_unix(from)))
                }
                None => cooldown,
            }
        })
    };
    view! {
        <section class="card settings" aria-label=t::SETTINGS>
            <h2>{t::SETTINGS}</h2>
            <details>
                <summary>{t::CHANGE_NICKNAME}</summary>
                <ActionForm action=nickname attr:class="form">
                    <Field name="nickname" label=t::NEW_NICKNAME max_length=10 error=error_of(nickname.value()) />
                    <Suspense fallback=|| ()>
                        <p class="hint" data-testid="nickname-rule">{rule_text}</p>
                    </Suspense>
                    <p class="form-error" role="alert" data-testid="nickname-error">{message_of(nickname.value())}</p>
                    <p class="form-success" role="status">{done(nickname.value(), t::NICKNAME_CHANGED)}</p>
                    <button type="submit" class="button primary block">{t::SAVE}</button>
                </ActionForm>
            </details>
            <details>
                <summary>{t::CHANGE_PASSWORD}</summary>
                <ActionForm action=password attr:class="form">
                    <Field name="current_password" label=t::CURRENT_PASSWORD kind="password" autocomplete="current-password" error=error_of(password.value()) />
                    <Field name="new_password" label=t::NEW_PASSWORD kind="password" autocomplete="new-password" hint=auth::PASSWORD_HINT reveal=shown toggle=true error=error_of(password.value()) />
                    <Field name="new_password_confirm" label=t::NEW_PASSWORD_CONFIRM kind="password" autocomplete="new-password" reveal=shown error=error_of(password.value()) />
                    <p class="form-error" role="alert">{message_of(password.value())}</p>
                    <p class="form-success" role="status">{done(password.value(), t::PASSWORD_CHANGED)}</p>
                    <button type="submit" class="button primary block">{t::SAVE}</button>
                </ActionForm>
            </details>
            <ActionForm
                action=everywhere
                attr:class="settings-row"
                on:submit=|ev| if !confirmed(t::CONFIRM_LOG_OUT_EVERYWHERE) { ev.prevent_default(); }
            >
                <button type="submit" class="button block">{t::LOG_OUT_EVERYWHERE}</button>
            </ActionForm>
            <details>
                <summary class="danger">{t::DELETE_ACCOUNT}</summary>
                <p class="muted small">{t::DELETE_NOTICE}</p>
                <ActionForm
                    action=delete
                    attr:class="form"
                    on:submit=|ev| if !confirmed(t::CONFIRM_DELETE_ACCOUNT) { ev.prevent_default(); }
                >
                    <Field name="password" label=auth::PASSWORD kind="password" autocomplete="current-password" error=error_of(delete.value()) />
                    <p class="form-error" role="alert">{message_of(delete.value())}</p>
                    <button type="submit" class="button block danger">{t::DELETE_ACCOUNT}</button>
                </ActionForm>
            </details>
        </section>
    }
}

/// 화면 테마 of this device. Before hydration the form posts and the page comes back in the chosen theme;
/// once live, a tap applies it at once and the cookie is written in the background.
#[component]
fn ThemeChoice() -> impl IntoView {
    let choose = ServerAction::<SetTheme>::new();
    let chosen = RwSignal::new(current_theme());
    view! {
        <section class="card settings" aria-labelledby="theme-title">
            <h2 id="theme-title">{t::THEME}</h2>
            <ActionForm action=choose attr:class="form">
                <fieldset class="theme-choice">
                    <legend class="visually-hidden">{t::THEME}</legend>
                    <Segmented
                        name="theme"
                        chosen=chosen
                        label=Theme::label
                        on_choose=Callback::new(move |theme| {
                            chosen.set(theme);
                            show_theme(theme);
                            choose.dispatch(SetTheme { theme: Pick::Known(theme) });
                        })
                    />
                </fieldset>
                <p class="hint">{t::THEME_NOTE}</p>
                <p class="form-error" role="alert">{message_of(choose.value())}</p>
                // Only a page that is not live yet needs it: a live one applies a tap at once.
                <button type="submit" class="button block" hidden=crate::hydration::hydrated>{t::APPLY}</button>
            </ActionForm>
        </section>
    }
}

/// The theme this device has now: the cookie the server read, or in the browser what the page shows.
fn current_theme() -> Theme {
    #[cfg(feature = "ssr")]
    {
        crate::server::http::requested_theme()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|root| root.get_attribute("data-theme"))
            .and_then(|code| code.parse::<Theme>().ok())
            .unwrap_or(Theme::System)
    }
}

/// Shows `theme` at once: the stylesheet follows `<html data-theme>`.
fn show_theme(theme: Theme) {
    let Some(root) = document().document_element() else { return };
    let _ = match theme.attribute() {
        Some(attribute) => root.set_attribute("data-theme", attribute),
        None => root.remove_attribute("data-theme"),
    };
}

/// The outcome of one settings form, as a server action reports it.
type Outcome = Option<Result<(), AppError>>;

fn error_of(value: impl Get<Value = Outcome> + Send + Sync + 'static) -> Signal<Option<AppError>> {
    Signal::derive(move || value.get().and_then(Result::err))
}

/// A message that belongs to no field (a cooldown, a throttle); field errors show under their field.
fn message_of(value: impl Get<Value = Outcome> + Send + Sync + 'static) -> impl Fn() -> Option<String> {
    move || match value.get() {
        Some(Err(error)) if !matches!(error, AppError::Invalid { .. }) => Some(error.to_string()),
        _ => None,
    }
}

fn done(
    value: impl Get<Value = Outcome> + Send + Sync + 'static,
    text: &'static str,
) -> impl Fn() -> Option<&'static str> {
    move || matches!(value.get(), Some(Ok(()))).then_some(text)
}
