//! A post and its thread: 공감, 스크랩 and 삭제 (공감 and 삭제 confirmed), comments with one level of replies,
//! and the comment box fixed at the bottom with its 익명 checkbox.
//!
//! Before the page hydrates (a slow phone's first visit), every act still works as a plain form: 스크랩 and
//! the comment box post to their server functions, which send the browser back here; 공감 and 삭제 open
//! their confirmation page (`pages::confirm`), which asks and posts. Once hydrated, the same buttons act in
//! the page and the browser's dialog asks. What only the hydrated page can do (대댓글, editing a comment,
//! a comment's 신고 form) is disabled until then, so that nothing looks tappable that is not.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::api::community::{
    delete_comment, delete_post, get_post, like_comment, like_post, EditComment, ScrapPost, WriteComment,
};
use crate::components::confirmed;
use crate::components::photos::PhotoStrip;
use crate::components::relative_time::{now_seconds, relative_time};
use crate::components::report_form::ReportForm;
use crate::components::require_login::StudentLoaded;
use crate::error::AppError;
use crate::hydration::hydrated;
use crate::model::community::{Anonymity, CommentView, PostDetail, ReportTarget, COMMENT_BODY_MAX};
use crate::pages::confirm::{ConfirmedAct, CONFIRM_COMMENT};
use crate::pages::params::route_id;
use crate::text::{community as t, fill, messages as mt};

#[component]
pub fn PostPage() -> impl IntoView {
    let thread = use_thread(route_id());
    view! {
        <StudentLoaded resource=thread.post let:post>
            <PostView post thread />
        </StudentLoaded>
    }
}

/// The page's data and everything done on it. Every change bumps `changes`, and the thread is fetched again;
/// a refusal shows as `notice` (also one that a plain form post brought back in the address).
#[derive(Clone, Copy)]
struct Thread {
    post: Resource<Result<PostDetail, AppError>>,
    notice: ReadSignal<Option<String>>,
    write_comment: ServerAction<WriteComment>,
    edit_comment: ServerAction<EditComment>,
    like_post: Action<i64, Result<(), AppError>>,
    like_comment: Action<i64, Result<(), AppError>>,
    scrap: ServerAction<ScrapPost>,
    remove_comment: Action<i64, Result<(), AppError>>,
    remove_post: Action<i64, Result<(), AppError>>,
    /// The comment a reply answers, while the box is answering one.
    reply_to: RwSignal<Option<ReplyTarget>>,
    /// The comment box's text field: emptied once a comment is posted, focused when 대댓글 is tapped.
    comment_input: NodeRef<leptos::html::Input>,
}

/// The comment a reply is being written to, as the box's indicator names it.
#[derive(Clone, Debug, PartialEq)]
struct ReplyTarget {
    id: i64,
    /// How the comment's author shows in the thread (익명3, a nickname, …): nothing the thread does not show.
    author: String,
}

fn use_thread(post_id: impl Fn() -> i64 + Send + Sync + 'static) -> Thread {
    let write_comment = ServerAction::<WriteComment>::new();
    let edit_comment = ServerAction::<EditComment>::new();
    let (changes, set_changes) = signal(0u32);
    let post = Resource::new(
        move || (post_id(), write_comment.version().get(), changes.get()),
        |(id, _, _)| get_post(id),
    );
    let scrap = ServerAction::<ScrapPost>::new();
    // A plain form post that was refused comes back with its error in the address, and the action made for
    // its server function starts with it (on the server and in the browser alike, so hydration agrees).
    let refused = scrap.value().get_untracked().and_then(Result::err).map(|error| error.to_string());
    let (notice, set_notice) = signal(refused);
    let thread = Thread {
        post,
        notice,
        write_comment,
        edit_comment,
        like_post: Action::new(|id: &i64| {
            let id = *id;
            async move { like_post(id, None).await.map(|_| ()) }
        }),
        like_comment: Action::new(|id: &i64| {
            let id = *id;
            async move { like_comment(id, None).await.map(|_| ()) }
        }),
        scrap,
        remove_comment: Action::new(|id: &i64| delete_comment(*id, None)),
        remove_post: Action::new(|id: &i64| delete_post(*id, None)),
        reply_to: RwSignal::new(None),
        comment_input: NodeRef::new(),
    };
    let report = move |result: Result<(), AppError>| match result {
        Ok(()) => {
            set_notice.set(None);
            set_changes.update(|n| *n += 1);
        }
        Err(error) => set_notice.set(Some(error.to_string())),
    };
    for action in [thread.like_post, thread.like_comment, thread.remove_comment] {
        Effect::new(move || {
            if let Some(result) = action.value().get() {
                report(result);
            }
        });
    }
    Effect::new(move || {
        if let Some(result) = thread.scrap.value().get() {
            report(result.map(|_| ()));
        }
    });
    Effect::new(move || {
        if let Some(result) = edit_comment.value().get() {
            report(result);
        }
    });
    // A posted comment empties the box, so that a second tap cannot post the same text again.
    Effect::new(move || {
        if let Some(Ok(_)) = write_comment.value().get() {
            thread.reply_to.set(None);
            if let Some(input) = thread.comment_input.get_untracked() {
                input.set_value("");
            }
        }
    });
    let navigate = use_navigate();
    Effect::new(move || match thread.remove_post.value().get() {
        Some(Ok(())) => navigate("/boards", Default::default()),
        Some(Err(error)) => set_notice.set(Some(error.to_string())),
        None => {}
    });
    thread
}

