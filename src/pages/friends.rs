//! The 친구 tab: a friend request by username, then four lists with their counts: 받은 요청 (accept,
//! decline), 보낸 요청 (cancel), 친구 (their timetable, remove, block) and 차단한 사용자 (unblock, and a
//! block by username).
//!
//! The two forms post straight to their server functions and work before hydration; the list buttons need
//! the app, and ask first before anything that cannot be taken back by the same student alone.

use leptos::form::ActionForm;
use leptos::html;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::friends::{
    accept_friend_request, block_student, cancel_friend_request, decline_friend_request, list_friends,
    remove_friend, unblock_student, BlockStudent, SendFriendRequest,
};
use crate::components::confirmed;
use crate::components::loaded::Loaded;
use crate::components::require_login::RequireLogin;
use crate::error::AppError;
use crate::model::friends::{FriendsOverview, Person};
use crate::text::{fill, friends as t};

/// A change made by a list button, one server call each, naming the other student by username.
#[derive(Debug, Clone)]
enum Change {
    Accept(String),
    Decline(String),
    Cancel(String),
    Remove(String),
    Block(String),
    Unblock(String),
}

impl Change {
    async fn run(self) -> Result<(), AppError> {
        match self {
            Change::Accept(username) => accept_friend_request(username).await,
            Change::Decline(username) => decline_friend_request(username).await,
            Change::Cancel(username) => cancel_friend_request(username).await,
            Change::Remove(username) => remove_friend(username).await,
            Change::Block(username) => block_student(username).await,
            Change::Unblock(username) => unblock_student(username).await,
        }
    }
}

type ChangeAction = Action<Change, Result<(), AppError>>;

#[component]
pub fn FriendsPage() -> impl IntoView {
    let send = ServerAction::<SendFriendRequest>::new();
    let block = ServerAction::<BlockStudent>::new();
    let change: ChangeAction = Action::new(|change: &Change| change.clone().run());
    let lists = Resource::new(
        move || (send.version().get(), block.version().get(), change.version().get()),
        |_| list_friends(),
    );
    // A refused change is shown here; the lists are fetched again either way, since a refusal usually
    // means the other student changed something first (cancelled, accepted, removed).
    let notice = move || change.value().get().and_then(Result::err).map(|error| error.to_string());

    view! {
        <Title text=t::TITLE />
        <RequireLogin let:_me>
            <header class="page-header">
                <h1>{t::TITLE}</h1>
            </header>
            <RequestForm action=send />
            <p class="form-error" role="alert" data-testid="friends-notice">{notice}</p>
            <Loaded resource=lists let:lists>
                <Lists lists change />
            </Loaded>
            <BlockForm action=block />
        </RequireLogin>
    }
}

/// 친구 신청 by username; the answer says whether it was sent or, the other having asked first, made the
/// two friends at once.
#[component]
fn RequestForm(action: ServerAction<SendFriendRequest>) -> impl IntoView {
    let form = NodeRef::<html::Form>::new();
    Effect::new(move || {
        if let (Some(Ok(_)), Some(form)) = (action.value().get(), form.get()) {
            form.reset();
        }
    });
    let sent = move || action.value().get().and_then(Result::ok).map(|outcome| outcome.message());
    let error = move || action.value().get().and_then(Result::err).map(|error| error.to_string());
    view! {
        <section class="card friend-request" aria-label=t::ADD_TITLE>
            <ActionForm action node_ref=form attr:class="inline-form">
                <label class="visually-hidden" for="friend-username">{t::USERNAME}</label>
                <input
                    id="friend-username"
                    name="username"
                    placeholder=t::USERNAME_PLACEHOLDER
                    autocomplete="off"
                    autocapitalize="none"
                    spellcheck="false"
                    required
                />
                <button type="submit" class="button primary small" disabled=move || action.pending().get()>
                    {t::SEND}
                </button>
            </ActionForm>
            <p class="form-note" role="status" data-testid="request-sent">{sent}</p>
            <p class="form-error" role="alert">{error}</p>
        </section>
    }
}

