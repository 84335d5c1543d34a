//! 신고: a disclosure with the reason list, posting to the report server function (works before hydration).
//!
//! A long thread would repeat the whole form once per comment (over a kilobyte each: most of a 300-comment
//! page), so comments render theirs on demand, when the disclosure is first opened.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::community::Report;
use crate::model::codes::Code;
use crate::model::community::{ReportReason, ReportTarget};
use crate::text::community as t;

/// `on_demand`: the form is rendered once the disclosure is opened (needs the page to be interactive; one
/// opened before that gets its form as soon as the page is).
#[component]
pub fn ReportForm(target: ReportTarget, id: i64, #[prop(optional)] on_demand: bool) -> impl IntoView {
    let disclosure = NodeRef::<leptos::html::Details>::new();
    let (opened, set_opened) = signal(!on_demand);
    Effect::new(move || {
        if disclosure.get().is_some_and(|details| details.open()) {
            set_opened.set(true);
        }
    });
    view! {
        <details class="report" node_ref=disclosure on:toggle=move |_| set_opened.set(true)>
            <summary>{t::REPORT}</summary>
            <Show when=move || opened.get() fallback=|| view! { <p class="muted">{t::REPORT_LOADING}</p> }>
                <ReportFields target id />
            </Show>
        </details>
    }
}

/// The form itself. Its server action (a handful of signals) is made only when the form is shown: made
/// for every comment of a long thread, unopened actions were the largest part of rendering it.
#[component]
fn ReportFields(target: ReportTarget, id: i64) -> impl IntoView {
    let action = ServerAction::<Report>::new();
    let field_id = format!("report-{target}-{id}");
    let outcome = move || match action.value().get() {
        Some(Ok(())) => Some(t::REPORTED.to_owned()),
        Some(Err(error)) => Some(error.to_string()),
        None => None,
    };
    view! {
        <ActionForm action attr:class="report-form">
            <input type="hidden" name="target" value=target.code() />
            <input type="hidden" name="target_id" value=id.to_string() />
            <label for=field_id.clone()>{t::REPORT_REASON}</label>
            <select id=field_id name="reason">
                {ReportReason::ALL
                    .iter()
                    .map(|reason| view! { <option value=reason.code()>{reason.label()}</option> })
                    .collect_view()}
            </select>
            <button type="submit" class="button small">{t::REPORT_BUTTON}</button>
            <p class="report-outcome" role="status">{outcome}</p>
        </ActionForm>
    }
}