#[component]
fn PostView(post: PostDetail, thread: Thread) -> impl IntoView {
    // A post hidden by reports is frozen (the server refuses comments on it).
    let frozen = post.is_hidden;
    let (id, anonymity) = (post.id, post.board.anonymity);
    let comments = post.comments.clone();
    let (board_link, board_name) = (format!("/boards/{}", post.board.id), post.board.name.clone());
    view! {
        <Title text=post.title.clone() />
        <a href=board_link class="back-link">{board_name}</a>
        <PostBody post=post.clone() />
        <PostActions post thread />
        <p class="form-error" role="alert">{move || thread.notice.get()}</p>
        <section class="comments" aria-label=t::COMMENTS>
            {comments.is_empty().then(|| view! { <p class="muted empty-comments">{t::NO_COMMENTS}</p> })}
            {comments.into_iter().map(|comment| view! { <Comment comment post_id=id thread /> }).collect_view()}
        </section>
        {(!frozen).then(|| view! { <CommentBox post_id=id anonymity thread /> })}
    }
}

/// 공감, 스크랩, 수정, 신고 and 삭제 under a post, as the viewer may use them.
#[component]
fn PostActions(post: PostDetail, thread: Thread) -> impl IntoView {
    let id = post.id;
    let can_change = post.is_mine && !post.locked;
    // The author of a question that has answers keeps the post but not 수정/삭제: say why they are gone.
    let locked_note = (post.is_mine && post.locked).then(
        || view! { <p class="hint lock-note" role="note" data-testid="lock-note">{t::QUESTION_LOCKED}</p> },
    );
    let liked = post.liked_by_me;
    let like = view! {
        <button
            type="submit"
            class="chip like"
            class:liked=liked
            aria-pressed=if liked { "true" } else { "false" }
            data-testid="like-post"
            disabled=post.is_mine || liked
        >
            {format!("{} {}", t::LIKE, post.like_count)}
        </button>
    };
    let like = if post.is_mine || liked {
        like.into_any()
    } else {
        let act = move || {
            thread.like_post.dispatch(id);
        };
        view! { <ConfirmFirst act=ConfirmedAct::Like post=id question=t::CONFIRM_LIKE run=act>{like}</ConfirmFirst> }
            .into_any()
    };
    view! {
        <div class="post-actions">
            {like}
            {(!post.is_mine).then(|| {
                let on = !post.scrapped_by_me;
                // A plain form: before hydration it posts and the server sends the browser back here.
                view! {
                    <ActionForm action=thread.scrap attr:class="button-form">
                        <input type="hidden" name="post_id" value=id.to_string() />
                        <input type="hidden" name="scrapped" value=on.to_string() />
                        <button type="submit" class="chip">{if on { t::SCRAP } else { t::UNSCRAP }}</button>
                    </ActionForm>
                }
            })}
            {can_change.then(|| view! { <a href=format!("/posts/{id}/edit") class="chip">{t::EDIT}</a> })}
            {(!post.is_mine).then(|| view! {
                <a href=format!("/messages/new?post={id}") class="chip" data-testid="message-post-author">{mt::SEND_MESSAGE}</a>
            })}
            {(!post.is_mine).then(|| view! { <ReportForm target=ReportTarget::Post id /> })}
            {can_change.then(|| {
                let act = move || {
                    thread.remove_post.dispatch(id);
                };
                view! {
                    <ConfirmFirst act=ConfirmedAct::Delete post=id question=t::CONFIRM_DELETE run=act>
                        <button type="submit" class="chip danger">{t::DELETE}</button>
                    </ConfirmFirst>
                }
            })}
        </div>
        {locked_note}
    }
}

