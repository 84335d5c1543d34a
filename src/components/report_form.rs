//! 신고: a disclosure with the reason list, posting to the report server function (works before hydration).

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::community::Report;
use crate::model::community::ReportTarget;
use crate::text::community as t;

#[component]
pub fn ReportForm(target: ReportTarget, id: i64) -> impl IntoView {
    let action = ServerAction::<Report>::new();
    let field_id = format!("report-{}-{id}", target.key());
    let outcome = move || match action.value().get() {
        Some(Ok(())) => Some(t::REPORTED.to_owned()),
        Some(Err(error)) => Some(error.to_string()),
        None => None,
    };
    view! {
        <details class="report">
            <summary>{t::REPORT}</summary>
            <ActionForm action attr:class="report-form">
                <input type="hidden" name="target" value=target.key() />
                <input type="hidden" name="target_id" value=id.to_string() />
                <label for=field_id.clone()>{t::REPORT_REASON}</label>
                <select id=field_id name="reason">
                    {t::REPORT_REASONS
                        .iter()
                        .enumerate()
                        .map(|(index, reason)| view! { <option value=index.to_string()>{*reason}</option> })
                        .collect_view()}
                </select>
                <button type="submit" class="button small">{t::REPORT_BUTTON}</button>
                <p class="report-outcome" role="status">{outcome}</p>
            </ActionForm>
        </details>
    }
}