#[component]
fn Lists(lists: FriendsOverview, change: ChangeAction) -> impl IntoView {
    let FriendsOverview { friends, incoming, outgoing, blocked } = lists;
    view! {
        <Section title=t::INCOMING testid="incoming" count=incoming.len() empty=t::NO_INCOMING>
            {incoming.into_iter().map(|person| {
                let (accept, decline) = (person.username.clone(), person.username.clone());
                let question = fill(t::CONFIRM_DECLINE, &person.nickname);
                view! {
                    <PersonItem person>
                        <button class="chip primary" on:click=move |_| { change.dispatch(Change::Accept(accept.clone())); }>
                            {t::ACCEPT}
                        </button>
                        <button
                            class="chip"
                            on:click=move |_| { if confirmed(&question) { change.dispatch(Change::Decline(decline.clone())); } }
                        >
                            {t::DECLINE}
                        </button>
                    </PersonItem>
                }
            }).collect_view()}
        </Section>
        <Section title=t::OUTGOING testid="outgoing" count=outgoing.len() empty=t::NO_OUTGOING>
            {outgoing.into_iter().map(|person| {
                let username = person.username.clone();
                let question = fill(t::CONFIRM_CANCEL, &person.nickname);
                view! {
                    <PersonItem person>
                        <button
                            class="chip"
                            on:click=move |_| { if confirmed(&question) { change.dispatch(Change::Cancel(username.clone())); } }
                        >
                            {t::CANCEL}
                        </button>
                    </PersonItem>
                }
            }).collect_view()}
        </Section>
        <Section title=t::FRIENDS testid="friends" count=friends.len() empty=t::NO_FRIENDS>
            {friends.into_iter().map(|person| {
                let timetable = format!("/users/{}/timetable", person.username);
                let message = format!("/messages/new?friend={}", person.username);
                let (remove, block_friend) = (person.username.clone(), person.username.clone());
                let remove_question = fill(t::CONFIRM_REMOVE, &person.nickname);
                let block_question = fill(t::CONFIRM_BLOCK, &person.nickname);
                view! {
                    <PersonItem person>
                        <a href=timetable class="chip">{t::TIMETABLE}</a>
                        <a href=message class="chip">{crate::text::messages::SEND_MESSAGE_SHORT}</a>
                        <button
                            class="chip"
                            on:click=move |_| { if confirmed(&remove_question) { change.dispatch(Change::Remove(remove.clone())); } }
                        >
                            {t::REMOVE}
                        </button>
                        <button
                            class="chip danger"
                            on:click=move |_| { if confirmed(&block_question) { change.dispatch(Change::Block(block_friend.clone())); } }
                        >
                            {t::BLOCK}
                        </button>
                    </PersonItem>
                }
            }).collect_view()}
        </Section>
        <Section title=t::BLOCKED testid="blocked" count=blocked.len() empty=t::NO_BLOCKED>
            {blocked.into_iter().map(|person| {
                let username = person.username.clone();
                view! {
                    <PersonItem person>
                        <button class="chip" on:click=move |_| { change.dispatch(Change::Unblock(username.clone())); }>
                            {t::UNBLOCK}
                        </button>
                    </PersonItem>
                }
            }).collect_view()}
        </Section>
    }
}

/// One list with its heading, its count and its empty state.
#[component]
fn Section(
    title: &'static str,
    /// The list's test id, for end-to-end tests.
    testid: &'static str,
    count: usize,
    empty: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="card friend-section" aria-label=title data-testid=testid>
            <h2 class="friend-section-title">
                {title}
                <span class="count-badge" data-testid="count">{count}</span>
            </h2>
            {(count == 0).then(|| view! { <p class="muted empty-list">{empty}</p> })}
            <ul class="person-list">{children()}</ul>
        </section>
    }
}

/// A student in one of the lists, with the list's buttons.
#[component]
fn PersonItem(person: Person, children: Children) -> impl IntoView {
    view! {
        <li class="person" data-testid="person">
            <p class="person-name">
                <strong>{person.nickname}</strong>
                <span class="muted small">{format!("@{}", person.username)}</span>
            </p>
            <div class="person-actions">{children()}</div>
        </li>
    }
}

/// Blocking someone who is not in the lists: by username, asked first.
#[component]
fn BlockForm(action: ServerAction<BlockStudent>) -> impl IntoView {
    let form = NodeRef::<html::Form>::new();
    Effect::new(move || {
        if let (Some(Ok(())), Some(form)) = (action.value().get(), form.get()) {
            form.reset();
        }
    });
    let error = move || action.value().get().and_then(Result::err).map(|error| error.to_string());
    view! {
        <details class="card block-form">
            <summary>{t::BLOCK_BY_USERNAME}</summary>
            <ActionForm action node_ref=form attr:class="inline-form">
                <label class="visually-hidden" for="block-username">{t::BLOCK_USERNAME}</label>
                <input
                    id="block-username"
                    name="username"
                    placeholder=t::BLOCK_USERNAME
                    autocomplete="off"
                    autocapitalize="none"
                    spellcheck="false"
                    required
                />
                <button
                    type="submit"
                    class="button small danger"
                    disabled=move || action.pending().get()
                    on:click=|ev| {
                        if !confirmed(t::CONFIRM_BLOCK_USERNAME) {
                            ev.prevent_default();
                        }
                    }
                >
                    {t::BLOCK}
                </button>
            </ActionForm>
            <p class="form-error" role="alert">{error}</p>
        </details>
    }
}
