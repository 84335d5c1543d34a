//! Editing one's own post. A question stays a question, and a question with comments cannot be edited (the
//! server refuses; the page explains).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::community::{get_post, EditPost};
use crate::components::escaped_on_server;
use crate::components::require_login::RequireLogin;
use crate::components::status::{ErrorNotice, Loading};
use crate::error::AppError;
use crate::model::community::{POST_BODY_MAX, TITLE_MAX};
use crate::text::community as t;

#[component]
pub fn EditPage() -> impl IntoView {
    let params = use_params_map();
    let post_id = move || params.read().get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or_default();
    let post = Resource::new(post_id, get_post);
    let action = ServerAction::<EditPost>::new();
    let error = move || action.value().get().and_then(Result::err).map(|e| e.to_string());
    view! {
        <Title text=t::EDIT />
        <RequireLogin let:_me>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match post.await {
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        // Only the author edits. Anyone else who opens the address is told so (403, as the
                        // server answers their edit) instead of getting a form that can only be refused.
                        Ok(post) if !post.is_mine => {
                            let error = AppError::Forbidden(t::NOT_YOURS.into());
                            view! { <ErrorNotice error /> }.into_any()
                        }
                        Ok(post) => view! {
                            <header class="page-header"><h1>{format!("{} · {}", post.board.name, t::EDIT)}</h1></header>
                            {post.locked.then(|| view! { <p class="card hidden-notice">{t::QUESTION_LOCKED}</p> })}
                            <ActionForm action attr:class="form write-form">
                                <input type="hidden" name="post_id" value=post.id.to_string() />
                                <label class="visually-hidden" for="post-title">{t::TITLE}</label>
                                <input id="post-title" name="title" placeholder=t::TITLE value=post.title.clone() maxlength=TITLE_MAX.to_string() required />
                                <label class="visually-hidden" for="post-body">{t::BODY}</label>
                                // Escaped by hand: the server writes a textarea's content as it is.
                                <textarea id="post-body" name="body" placeholder=t::BODY rows="10" maxlength=POST_BODY_MAX.to_string() required>{escaped_on_server(post.body.clone())}</textarea>
                                <div class="checks">
                                    // A question cannot become a non-question, so its box is fixed; the hidden
                                    // field keeps the value that a disabled checkbox would not send.
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
                                <button type="submit" class="button primary block" disabled=move || action.pending().get()>{t::POST_BUTTON}</button>
                            </ActionForm>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </RequireLogin>
    }
}
