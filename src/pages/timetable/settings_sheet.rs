//! 설정: the open timetable's name, who sees it (전체공개 / 친구공개 / 비공개), making it the semester's
//! primary, deleting it, and making a new timetable — one sheet, every part in sight, each answer shown
//! beside what was tapped. The server keeps every rule (unique names, exactly one primary); this is only
//! where the student asks.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{answer_of, Answer, NewTimetableForm, Screen, SETTINGS_BUTTON};
use crate::api::timetable::{delete_timetable, make_primary, set_visibility, RenameTimetable};
use crate::components::confirmed;
use crate::components::segmented::Segmented;
use crate::components::sheet::Sheet;
use crate::model::timetable::{Semester, TimetableSummary, Visibility, TIMETABLE_NAME_MAX};
use crate::text::{fill, timetable as t};

/// The sheet for `timetable`, as it was when the sheet opened; what it changes it shows at once, and the
/// screen under it fetches the timetables again.
#[component]
pub(super) fn SettingsSheet(
    timetable: TimetableSummary,
    semester: Semester,
    /// The name the new-timetable form offers.
    next_name: String,
    screen: Screen,
) -> impl IntoView {
    let id = timetable.id;
    // What this sheet saved: the choice and the primary line follow it without a fetch (a sheet reads no
    // resource, see `components::sheet`).
    let shown_to = RwSignal::new(timetable.visibility);
    let is_primary = RwSignal::new(timetable.is_primary);
    let rename = ServerAction::<RenameTimetable>::new();
    let primary = Action::new(move |_: &()| make_primary(id));
    let delete = Action::new(move |_: &()| delete_timetable(id));
    let saved = [
        Signal::derive(move || matches!(rename.value().get(), Some(Ok(_)))),
        Signal::derive(move || matches!(primary.value().get(), Some(Ok(_)))),
    ];
    for saved in saved {
        Effect::new(move || {
            if saved.get() {
                screen.changed();
            }
        });
    }
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(())) = delete.value().get() {
            screen.close();
            // The semester's first timetable opens in its place.
            navigate(&format!("/timetable?semester={}", semester.0), Default::default());
        }
    });

    let renamed = answer_of(move || rename.value().get(), |_| t::RENAMED.to_owned());
    Effect::new(move || {
        if let Some(Ok(())) = primary.value().get() {
            is_primary.set(true);
        }
    });
    let promoted = answer_of(move || primary.value().get(), |_| t::PRIMARY_SET.to_owned());
    let deleted = answer_of(move || delete.value().get().filter(Result::is_err), |_| String::new());
    view! {
        <Sheet
            title=t::SETTINGS_TITLE
            heading_id="settings-sheet-title"
            on_close=Callback::new(move |_| screen.close())
            test_id="settings-sheet"
            return_focus=SETTINGS_BUTTON
        >
            <div class="sheet-scroll settings-sheet">
                <section class="sheet-section">
                    <h3><label for="rename">{t::TIMETABLE_NAME}</label></h3>
                    <ActionForm action=rename attr:class="inline-form">
                        <input type="hidden" name="timetable_id" value=id.to_string() />
                        <input id="rename" name="name" value=timetable.name.clone() maxlength=TIMETABLE_NAME_MAX.to_string() required />
                        <button type="submit" class="button small">{t::SAVE}</button>
                    </ActionForm>
                    <Answer answer=renamed />
                </section>
                <VisibilityChoice timetable_id=id shown_to screen hint=Signal::stored(t::VISIBILITY_NOTE) />
                <section class="sheet-section">
                    <h3>{t::PRIMARY_TIMETABLE}</h3>
                    <p class="hint">{t::PRIMARY_NOTE}</p>
                    {move || if is_primary.get() {
                        view! { <p class="muted" data-testid="is-primary">{t::IS_PRIMARY}</p> }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button small" on:click=move |_| { primary.dispatch(()); }>
                                {t::MAKE_PRIMARY}
                            </button>
                        }
                        .into_any()
                    }}
                    <Answer answer=promoted />
                </section>
                <section class="sheet-section">
                    <h3>{t::NEW_TIMETABLE}</h3>
                    <NewTimetableForm
                        semester
                        next_name
                        label=t::NEW_TIMETABLE
                        field_id="settings-new-timetable"
                        on_made=Callback::new(move |_| screen.close())
                    />
                </section>
                <section class="sheet-section">
                    <button
                        type="button"
                        class="button small danger"
                        disabled=move || delete.pending().get()
                        on:click=move |_| {
                            if confirmed(t::CONFIRM_DELETE_TIMETABLE) {
                                delete.dispatch(());
                            }
                        }
                    >
                        {t::DELETE_TIMETABLE}
                    </button>
                    <Answer answer=deleted />
                </section>
            </div>
        </Sheet>
    }
    .into_any()
}

/// 공개 범위: the three choices, each saved as soon as it is tapped, with the answer beside them and `hint`
/// under them. `shown_to` is what is saved now (the caller's, so that it can say what that means); the screen
/// under the sheet fetches its timetables again after a change. The settings and the share sheet both have it.
#[component]
pub(super) fn VisibilityChoice(
    timetable_id: i64,
    shown_to: RwSignal<Visibility>,
    screen: Screen,
    #[prop(into)] hint: Signal<&'static str>,
) -> impl IntoView {
    // The choice comes back with the answer, to say what it is now.
    let visibility = Action::new(move |chosen: &Visibility| {
        let chosen = *chosen;
        async move { set_visibility(timetable_id, chosen.into()).await.map(|()| chosen) }
    });
    Effect::new(move || {
        if let Some(Ok(chosen)) = visibility.value().get() {
            shown_to.set(chosen);
            screen.changed();
        }
    });
    let answer =
        answer_of(move || visibility.value().get(), |chosen| fill(t::VISIBILITY_CHANGED, chosen.label()));
    view! {
        <fieldset class="sheet-section visibility-choice">
            <legend>{t::VISIBILITY}</legend>
            <Segmented
                name="visibility"
                chosen=shown_to
                label=Visibility::label
                on_choose=Callback::new(move |choice| { visibility.dispatch(choice); })
            />
            <p class="hint" data-testid="visibility-hint">{hint}</p>
            <Answer answer />
        </fieldset>
    }
}
