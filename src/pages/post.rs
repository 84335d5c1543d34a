//! A post and its thread: 공감, 스크랩 and 삭제 (each confirmed), comments with one level of replies, and the
//! comment box fixed at the bottom with its 익명 checkbox.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api::community::{
    delete_comment, delete_post, get_post, like_comment, like_post, scrap_post, EditComment, WriteComment,
};
use crate::components::confirmed;
use crate::components::relative_time::{now_seconds, relative_time};
use crate::components::report_form::ReportForm;
use crate::components::require_login::RequireLogin;
use crate::components::status::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::model::community::{Anonymity, CommentView, PostDetail, ReportTarget, COMMENT_BODY_MAX};
use crate::text::community as t;

#[component]
pub fn PostPage() -> impl IntoView {
    let params = use_params_map();
    let post_id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or_default();
    let write_comment = ServerAction::<WriteComment>::new();
    // Every change made on this page bumps `changes`, and the thread is fetched again.
    let (changes, set_changes) = signal(0u32);
    let post = Resource::new(
        move || (post_id(), write_comment.version().get(), changes.get()),
        |(id, _, _)| get_post(id),
    );
    let (notice, set_notice) = signal(None::<String>);
    let report = move |result: Result<(), AppError>| match result {
        Ok(()) => {
            set_notice.set(None);
            set_changes.update(|n| *n += 1);
        }
        Err(error) => set_notice.set(Some(error.to_string())),
    };
    let like = Action::new(move |id: &i64| {
        let id = *id;
        async move { like_post(id).await.map(|_| ()) }
    });
    let like_reply = Action::new(move |id: &i64| {
        let id = *id;
        async move { like_comment(id).await.map(|_| ()) }
    });
    let scrap = Action::new(move |(id, on): &(i64, bool)| {
        let (id, on) = (*id, *on);
        async move { scrap_post(id, on).await.map(|_| ()) }
    });
    let remove_comment = Action::new(move |id: &i64| {
        let id = *id;
        async move { delete_comment(id).await }
    });
    let navigate = use_navigate();
    let remove_post = Action::new(move |id: &i64| {
        let id = *id;
        async move { delete_post(id).await }
    });
    for action in [like, like_reply, remove_comment] {
        Effect::new(move || {
            if let Some(result) = action.value().get() {
                report(result);
            }
        });
    }
    Effect::new(move || {
        if let Some(result) = scrap.value().get() {
            report(result);
        }
    });
    Effect::new(move || match remove_post.value().get() {
        Some(Ok(())) => navigate("/boards", Default::default()),
        Some(Err(error)) => set_notice.set(Some(error.to_string())),
        None => {}
    });
    let comment_error = move || write_comment.value().get().and_then(Result::err).map(|e| e.to_string());
    let (reply_to, set_reply_to) = signal(None::<i64>);
    Effect::new(move || {
        if let Some(Ok(_)) = write_comment.value().get() {
            set_reply_to.set(None);
        }
    });
    let edit_comment = ServerAction::<EditComment>::new();
    Effect::new(move || {
        if let Some(result) = edit_comment.value().get() {
            report(result);
        }
    });
    let handlers = PostHandlers { like_reply, remove_comment, set_reply_to, edit_comment };

    view! {
        <RequireLogin let:_me>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match post.await {
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        Ok(post) => {
                            let id = post.id;
                            let anonymity = post.board.anonymity;
                            // A post hidden by reports is frozen (the server refuses comments on it).
                            let frozen = post.is_hidden;
                            let board_link = format!("/boards/{}", post.board.id);
                            let board_name = post.board.name.clone();
                            view! {
                                <Title text=post.title.clone() />
                                <A href=board_link attr:class="back-link">{board_name}</A>
                                <PostBody post=post.clone() />
                                <div class="post-actions">
                                    <button
                                        class="chip"
                                        data-testid="like-post"
                                        disabled=post.is_mine || post.liked_by_me
                                        on:click=move |_| { if confirmed(t::CONFIRM_LIKE) { like.dispatch(id); } }
                                    >
                                        {format!("{} {}", t::LIKE, post.like_count)}
                                    </button>
                                    {(!post.is_mine).then(|| {
                                        let on = !post.scrapped_by_me;
                                        view! {
                                            <button class="chip" on:click=move |_| { scrap.dispatch((id, on)); }>
                                                {if on { t::SCRAP } else { t::UNSCRAP }}
                                            </button>
                                        }
                                    })}
                                    {(post.is_mine && !post.locked).then(|| view! {
                                        <A href=format!("/posts/{id}/edit") attr:class="chip">{t::EDIT}</A>
                                    })}
                                    {(!post.is_mine).then(|| view! { <ReportForm target=ReportTarget::Post id /> })}
                                    {(post.is_mine && !post.locked).then(|| view! {
                                        <button class="chip danger" on:click=move |_| { if confirmed(t::CONFIRM_DELETE) { remove_post.dispatch(id); } }>
                                            {t::DELETE}
                                        </button>
                                    })}
                                </div>
                                <p class="form-error" role="alert">{move || notice.get()}</p>
                                <section class="comments" aria-label="댓글">
                                    {post.comments.is_empty().then(|| view! { <p class="muted empty-comments">{t::NO_COMMENTS}</p> })}
                                    {post.comments.into_iter().map(|comment| view! { <Comment comment handlers /> }).collect_view()}
                                </section>
                                {(!frozen).then(|| view! {
                                    <ActionForm action=write_comment attr:class="comment-box">
                                        <input type="hidden" name="post_id" value=id.to_string() />
                                        {move || reply_to.get().map(|parent| view! { <input type="hidden" name="parent_id" value=parent.to_string() /> })}
                                        {(anonymity == Anonymity::Allowed).then(|| view! {
                                            <label class="check"><input type="checkbox" name="anonymous" checked />{t::ANONYMOUS_CHECK}</label>
                                        })}
                                        <label class="visually-hidden" for="comment-body">{t::COMMENT_PLACEHOLDER}</label>
                                        <input
                                            id="comment-body"
                                            name="body"
                                            maxlength=COMMENT_BODY_MAX.to_string()
                                            placeholder=move || if reply_to.get().is_some() { t::REPLY_PLACEHOLDER } else { t::COMMENT_PLACEHOLDER }
                                            required
                                        />
                                        <button type="submit" class="button primary small" disabled=move || write_comment.pending().get()>{t::COMMENT_BUTTON}</button>
                                    </ActionForm>
                                })}
                                <p class="form-error comment-error" role="alert">{comment_error}</p>
                            }
                            .into_any()
                        }
                    }
                })}
            </Suspense>
        </RequireLogin>
    }
}

