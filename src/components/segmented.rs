//! A choice from a closed set drawn as one row of segments: radio buttons that a form posts as they are
//! before hydration, and that act at once when tapped once the page is live (공개 범위, 화면 테마).

use leptos::prelude::*;

use crate::model::codes::Code;

/// The segments of every value of `T`, the `chosen` one checked.
#[component]
pub fn Segmented<T>(
    /// The form field the choice is posted as.
    name: &'static str,
    /// The segment shown checked, from the server's render on.
    #[prop(into)]
    chosen: Signal<T>,
    /// A value's words on its segment.
    label: fn(T) -> &'static str,
    /// What a tap on a segment does once the page is live.
    on_choose: Callback<T>,
) -> impl IntoView
where
    T: Code + PartialEq + Send + Sync,
{
    view! {
        <div class="segmented">
            {T::ALL.iter().map(|&choice| view! {
                <label class="segment">
                    <input
                        type="radio"
                        name=name
                        value=choice.code()
                        checked=chosen.get_untracked() == choice
                        prop:checked=move || chosen.get() == choice
                        on:change=move |_| on_choose.run(choice)
                    />
                    <span>{label(choice)}</span>
                </label>
            }).collect_view()}
        </div>
    }
}
