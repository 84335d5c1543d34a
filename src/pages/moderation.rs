//! 신고 검토: an admin's queue of reported and hidden content, with restore and remove, twenty at a time. It
//! shows what was written, never who wrote it.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::community::{moderate, moderation_queue};
use crate::components::more::{use_next_pages, MoreButton};
use crate::components::require_login::RequireLogin;
use crate::components::status::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::model::community::{ModerationAction, QueuePosition, ReportTarget, ReportedItem, ReviewQueuePage};
use crate::text::community as t;

#[component]
pub fn ModerationPage() -> impl IntoView {
    let decide = Action::new(|(item, action): &(ReportedItem, ModerationAction)| {
        let (target, id, action) = (item.target, item.id, *action);
        async move { moderate(target.into(), id, action.into()).await }
    });
    // Every decision starts the queue again from its first page.
    let queue = Resource::new(move || decide.version().get(), |_| moderation_queue(None));
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
                        Ok(page) if page.items.is_empty() => view! { <p class="card empty-state">{t::MODERATION_EMPTY}</p> }.into_any(),
                        Ok(page) => view! { <ReviewQueue first=page decide /> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireLogin>
    }
}

/// The queue's first page, and the pages after it as the admin asks for them.
#[component]
fn ReviewQueue(
    first: ReviewQueuePage,
    decide: Action<(ReportedItem, ModerationAction), Result<(), AppError>>,
) -> impl IntoView {
    let pages = use_next_pages(first.next, |after: QueuePosition| async move {
        moderation_queue(Some(after)).await.map(|page| (page.items, page.next))
    });
    let row = move |item: ReportedItem| view! { <QueueItem item decide /> };
    view! {
        <ul class="post-list moderation" data-testid="review-queue">
            {first.items.into_iter().map(row).collect_view()}
            <For each=move || pages.items.get() key=|item| (item.target, item.id) let:item>
                <QueueItem item decide />
            </For>
        </ul>
        <p class="form-error" role="alert">{move || pages.error()}</p>
        <MoreButton cursor=pages.cursor more=pages.more label=t::MORE />
    }
}

#[component]
fn QueueItem(
    item: ReportedItem,
    decide: Action<(ReportedItem, ModerationAction), Result<(), AppError>>,
) -> impl IntoView {
    let (restore, remove) = (item.clone(), item.clone());
    let summary = view! {
        <p class="post-title">
            {item.is_hidden.then(|| view! { <span class="badge">{t::HIDDEN}</span> })}
            {(item.target == ReportTarget::Message).then(|| view! { <span class="badge">{t::MESSAGE}</span> })}
            {item.title.clone().unwrap_or_else(|| item.excerpt.clone())}
        </p>
        <p class="post-meta">{format!("{} {}", t::REPORT, item.report_count)}</p>
    };
    // A 쪽지 has no page an admin may open: its text is all they see.
    let summary = match item.post_id {
        Some(post_id) => view! { <a href=format!("/posts/{post_id}")>{summary}</a> }.into_any(),
        None => view! { <div class="queue-item-text">{summary}</div> }.into_any(),
    };
    view! {
        <li class="post-item">
            {summary}
            <p class="post-actions">
                <button class="chip" on:click=move |_| { decide.dispatch((restore.clone(), ModerationAction::Restore)); }>{t::RESTORE}</button>
                <button class="chip danger" on:click=move |_| { decide.dispatch((remove.clone(), ModerationAction::Remove)); }>{t::REMOVE}</button>
            </p>
        </li>
    }
}
