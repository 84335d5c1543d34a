//! 신고 검토: an admin's queue of reported and hidden content, with restore and remove. It shows what was
//! written, never who wrote it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::community::{moderate, moderation_queue};
use crate::components::require_login::RequireLogin;
use crate::components::status::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::model::community::ReportedItem;
use crate::text::community as t;

#[component]
pub fn ModerationPage() -> impl IntoView {
    let decide = Action::new(|(item, remove): &(ReportedItem, bool)| {
        let (target, id, remove) = (item.target.key().to_owned(), item.id, *remove);
        async move { moderate(target, id, remove).await }
    });
    let queue = Resource::new(move || decide.version().get(), |_| moderation_queue());
    let outcome = move || decide.value().get().and_then(Result::err).map(|e: AppError| e.to_string());
    view! {
        <Title text=t::MODERATION_TITLE />
        <RequireLogin let:_me>
            <header class="page-header"><h1>{t::MODERATION_TITLE}</h1></header>
            <p class="form-error" role="alert">{outcome}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match queue.await {
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        Ok(items) if items.is_empty() => view! { <p class="card empty-state">{t::MODERATION_EMPTY}</p> }.into_any(),
                        Ok(items) => view! {
                            <ul class="post-list moderation">
                                {items.into_iter().map(|item| {
                                    let (restore, remove) = (item.clone(), item.clone());
                                    view! {
                                        <li class="post-item">
                                            <A href=format!("/posts/{}", item.post_id)>
                                                <p class="post-title">
                                                    {item.is_hidden.then(|| view! { <span class="badge">{t::HIDDEN}</span> })}
                                                    {item.title.clone().unwrap_or_else(|| item.excerpt.clone())}
                                                </p>
                                                <p class="post-meta">{format!("{} {}", t::REPORT, item.report_count)}</p>
                                            </A>
                                            <p class="post-actions">
                                                <button class="chip" on:click=move |_| { decide.dispatch((restore.clone(), false)); }>{t::RESTORE}</button>
                                                <button class="chip danger" on:click=move |_| { decide.dispatch((remove.clone(), true)); }>{t::REMOVE}</button>
                                            </p>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </RequireLogin>
    }
}