/// The comment box at the bottom: a comment, or a reply while one is chosen (named above the box, with 취소);
/// 익명 where the board leaves it to the student.
#[component]
fn CommentBox(post_id: i64, anonymity: Anonymity, thread: Thread) -> impl IntoView {
    let write = thread.write_comment;
    let reply_to = thread.reply_to;
    let error = move || write.value().get().and_then(Result::err).map(|e| e.to_string());
    let replying = move || reply_to.with(Option::is_some);
    view! {
        <ActionForm action=write attr:class="comment-box">
            <input type="hidden" name="post_id" value=post_id.to_string() />
            {move || reply_to.get().map(|target| view! {
                <input type="hidden" name="parent_id" value=target.id.to_string() />
                <p class="reply-bar" data-testid="reply-bar">
                    <span>{fill(t::REPLYING_TO, &target.author)}</span>
                    <button type="button" class="link" on:click=move |_| reply_to.set(None)>{t::CANCEL_REPLY}</button>
                </p>
            })}
            {(anonymity == Anonymity::Allowed).then(|| view! {
                <label class="check"><input type="checkbox" name="anonymous" checked />{t::ANONYMOUS_CHECK}</label>
            })}
            <label class="visually-hidden" for="comment-body">{t::COMMENT_PLACEHOLDER}</label>
            <input
                id="comment-body"
                name="body"
                node_ref=thread.comment_input
                maxlength=COMMENT_BODY_MAX.to_string()
                placeholder=move || if replying() { t::REPLY_PLACEHOLDER } else { t::COMMENT_PLACEHOLDER }
                required
            />
            <button type="submit" class="button primary small" disabled=move || write.pending().get()>{t::COMMENT_BUTTON}</button>
        </ActionForm>
        <p class="form-error comment-error" class:replying=replying role="alert">{error}</p>
    }
}

#[component]
fn PostBody(post: PostDetail) -> impl IntoView {
    let now = now_seconds();
    view! {
        {post.is_hidden.then(|| view! { <p class="card hidden-notice" role="note">{t::HIDDEN_NOTICE}</p> })}
        <article class="card post">
            <p class="post-author">
                <strong data-testid="post-author">{post.author.to_string()}</strong>
                <span class="muted">{relative_time(post.created_at, now)}</span>
            </p>
            <h1 class="post-heading">
                {post.is_question.then(|| view! { <span class="badge">{t::QUESTION}</span> })}
                {post.title}
            </h1>
            <p class="post-text">{post.body}</p>
            <PhotoStrip photos=post.images />
            {post.edited.then(|| view! { <p class="muted small">{t::EDITED}</p> })}
        </article>
    }
}

/// A button for an act that is confirmed first (공감, 삭제), given as `children` (a submit button). Before
/// the page hydrates it is a plain form that opens the act's confirmation page; once hydrated, the
/// browser's dialog asks `question` and `run` acts in the page.
#[component]
fn ConfirmFirst(
    act: ConfirmedAct,
    post: i64,
    /// The comment acted on, if it is one.
    #[prop(optional)]
    comment: Option<i64>,
    question: &'static str,
    run: impl Fn() + Send + Sync + 'static,
    children: Children,
) -> impl IntoView {
    view! {
        <form
            method="get"
            action=act.page(post)
            class="button-form"
            on:submit=move |ev| {
                ev.prevent_default();
                if confirmed(question) {
                    run();
                }
            }
        >
            {comment.map(|id| view! { <input type="hidden" name=CONFIRM_COMMENT value=id.to_string() /> })}
            {children()}
        </form>
    }
}

