//! 쪽지: the 쪽지함 (conversations, newest first, with their unread counts), a conversation (the newest at
//! the bottom, "이전 쪽지 보기" above, the composer under it) and the page that writes a first 쪽지.
//!
//! Both the 쪽지함 and an open conversation follow the live stream: when it reports a message newer than
//! the newest shown, the 쪽지함 reads its first page again and a conversation fetches what is newer. The
//! composers are forms that work before the bundle arrives, and keep their text when sending fails.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query};
use leptos_router::params::Params;

use crate::api::messages::{
    block_conversation, leave_conversation, list_conversations, newer_messages, open_conversation,
    SendMessage, StartConversation,
};
use crate::components::confirmed;
use crate::components::live::use_live_notifications;
use crate::components::loaded::Loaded;
use crate::components::more::{use_next_pages, MoreButton};
use crate::components::relative_time::{now_seconds, relative_time};
use crate::components::report_form::ReportForm;
use crate::components::require_login::RequireLogin;
use crate::components::status::EmptyState;
use crate::model::community::{excerpt, ReportTarget};
use crate::model::messages::{
    Conversation, ConversationOrigin, ConversationPage, ConversationSummary, Message, MESSAGE_MAX_CHARS,
};
use crate::model::notifications::badge_text;
use crate::pages::params::route_id;
use crate::text::{fill, messages as t};

/// The 쪽지함.
#[component]
pub fn MessagesPage() -> impl IntoView {
    let live = use_live_notifications();
    let (newer, set_newer) = signal(0u32);
    let page = Resource::new(move || newer.get(), |_| list_conversations(None));
    // A message newer than the newest listed arrived: read the first page again.
    Effect::new(move || {
        let newest = live.0.with(|state| state.newest_message_id);
        let shown =
            page.get_untracked().and_then(Result::ok).map(|page| page.items.first().map_or(0, |c| c.last.id));
        if shown.is_some_and(|shown| newest > shown) {
            set_newer.update(|n| *n += 1);
        }
    });
    view! {
        <Title text=t::TITLE />
        <RequireLogin let:_me>
            <header class="page-header"><h1>{t::TITLE}</h1></header>
            <Loaded resource=page let:first>
                <ConversationList first />
            </Loaded>
        </RequireLogin>
    }
}

#[component]
fn ConversationList(first: ConversationPage) -> impl IntoView {
    let pages = use_next_pages(first.next_cursor, |before| async move {
        list_conversations(Some(before)).await.map(|page| (page.items, page.next_cursor))
    });
    if first.items.is_empty() {
        return view! { <EmptyState test_id="no-conversations" message=t::EMPTY hint=t::EMPTY_HINT /> }
            .into_any();
    }
    view! {
        <ul class="card conversation-list" data-testid="conversation-list">
            {first.items.into_iter().map(|item| view! { <ConversationItem item /> }).collect_view()}
            <For each=move || pages.items.get() key=|item| item.id let:item>
                <ConversationItem item />
            </For>
        </ul>
        <p class="form-error" role="alert">{move || pages.error()}</p>
        <MoreButton cursor=pages.cursor more=pages.more label=t::MORE />
    }
    .into_any()
}

/// One conversation: who, where it started, the last message and the unread count.
#[component]
fn ConversationItem(item: ConversationSummary) -> impl IntoView {
    let last = match &item.last.body {
        Some(body) => excerpt(body),
        None => t::HIDDEN_MESSAGE.to_owned(),
    };
    let last = if item.last.mine { format!("{}: {last}", t::ME) } else { last };
    let unread = badge_text(item.unread).map(|count| {
        view! {
            <span class="count-badge" aria-hidden="true">{count}</span>
            <span class="visually-hidden">{fill(t::UNREAD_COUNT, item.unread)}</span>
        }
    });
    let class = if item.unread > 0 { "conversation-item unread" } else { "conversation-item" };
    view! {
        <li class=class data-testid="conversation">
            <a href=format!("/messages/{}", item.id)>
                <p class="conversation-with">
                    <strong>{item.with.to_string()}</strong>
                    {item.board_name.map(|board| view! { <span class="muted">{board}</span> })}
                    {unread}
                </p>
                <p class="conversation-last">{last}</p>
                <p class="notification-meta">{relative_time(item.last.created_at, now_seconds())}</p>
            </a>
        </li>
    }
}

/// One conversation.
#[component]
pub fn ConversationPage() -> impl IntoView {
    let id = route_id();
    let conversation = Resource::new(id, |id| open_conversation(id, None));
    view! {
        <Title text=t::TITLE />
        <RequireLogin let:_me>
            <a href="/messages" class="back-link">{t::TITLE}</a>
            <Loaded resource=conversation let:conversation>
                <ConversationView conversation />
            </Loaded>
        </RequireLogin>
    }
}