/// What a comment's buttons do, passed down the thread.
#[derive(Clone, Copy)]
struct PostHandlers {
    like_reply: Action<i64, Result<(), AppError>>,
    remove_comment: Action<i64, Result<(), AppError>>,
    set_reply_to: WriteSignal<Option<i64>>,
    edit_comment: ServerAction<EditComment>,
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
            {post.edited.then(|| view! { <p class="muted small">{t::EDITED}</p> })}
        </article>
    }
}

#[component]
fn Comment(comment: CommentView, handlers: PostHandlers, #[prop(optional)] reply: bool) -> impl IntoView {
    let now = now_seconds();
    let id = comment.id;
    let replies = comment.replies.clone();
    let (editing, set_editing) = signal(false);
    let body = match comment.body {
        None => view! { <p class="comment-text muted">{t::DELETED_COMMENT}</p> }.into_any(),
        Some(text) => {
            let draft = StoredValue::new(text.clone());
            view! {
            <p class="comment-head">
                <strong data-testid="comment-author">{comment.author.to_string()}</strong>
                <span class="muted">{relative_time(comment.created_at, now)}</span>
                {comment.edited.then(|| view! { <span class="muted">{t::EDITED}</span> })}
            </p>
            <Show
                when=move || editing.get()
                fallback={
                    let text = text.clone();
                    move || view! { <p class="comment-text">{text.clone()}</p> }
                }
            >
                <ActionForm action=handlers.edit_comment attr:class="comment-edit">
                    <input type="hidden" name="comment_id" value=id.to_string() />
                    <label class="visually-hidden" for=format!("edit-{id}")>{t::EDIT}</label>
                    <input id=format!("edit-{id}") name="body" value=draft.get_value() maxlength=COMMENT_BODY_MAX.to_string() required />
                    <button type="submit" class="button small">{t::EDIT}</button>
                </ActionForm>
            </Show>
            // A <div>, not a <p>: the report disclosure inside is block content, and a <p> would make the
            // browser's parser restructure the HTML and break hydration.
            <div class="comment-actions">
                {(!reply).then(|| view! {
                    <button class="link" on:click=move |_| handlers.set_reply_to.set(Some(id))>{t::REPLY}</button>
                })}
                <button
                    class="link"
                    disabled=comment.is_mine || comment.liked_by_me
                    on:click=move |_| { if confirmed(t::CONFIRM_LIKE_COMMENT) { handlers.like_reply.dispatch(id); } }
                >
                    {format!("{} {}", t::LIKE, comment.like_count)}
                </button>
                {comment.is_mine.then(|| view! {
                    <button class="link" on:click=move |_| set_editing.update(|e| *e = !*e)>{t::EDIT}</button>
                })}
                {(!comment.is_mine).then(|| view! { <ReportForm target=ReportTarget::Comment id on_demand=true /> })}
                {comment.is_mine.then(|| view! {
                    <button class="link danger" on:click=move |_| { if confirmed(t::CONFIRM_DELETE) { handlers.remove_comment.dispatch(id); } }>
                        {t::DELETE}
                    </button>
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
                    {replies.into_iter().map(|comment| view! { <Comment comment handlers reply=true /> }).collect_view()}
                </div>
            })}
        </div>
    }
    .into_any()
}
