//! The 알림 screen: the student's notifications, newest first, unread ones marked, 모두 읽음, and "더 보기"
//! for older ones. Tapping one marks it read and follows its link. The list is read again when the live
//! stream reports a notification newer than the newest shown, so an open screen fills itself.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::notifications::{list_notifications, read_all_notifications, read_notification};
use crate::components::live::{background, use_live_notifications, BackgroundAlerts};
use crate::components::loaded::Loaded;
use crate::components::more::{use_next_pages, MoreButton};
use crate::components::relative_time::{now_seconds, relative_time};
use crate::components::require_login::RequireLogin;
use crate::components::status::EmptyState;
use crate::error::AppError;
use crate::model::notifications::{Notification, NotificationKind, NotificationPage};
use crate::text::{fill, notifications as t};

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let live = use_live_notifications();
    let read_all = Action::new(|_: &()| read_all_notifications());
    let read_one = Action::new(|id: &i64| read_notification(*id));
    let (newer, set_newer) = signal(0u32);
    let page = Resource::new(move || (read_all.version().get(), newer.get()), |_| list_notifications(None));
    // A notification newer than the newest shown arrived: read the list again.
    Effect::new(move || {
        let newest = live.0.with(|state| state.newest_id);
        let shown =
            page.get_untracked().and_then(Result::ok).map(|page| page.items.first().map_or(0, |n| n.id));
        if shown.is_some_and(|shown| newest > shown) {
            set_newer.update(|n| *n += 1);
        }
    });
    let any_unread = move || live.0.with(|state| state.unread) > 0;

    view! {
        <Title text=t::TITLE />
        <RequireLogin let:_me>
            <header class="page-header notifications-header">
                <h1>{t::TITLE}</h1>
                <a href="/messages" class="button small" data-testid="open-inbox">{crate::text::messages::OPEN_INBOX}</a>
                <button
                    type="button"
                    class="button small"
                    data-testid="read-all"
                    disabled=move || read_all.pending().get()
                    hidden=move || !any_unread()
                    on:click=move |_| {
                        read_all.dispatch(());
                    }
                >
                    {t::MARK_ALL_READ}
                </button>
            </header>
            <BackgroundOffer />
            <Loaded resource=page let:first>
                <NotificationFeed first read_one />
            </Loaded>
        </RequireLogin>
    }
}

/// Offers system notifications while the app is in the background, where the browser can show them and
/// the student has not answered yet (known only once the page is live).
#[component]
fn BackgroundOffer() -> impl IntoView {
    let alerts = RwSignal::new(BackgroundAlerts::Unavailable);
    Effect::new(move || alerts.set(background::state()));
    move || {
        (alerts.get() == BackgroundAlerts::Ask).then(|| {
            view! {
                <div class="card background-offer" data-testid="background-offer">
                    <p>{t::BACKGROUND_OFFER}</p>
                    <button
                        type="button"
                        class="button small"
                        on:click=move |_| {
                            leptos::task::spawn_local(async move { alerts.set(background::ask().await) });
                        }
                    >
                        {t::BACKGROUND_TURN_ON}
                    </button>
                </div>
            }
        })
    }
}

/// The first page, the pages fetched after it, and "더 보기".
#[component]
fn NotificationFeed(first: NotificationPage, read_one: Action<i64, Result<(), AppError>>) -> impl IntoView {
    let pages = use_next_pages(first.next_cursor, |before| async move {
        list_notifications(Some(before)).await.map(|page| (page.items, page.next_cursor))
    });
    if first.items.is_empty() {
        return view! { <EmptyState test_id="no-notifications" message=t::EMPTY hint=t::EMPTY_HINT /> }
            .into_any();
    }
    view! {
        <ul class="card notification-list" data-testid="notification-list">
            {first.items.into_iter().map(|item| view! { <Item item read_one /> }).collect_view()}
            <For each=move || pages.items.get() key=|item| item.id let:item>
                <Item item read_one />
            </For>
        </ul>
        <p class="form-error" role="alert">{move || pages.error()}</p>
        <MoreButton cursor=pages.cursor more=pages.more label=t::MORE />
    }
    .into_any()
}

/// One notification: what happened, the comment's beginning, and where and when.
#[component]
fn Item(item: Notification, read_one: Action<i64, Result<(), AppError>>) -> impl IntoView {
    let now = now_seconds();
    let what = match (item.kind, &item.actor) {
        (NotificationKind::Comment, _) => t::COMMENT.to_owned(),
        (NotificationKind::Reply, _) => t::REPLY.to_owned(),
        (NotificationKind::Hot, _) => t::HOT.to_owned(),
        (NotificationKind::FriendRequest, actor) => fill(t::FRIEND_REQUEST, label(actor)),
        (NotificationKind::FriendAccepted, actor) => fill(t::FRIEND_ACCEPTED, label(actor)),
        (NotificationKind::Message, actor) => fill(t::MESSAGE, label(actor)),
    };
    let excerpt = item.excerpt.clone().map(|excerpt| match &item.actor {
        Some(actor) => format!("{actor}: {excerpt}"),
        None => excerpt,
    });
    let about_post =
        matches!(item.kind, NotificationKind::Comment | NotificationKind::Reply | NotificationKind::Hot);
    let place = match &item.post {
        Some(post) => Some(format!("{} · {}", post.board_name, post.title)),
        None if about_post => Some(t::POST_GONE.to_owned()),
        None => None,
    };
    let (read, set_read) = signal(item.read);
    let class = move || if read.get() { "notification-item" } else { "notification-item unread" };
    let id = item.id;
    let body = view! {
        <p class="notification-what">
            {move || (!read.get()).then(|| view! { <span class="visually-hidden">{t::UNREAD}</span> })}
            {what}
        </p>
        {excerpt.map(|excerpt| view! { <p class="notification-excerpt">{excerpt}</p> })}
        <p class="notification-meta">
            {place.map(|place| view! { <span>{place}" · "</span> })}
            <span>{relative_time(item.created_at, now)}</span>
        </p>
    };
    let body = match item.href() {
        Some(href) => view! {
            <a href=href on:click=move |_| {
                if !read.get_untracked() {
                    set_read.set(true);
                    read_one.dispatch(id);
                }
            }>
                {body}
            </a>
        }
        .into_any(),
        None => view! { <div class="notification-body">{body}</div> }.into_any(),
    };
    view! { <li class=class data-testid="notification">{body}</li> }
}

/// An actor's label as a sentence names them (a friend notification always has one).
fn label(actor: &Option<crate::model::community::AuthorLabel>) -> String {
    actor.as_ref().map(ToString::to_string).unwrap_or_default()
}