#[component]
fn Comment(
    comment: CommentView,
    post_id: i64,
    thread: Thread,
    #[prop(optional)] reply: bool,
) -> impl IntoView {
    let now = now_seconds();
    let id = comment.id;
    let author = comment.author.to_string();
    let replies = comment.replies.clone();
    let (editing, set_editing) = signal(false);
    let like = comment_like(&comment, post_id, thread);
    let body = match comment.body {
        None => view! { <p class="comment-text muted">{t::DELETED_COMMENT}</p> }.into_any(),
        Some(text) => {
            let text_view = comment_text(text, comment.is_mine, id, editing, thread);
            let answer = move |_| {
                thread.reply_to.set(Some(ReplyTarget { id, author: author.clone() }));
                if let Some(input) = thread.comment_input.get_untracked() {
                    let _ = input.focus();
                }
            };
            view! {
            <p class="comment-head">
                <strong data-testid="comment-author">{comment.author.to_string()}</strong>
                <span class="muted">{relative_time(comment.created_at, now)}</span>
                {comment.edited.then(|| view! { <span class="muted">{t::EDITED}</span> })}
            </p>
            {text_view}
            // A <div>, not a <p>: the report disclosure inside is block content, and a <p> would make the
            // browser's parser restructure the HTML and break hydration.
            <div class="comment-actions">
                // Answering and editing happen in the page: disabled until it is interactive.
                {(!reply).then(|| view! {
                    <button class="link" disabled=move || !hydrated() on:click=answer>{t::REPLY}</button>
                })}
                {like}
                {comment.is_mine.then(|| view! {
                    <button class="link" disabled=move || !hydrated() on:click=move |_| set_editing.update(|e| *e = !*e)>{t::EDIT}</button>
                })}
                // A plain link (the router still takes it): one per comment of a long thread.
                {(!comment.is_mine).then(|| view! {
                    <a class="link" href=format!("/messages/new?comment={id}")>{mt::SEND_MESSAGE_SHORT}</a>
                })}
                {(!comment.is_mine).then(|| view! { <ReportForm target=ReportTarget::Comment id on_demand=true /> })}
                {comment.is_mine.then(|| {
                    let act = move || {
                        thread.remove_comment.dispatch(id);
                    };
                    view! {
                        <ConfirmFirst act=ConfirmedAct::Delete post=post_id comment=id question=t::CONFIRM_DELETE run=act>
                            <button type="submit" class="link danger">{t::DELETE}</button>
                        </ConfirmFirst>
                    }
                })}
            </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="comment" class:reply=reply data-testid="comment">
            {body}
            {(!replies.is_empty()).then(|| view! {
                <div class="replies">
                    {replies.into_iter().map(|comment| view! { <Comment comment post_id thread reply=true /> }).collect_view()}
                </div>
            })}
        </div>
    }
    .into_any()
}

/// A comment's 공감: a plain disabled button on one's own or an already liked comment (no form, as a long
/// thread repeats it), otherwise one that is confirmed first.
fn comment_like(comment: &CommentView, post_id: i64, thread: Thread) -> AnyView {
    let (id, liked) = (comment.id, comment.liked_by_me);
    let button = view! {
        <button
            type="submit"
            class="link like"
            class:liked=liked
            aria-pressed=if liked { "true" } else { "false" }
            disabled=comment.is_mine || liked
        >
            {format!("{} {}", t::LIKE, comment.like_count)}
        </button>
    };
    if comment.is_mine || liked {
        return button.into_any();
    }
    let act = move || {
        thread.like_comment.dispatch(id);
    };
    view! {
        <ConfirmFirst act=ConfirmedAct::Like post=post_id comment=id question=t::CONFIRM_LIKE_COMMENT run=act>
            {button}
        </ConfirmFirst>
    }
    .into_any()
}

/// A comment's text; one's own comment also gets its edit form, shown while `editing`. Others' comments get
/// no edit state at all: a thread renders hundreds of them.
fn comment_text(text: String, mine: bool, id: i64, editing: ReadSignal<bool>, thread: Thread) -> AnyView {
    if !mine {
        return view! { <p class="comment-text">{text}</p> }.into_any();
    }
    let draft = StoredValue::new(text.clone());
    view! {
        <Show
            when=move || editing.get()
            fallback=move || view! { <p class="comment-text">{text.clone()}</p> }
        >
            <ActionForm action=thread.edit_comment attr:class="comment-edit">
                <input type="hidden" name="comment_id" value=id.to_string() />
                <label class="visually-hidden" for=format!("edit-{id}")>{t::EDIT}</label>
                <input id=format!("edit-{id}") name="body" value=draft.get_value() maxlength=COMMENT_BODY_MAX.to_string() required />
                <button type="submit" class="button small">{t::EDIT}</button>
            </ActionForm>
        </Show>
    }
    .into_any()
}
