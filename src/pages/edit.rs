//! Editing one's own post. A question stays a question, and a question that has had a comment cannot be
//! edited (the server refuses; the page explains).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::community::{get_post, EditPost};
use crate::components::composer::{ComposeFields, ComposeHeader, FORM_ID};
use crate::components::escaped_on_server;
use crate::components::require_login::StudentLoaded;
use crate::components::status::ErrorNotice;
use crate::error::AppError;
use crate::model::community::PostDetail;
use crate::pages::params::route_id;
use crate::text::community as t;

#[component]
pub fn EditPage() -> impl IntoView {
    let post = Resource::new(route_id(), get_post);
    view! {
        <Title text=t::EDIT />
        <StudentLoaded resource=post let:post>
            // Only the author edits. Anyone else who opens the address is told so (403, as the server
            // answers their edit) instead of getting a form that can only be refused.
            {if post.is_mine {
                view! { <EditForm post /> }.into_any()
            } else {
                view! { <ErrorNotice error=AppError::Forbidden(t::NOT_YOURS.into()) /> }.into_any()
            }}
        </StudentLoaded>
    }
}

#[component]
fn EditForm(post: PostDetail) -> impl IntoView {
    let action = ServerAction::<EditPost>::new();
    let error = move || action.value().get().and_then(Result::err).map(|e| e.to_string());
    let body_chars = post.body.chars().count();
    view! {
        <ComposeHeader
            title=format!("{} · {}", post.board.name, t::EDIT)
            cancel_href=format!("/posts/{}", post.id)
            pending=action.pending()
        />
        {post.locked.then(|| view! { <p class="card hidden-notice">{t::QUESTION_LOCKED}</p> })}
        <ActionForm action attr:class="form write-form" attr:id=FORM_ID>
            <input type="hidden" name="post_id" value=post.id.to_string() />
            // The body is escaped by hand: the server writes a textarea's content as it is.
            <ComposeFields title=post.title.clone() body=escaped_on_server(post.body.clone()) body_chars />
            <div class="checks">
                // A question cannot become a non-question, so its box is fixed; the hidden field keeps the
                // value that a disabled checkbox would not send.
                {if post.is_question {
                    view! {
                        <input type="hidden" name="question" value="on" />
                        <label class="check"><input type="checkbox" checked disabled />{t::QUESTION_CHECK}</label>
                    }.into_any()
                } else {
                    view! { <label class="check"><input type="checkbox" name="question" />{t::QUESTION_CHECK}</label> }.into_any()
                }}
            </div>
            <p class="form-error" role="alert">{error}</p>
        </ActionForm>
    }
}