#[component]
fn ConversationView(conversation: Conversation) -> impl IntoView {
    let id = conversation.id;
    let live = use_live_notifications();
    let messages = RwSignal::new(conversation.messages.messages.clone());
    let older_cursor = RwSignal::new(conversation.messages.older_cursor);
    let blocked = RwSignal::new(conversation.blocked);
    let (error, set_error) = signal(None::<String>);

    let older = Action::new(move |before: &i64| open_conversation(id, Some(*before)));
    Effect::new(move || match older.value().get() {
        Some(Ok(page)) => {
            messages.update(|shown| {
                let mut page = page.messages.messages;
                page.append(shown);
                *shown = page;
            });
            older_cursor.set(page.messages.older_cursor);
        }
        Some(Err(e)) => set_error.set(Some(e.to_string())),
        None => {}
    });

    // What arrived after the newest shown, when the stream says something did.
    let newest_shown = move || messages.with(|shown| shown.last().map_or(0, |m| m.id));
    let catch_up = Action::new(move |after: &i64| newer_messages(id, *after));
    Effect::new(move || {
        let newest = live.0.with(|state| state.newest_message_id);
        if newest > newest_shown() && !catch_up.pending().get_untracked() {
            catch_up.dispatch(newest_shown());
        }
    });
    let append = move |arrived: Vec<Message>| {
        messages.update(|shown| {
            let newest = shown.last().map_or(0, |m| m.id);
            shown.extend(arrived.into_iter().filter(|m| m.id > newest));
        })
    };
    Effect::new(move || {
        if let Some(Ok(arrived)) = catch_up.value().get() {
            append(arrived);
        }
    });

    // The newest message is at the bottom: the page opens there, and follows what arrives.
    let newest = Memo::new(move |_| messages.with(|shown| shown.last().map(|m| m.id)));
    Effect::new(move || {
        newest.track();
        scroll_to_bottom();
    });

    let send = ServerAction::<SendMessage>::new();
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move || {
        if let Some(Ok(sent)) = send.value().get() {
            append(vec![sent]);
            if let Some(form) = form.get() {
                form.reset();
            }
        }
    });
    let send_error = move || send.value().get().and_then(Result::err).map(|e| e.to_string());

    let leave = Action::new(move |_: &()| leave_conversation(id));
    let navigate = use_navigate();
    Effect::new(move || match leave.value().get() {
        Some(Ok(())) => navigate("/messages", Default::default()),
        Some(Err(e)) => set_error.set(Some(e.to_string())),
        None => {}
    });
    let toggle_block = Action::new(move |on: &bool| {
        let on = *on;
        async move { block_conversation(id, on).await.map(|()| on) }
    });
    Effect::new(move || match toggle_block.value().get() {
        Some(Ok(on)) => blocked.set(on),
        Some(Err(e)) => set_error.set(Some(e.to_string())),
        None => {}
    });

    let origin = match (conversation.origin, &conversation.board_name) {
        (ConversationOrigin::Friend, _) => t::FRIEND_ORIGIN.to_owned(),
        (_, Some(board)) => fill(t::FROM_POST, board),
        (_, None) => fill(t::FROM_POST, ""),
    };
    let post_link = match (conversation.origin, conversation.post_id) {
        (ConversationOrigin::Friend, _) => None,
        (_, Some(post_id)) => {
            Some(view! { <a href=format!("/posts/{post_id}") class="chip">{t::GO_TO_POST}</a> }.into_any())
        }
        (_, None) => Some(view! { <span class="muted small">{t::POST_GONE}</span> }.into_any()),
    };
    let now = now_seconds();
    view! {
        <header class="page-header conversation-header">
            <h1 data-testid="conversation-with">{conversation.with.to_string()}</h1>
            <div class="conversation-actions">
                <button
                    type="button"
                    class="chip"
                    data-testid="block-conversation"
                    on:click=move |_| {
                        let on = !blocked.get_untracked();
                        if !on || confirmed(t::CONFIRM_BLOCK) {
                            toggle_block.dispatch(on);
                        }
                    }
                >
                    {move || if blocked.get() { t::UNBLOCK } else { t::BLOCK }}
                </button>
                <button
                    type="button"
                    class="chip danger"
                    data-testid="leave-conversation"
                    on:click=move |_| {
                        if confirmed(t::CONFIRM_LEAVE) {
                            leave.dispatch(());
                        }
                    }
                >
                    {t::LEAVE}
                </button>
            </div>
        </header>
        <p class="card conversation-origin" data-testid="conversation-origin">
            <span>{origin}</span>
            {post_link}
        </p>
        <p class="form-error" role="alert">{move || error.get()}</p>
        <MoreButton cursor=older_cursor more=older label=t::OLDER />
        <ol class="message-list" data-testid="message-list" aria-live="polite">
            <For each=move || messages.get() key=|message| message.id let:message>
                <MessageBubble message now />
            </For>
        </ol>
        {move || messages.with(Vec::is_empty).then(|| view! { <p class="muted empty-comments">{t::NO_MESSAGES}</p> })}
        {move || blocked.get().then(|| view! { <p class="card hidden-notice" role="note">{t::BLOCKED_NOTICE}</p> })}
        <ActionForm action=send node_ref=form attr:class="comment-box message-composer">
            <input type="hidden" name="conversation_id" value=id.to_string() />
            <label class="visually-hidden" for="message-body">{t::COMPOSER_LABEL}</label>
            <textarea
                id="message-body"
                name="body"
                rows="1"
                maxlength=MESSAGE_MAX_CHARS.to_string()
                placeholder=t::COMPOSER_PLACEHOLDER
                required
            ></textarea>
            <button type="submit" class="button primary small" disabled=move || send.pending().get()>
                {move || if send.pending().get() { t::SENDING } else { t::SEND }}
            </button>
        </ActionForm>
        <p class="form-error comment-error" role="alert" data-testid="send-error">{send_error}</p>
    }
}

