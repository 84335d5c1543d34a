//! The confirmation pages of the acts that stick: 공감 (not undoable) and 삭제, at `/posts/:id/like` and
//! `/posts/:id/delete`, with `?comment=<id>` for a comment of the thread.
//!
//! Once the post page has hydrated, its buttons ask in the browser's dialog and never come here. Before
//! that (a slow phone's first visit, about 2.5 s) they are plain forms that open these pages, which ask and
//! post the act to its server function with a `next` page: back to the thread, or to the board once the
//! post is gone. A refusal returns here with the server's message (a plain form post comes back with the
//! error in the address, which the page's server action starts with).
//!
//! What the thread already shows would be refused (one's own content, a 공감 already given, someone else's
//! content to delete, a question that has answers) is said at once, with the status the server would
//! answer, rather than offered as a button that can only be refused.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::community::{get_post, DeleteComment, DeletePost, LikeComment, LikePost};
use crate::components::require_login::StudentLoaded;
use crate::components::status::ErrorNotice;
use crate::error::AppError;
use crate::model::community::{CommentView, PostDetail};
use crate::pages::params::{query_comment, route_id};
use crate::text::community as t;

/// The query parameter that names the comment acted on.
pub const CONFIRM_COMMENT: &str = "comment";

/// An act that is confirmed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmedAct {
    Like,
    Delete,
}

impl ConfirmedAct {
    /// The act's confirmation page for a post (a comment adds `?comment=`).
    pub fn page(self, post_id: i64) -> String {
        match self {
            ConfirmedAct::Like => format!("/posts/{post_id}/like"),
            ConfirmedAct::Delete => format!("/posts/{post_id}/delete"),
        }
    }
}

#[component]
pub fn LikeConfirmPage() -> impl IntoView {
    view! { <ConfirmPage act=ConfirmedAct::Like /> }
}

#[component]
pub fn DeleteConfirmPage() -> impl IntoView {
    view! { <ConfirmPage act=ConfirmedAct::Delete /> }
}

/// The thread (its post, and the comment if one is named), then the question or the refusal.
#[component]
fn ConfirmPage(act: ConfirmedAct) -> impl IntoView {
    let (post_id, comment) = (route_id(), query_comment());
    let thread = Resource::new(
        move || (post_id(), comment()),
        |(id, comment)| async move { get_post(id).await.map(|post| (post, comment)) },
    );
    let title = match act {
        ConfirmedAct::Like => t::LIKE,
        ConfirmedAct::Delete => t::DELETE,
    };
    view! {
        <Title text=title />
        <StudentLoaded resource=thread let:found>
            {
                let (post, comment) = found;
                match comment {
                    None => post_question(act, post),
                    Some(id) => match find_comment(&post.comments, id) {
                        Some(comment) => comment_question(act, &post, comment.clone()),
                        None => view! { <ErrorNotice error=AppError::NotFound /> }.into_any(),
                    },
                }
            }
        </StudentLoaded>
    }
}

/// A live comment of the thread, reply or not.
fn find_comment(comments: &[CommentView], id: i64) -> Option<&CommentView> {
    comments.iter().find_map(|comment| {
        if comment.id == id && comment.body.is_some() {
            Some(comment)
        } else {
            find_comment(&comment.replies, id)
        }
    })
}

fn post_question(act: ConfirmedAct, post: PostDetail) -> AnyView {
    let back = format!("/posts/{}", post.id);
    let refusal = match act {
        ConfirmedAct::Like if post.is_mine => Some(AppError::Forbidden(t::OWN_LIKE.into())),
        ConfirmedAct::Like if post.liked_by_me => Some(AppError::Conflict(t::ALREADY_LIKED.into())),
        ConfirmedAct::Delete if !post.is_mine => Some(AppError::Forbidden(t::NOT_YOURS.into())),
        ConfirmedAct::Delete if post.locked => Some(AppError::Conflict(t::QUESTION_LOCKED.into())),
        _ => None,
    };
    if let Some(error) = refusal {
        return refused(error, back);
    }
    let (id, title) = (post.id.to_string(), post.title);
    match act {
        ConfirmedAct::Like => {
            let action = ServerAction::<LikePost>::new();
            let fields = view! { <input type="hidden" name="post_id" value=id /> };
            let error = action_error(action.value());
            view! {
                <Question question=t::LIKE_POST_QUESTION note=t::LIKE_IS_FINAL quote=title>
                    <ActionForm action attr:class="confirm-form">
                        {fields}
                        <Answer act next=back.clone() back error pending=action.pending() />
                    </ActionForm>
                </Question>
            }
            .into_any()
        }
        ConfirmedAct::Delete => {
            let action = ServerAction::<DeletePost>::new();
            let fields = view! { <input type="hidden" name="post_id" value=id /> };
            let error = action_error(action.value());
            // The post is gone afterwards: back to its board.
            let next = format!("/boards/{}", post.board.id);
            view! {
                <Question question=t::DELETE_POST_QUESTION note=t::DELETE_IS_FINAL quote=title>
                    <ActionForm action attr:class="confirm-form">
                        {fields}
                        <Answer act next back error pending=action.pending() />
                    </ActionForm>
                </Question>
            }
            .into_any()
        }
    }
}

