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

/// `on_demand`: the form is rendered once the disclosure is opened, which needs the page to be interactive;
/// until it is, 신고 is a disabled button, so that nothing opens to a form that cannot come. Without
/// `on_demand` the form is in the page and works before hydration (a plain form post).
#[component]
pub fn ReportForm(target: ReportTarget, id: i64, #[prop(optional)] on_demand: bool) -> impl IntoView {
    if !on_demand {
        return view! {
            <details class="report">
                <summary>{t::REPORT}</summary>
                <ReportFields target id />
            </details>
        }
        .into_any();
    }
    // The server's render and the first one in the browser (during hydration) are the disabled button.
    (move || {
        if !crate::hydration::hydrated() {
            return view! { <button type="button" class="link" disabled>{t::REPORT}</button> }.into_any();
        }
        let (opened, set_opened) = signal(false);
        view! {
            <details class="report" on:toggle=move |_| set_opened.set(true)>
                <summary>{t::REPORT}</summary>
                <Show when=move || opened.get() fallback=|| view! { <p class="muted">{t::REPORT_LOADING}</p> }>
                    <ReportFields target id />
                </Show>
            </details>
        }
        .into_any()
    })
    .into_any()
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