/// Scrolls the page to its end (in the browser; effects never run on the server).
fn scroll_to_bottom() {
    let height = document().document_element().map_or(0, |root| root.scroll_height());
    window().scroll_to_with_x_and_y(0.0, f64::from(height));
}

/// One message: mine on the right, theirs on the left with 신고.
#[component]
fn MessageBubble(message: Message, now: i64) -> impl IntoView {
    let class = if message.mine { "message mine" } else { "message theirs" };
    let hidden = message.body.is_none();
    let body = message.body.unwrap_or_else(|| t::HIDDEN_MESSAGE.to_owned());
    view! {
        <li class=class data-testid="message">
            <p class="message-body" class:muted=hidden>{body}</p>
            <div class="message-meta">
                <span class="muted">{relative_time(message.created_at, now)}</span>
                {(!message.mine && !hidden).then(|| view! { <ReportForm target=ReportTarget::Message id=message.id on_demand=true /> })}
            </div>
        </li>
    }
}

/// `?post=`, `?comment=` or `?friend=` of the page that writes a first 쪽지.
#[derive(Params, Debug, Clone, PartialEq, Default)]
struct NewMessageQuery {
    post: Option<i64>,
    comment: Option<i64>,
    friend: Option<String>,
}

/// Writes the first 쪽지 of a conversation to the author of a post or a comment, or to a friend; sending it
/// opens the conversation.
#[component]
pub fn NewMessagePage() -> impl IntoView {
    let query = use_query::<NewMessageQuery>();
    let target = move || query.read().as_ref().ok().cloned().unwrap_or_default();
    let start = ServerAction::<StartConversation>::new();
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(started)) = start.value().get() {
            navigate(&format!("/messages/{}", started.conversation_id), Default::default());
        }
    });
    let error = move || start.value().get().and_then(Result::err).map(|e| e.to_string());
    view! {
        <Title text=t::NEW_TITLE />
        <RequireLogin let:_me>
            <header class="page-header"><h1>{t::NEW_TITLE}</h1></header>
            <ActionForm action=start attr:class="card form message-start">
                {move || {
                    let target = target();
                    view! {
                        {target.post.map(|id| view! { <input type="hidden" name="post_id" value=id.to_string() /> })}
                        {target.comment.map(|id| view! { <input type="hidden" name="comment_id" value=id.to_string() /> })}
                        {target.friend.map(|name| view! { <input type="hidden" name="friend" value=name /> })}
                    }
                }}
                <label for="new-message-body">{t::COMPOSER_LABEL}</label>
                <textarea
                    id="new-message-body"
                    name="body"
                    rows="5"
                    maxlength=MESSAGE_MAX_CHARS.to_string()
                    placeholder=t::COMPOSER_PLACEHOLDER
                    required
                ></textarea>
                <p class="form-error" role="alert" data-testid="start-error">{error}</p>
                <button type="submit" class="button primary block" disabled=move || start.pending().get()>
                    {move || if start.pending().get() { t::SENDING } else { t::SEND }}
                </button>
            </ActionForm>
        </RequireLogin>
    }
}