fn comment_question(act: ConfirmedAct, post: &PostDetail, comment: CommentView) -> AnyView {
    let back = format!("/posts/{}", post.id);
    let refusal = match act {
        ConfirmedAct::Like if comment.is_mine => Some(AppError::Forbidden(t::OWN_LIKE_COMMENT.into())),
        ConfirmedAct::Like if comment.liked_by_me => {
            Some(AppError::Conflict(t::ALREADY_LIKED_COMMENT.into()))
        }
        ConfirmedAct::Delete if !comment.is_mine => Some(AppError::Forbidden(t::NOT_YOUR_COMMENT.into())),
        _ => None,
    };
    if let Some(error) = refusal {
        return refused(error, back);
    }
    let id = comment.id.to_string();
    let quote = format!("{}: {}", comment.author, comment.body.unwrap_or_default());
    match act {
        ConfirmedAct::Like => {
            let action = ServerAction::<LikeComment>::new();
            let fields = view! { <input type="hidden" name="comment_id" value=id /> };
            let error = action_error(action.value());
            view! {
                <Question question=t::LIKE_COMMENT_QUESTION note=t::LIKE_IS_FINAL quote>
                    <ActionForm action attr:class="confirm-form">
                        {fields}
                        <Answer act next=back.clone() back error pending=action.pending() />
                    </ActionForm>
                </Question>
            }
            .into_any()
        }
        ConfirmedAct::Delete => {
            let action = ServerAction::<DeleteComment>::new();
            let fields = view! { <input type="hidden" name="comment_id" value=id /> };
            let error = action_error(action.value());
            view! {
                <Question question=t::DELETE_COMMENT_QUESTION note=t::DELETE_IS_FINAL quote>
                    <ActionForm action attr:class="confirm-form">
                        {fields}
                        <Answer act next=back.clone() back error pending=action.pending() />
                    </ActionForm>
                </Question>
            }
            .into_any()
        }
    }
}

/// The message of the act's last refusal (from the address, before hydration), if any.
fn action_error<T>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
) -> Signal<Option<String>> {
    Signal::derive(move || value.get().and_then(Result::err).map(|error| error.to_string()))
}

/// What cannot be done, and the way back to the thread.
fn refused(error: AppError, back: String) -> AnyView {
    view! {
        <ErrorNotice error />
        <p class="confirm-back"><a href=back class="button block">{t::BACK_TO_POST}</a></p>
    }
    .into_any()
}

/// The question, what it is about, and (as `children`) the form that answers it.
#[component]
fn Question(question: &'static str, note: &'static str, quote: String, children: Children) -> impl IntoView {
    view! {
        <section class="card confirm" aria-labelledby="confirm-question">
            <h1 id="confirm-question">{question}</h1>
            <p class="muted">{note}</p>
            <blockquote class="confirm-quote">{quote}</blockquote>
            {children()}
        </section>
    }
}

/// The form's `next` page, the refusal if one came back, and the two answers: 취소 (back to the thread)
/// and the act itself.
#[component]
fn Answer(
    act: ConfirmedAct,
    next: String,
    back: String,
    error: Signal<Option<String>>,
    pending: Memo<bool>,
) -> impl IntoView {
    let (label, class) = match act {
        ConfirmedAct::Like => (t::LIKE, "button primary"),
        ConfirmedAct::Delete => (t::DELETE, "button danger-fill"),
    };
    view! {
        <input type="hidden" name="next" value=next />
        <p class="form-error" role="alert">{move || error.get()}</p>
        <div class="confirm-answers">
            <a href=back class="button">{t::CANCEL}</a>
            <button type="submit" class=class disabled=move || pending.get()>{label}</button>
        </div>
    }
}
