//! Timetables, the catalogue, 강의평 and the professor lookup: every rule of PRODUCT.md checked over HTTP.

use std::collections::HashSet;

use campus::model::timetable::Semester;
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

use crate::helpers::*;

fn current_semester() -> Semester {
    Semester::current(campus::server::now())
}

impl TestApp {
    /// The editor's data for the current semester (and the given open timetable).
    async fn editor(&self, client: &Client, open: Option<i64>) -> Value {
        let open = open.map(|id| id.to_string());
        let mut form = vec![];
        if let Some(open) = open.as_deref() {
            form.push(("timetable_id", open));
        }
        let response = self.call(client, "timetables/mine", &form).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.expect("editor")
    }

    async fn create_timetable(&self, client: &Client, name: &str) -> Response {
        let semester = current_semester().0.to_string();
        self.call(client, "timetables/create", &[("semester", &semester), ("name", name)]).await
    }

    /// Makes a timetable of the current semester and returns its id.
    async fn new_timetable(&self, client: &Client, name: &str) -> i64 {
        let response = self.create_timetable(client, name).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", response.text().await.unwrap_or_default());
        response.json().await.expect("id")
    }

    /// One page of the catalogue search with these arguments.
    async fn courses(&self, client: &Client, form: &[(&str, &str)]) -> Value {
        let response = self.call(client, "courses/search", form).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", response.text().await.unwrap_or_default());
        response.json().await.expect("page")
    }

    async fn add_course(&self, client: &Client, timetable: i64, course: i64) -> Response {
        let form = [("timetable_id", timetable.to_string()), ("course_id", course.to_string())];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.call(client, "timetables/add-course", &form).await
    }

    async fn add_custom(
        &self,
        client: &Client,
        timetable: i64,
        name: &str,
        weekday: i64,
        start: &str,
        end: &str,
    ) -> Response {
        let (timetable, weekday) = (timetable.to_string(), weekday.to_string());
        let form = [
            ("timetable_id", timetable.as_str()),
            ("name", name),
            ("weekday", &weekday),
            ("start", start),
            ("end", end),
        ];
        self.call(client, "timetables/add-custom", &form).await
    }
}

/// Writes a review with fixed answers to the detail questions.
async fn review(app: &TestApp, client: &Client, course_id: &str, stars: &str, body: &str) -> Response {
    let form = [
        ("course_id", course_id),
        ("stars", stars),
        ("body", body),
        ("assignments", "many"),
        ("team_projects", "none"),
        ("grading", "average"),
        ("attendance", "electronic"),
        ("exams", "2"),
    ];
    app.call(client, "reviews/write", &form).await
}

/// The message of an error response, whatever its kind (`{"Conflict": "…"}`, `{"Invalid": {"message": …}}`).
async fn message(response: Response) -> String {
    let error = error_json(response).await;
    let body = error.as_object().and_then(|kinds| kinds.values().next()).cloned().unwrap_or_default();
    body.as_str().or(body["message"].as_str()).unwrap_or_default().to_owned()
}

fn ids(page: &Value) -> Vec<i64> {
    page["courses"].as_array().expect("courses").iter().filter_map(|c| c["id"].as_i64()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_school_has_a_catalogue_for_this_semester_and_the_two_before() {
    let app = spawn_app().await;
    let (_, student) = app.signed_up_student().await;
    let mut semester = current_semester();
    for _ in 0..3 {
        let mut count = 0;
        let mut offset = 0;
        loop {
            let page = app
                .courses(&student, &[("semester", &semester.0.to_string()), ("offset", &offset.to_string())])
                .await;
            count += ids(&page).len();
            match page["next_offset"].as_i64() {
                Some(next) => offset = next,
                None => break,
            }
        }
        assert!(count >= 300, "{semester}: {count} courses");
        semester = semester.previous();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn catalogue_search_matches_text_filters_and_pages_without_duplicates() {
    let app = spawn_app().await;
    let (_, student) = app.signed_up_student().await;
    let first = app.courses(&student, &[]).await;
    let course = &first["courses"][0];
    let professor = course["professor"].as_str().expect("professor");

    let by_professor = app.courses(&student, &[("q", professor)]).await;
    assert!(!ids(&by_professor).is_empty());
    assert!(by_professor["courses"].as_array().expect("list").iter().all(|c| c["professor"] == professor));
    let code = course["code"].as_str().expect("code").to_lowercase();
    assert!(ids(&app.courses(&student, &[("q", &code)]).await).contains(&course["id"].as_i64().expect("id")));
    let too_short = app.call(&student, "courses/search", &[("q", " 가 ")]).await;
    assert_eq!(too_short.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let tuesdays = app.courses(&student, &[("weekday", "1"), ("credits", "3")]).await;
    for course in tuesdays["courses"].as_array().expect("list") {
        assert_eq!(course["credits"], 3);
        assert!(course["slots"].as_array().expect("slots").iter().any(|s| s["weekday"] == 1));
    }

    // Walk every page of one sort order: each course exactly once.
    let mut seen = HashSet::new();
    let mut offset = Some(0);
    while let Some(at) = offset {
        let page = app.courses(&student, &[("sort", "code"), ("offset", &at.to_string())]).await;
        for id in ids(&page) {
            assert!(seen.insert(id), "course {id} twice");
        }
        offset = page["next_offset"].as_i64();
    }
    assert!(seen.len() >= 300);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn touching_times_fit_and_one_minute_of_overlap_is_refused_naming_the_course() {
    let app = spawn_app().await;
    let (_, student) = app.signed_up_student().await;
    let timetable = app.new_timetable(&student, "내 시간표").await;

    assert_eq!(
        app.add_custom(&student, timetable, "스터디", 0, "10:00", "11:00").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.add_custom(&student, timetable, "알바", 0, "11:00", "12:00").await.status(),
        StatusCode::OK
    );
    let clash = app.add_custom(&student, timetable, "동아리", 0, "09:05", "10:05").await;
    assert_eq!(clash.status(), StatusCode::CONFLICT);
    assert_eq!(message(clash).await, "'스터디' 수업과 시간이 겹칩니다.");
    let inside = app.add_custom(&student, timetable, "동아리", 0, "11:30", "11:35").await;
    assert_eq!(message(inside).await, "'알바' 수업과 시간이 겹칩니다.");
    assert_eq!(
        app.add_custom(&student, timetable, "동아리", 1, "10:00", "11:00").await.status(),
        StatusCode::OK
    );
    let backwards = app.add_custom(&student, timetable, "거꾸로", 2, "12:00", "11:00").await;
    assert_eq!(backwards.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let off_step = app.add_custom(&student, timetable, "애매", 2, "12:03", "13:00").await;
    assert_eq!(off_step.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A catalogue course: added once, refused twice, and a custom entry on its time names it.
    let course = app.courses(&student, &[("weekday", "2")]).await["courses"]
        .as_array()
        .expect("list")
        .iter()
        .find(|c| {
            c["slots"].as_array().expect("slots").iter().all(|s| s["weekday"] != 0 && s["weekday"] != 1)
        })
        .cloned()
        .expect("a course on neither Monday nor Tuesday");
    let course_id = course["id"].as_i64().expect("id");
    assert_eq!(app.add_course(&student, timetable, course_id).await.status(), StatusCode::OK);
    let again = app.add_course(&student, timetable, course_id).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(message(again).await, "이미 시간표에 있는 수업입니다.");
    let slot = &course["slots"][0];
    let minute = |m: i64| format!("{:02}:{:02}", m / 60, m % 60);
    let start = slot["start_minute"].as_i64().expect("start");
    let clash = app
        .add_custom(
            &student,
            timetable,
            "겹치는 일정",
            slot["weekday"].as_i64().expect("day"),
            &minute(start),
            &minute(start + 5),
        )
        .await;
    assert_eq!(
        message(clash).await,
        format!("'{}' 수업과 시간이 겹칩니다.", course["name"].as_str().expect("name"))
    );

    let editor = app.editor(&student, Some(timetable)).await;
    let entries = editor["open"]["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 4);
    let after: Value = app
        .call(&student, "courses/get", &[("course_id", &course_id.to_string())])
        .await
        .json()
        .await
        .expect("course");
    assert_eq!(after["course"]["added_count"], 1);

    let entry = entries.iter().find(|e| e["course_id"] == course_id).expect("entry")["id"].to_string();
    assert_eq!(
        app.call(&student, "timetables/remove-entry", &[("entry_id", &entry)]).await.status(),
        StatusCode::OK
    );
    let after: Value = app
        .call(&student, "courses/get", &[("course_id", &course_id.to_string())])
        .await
        .json()
        .await
        .expect("course");
    assert_eq!(after["course"]["added_count"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_timetable_holds_at_most_thirty_entries() {
    let app = spawn_app().await;
    let (_, student) = app.signed_up_student().await;
    let timetable = app.new_timetable(&student, "꽉 찬 시간표").await;
    for n in 0..30 {
        let (day, hour) = (n % 7, 8 + n / 7);
        let response = app
            .add_custom(
                &student,
                timetable,
                &format!("일정{n}"),
                day,
                &format!("{hour:02}:00"),
                &format!("{hour:02}:50"),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let full = app.add_custom(&student, timetable, "하나 더", 0, "20:00", "21:00").await;
    assert_eq!(full.status(), StatusCode::CONFLICT);
    assert_eq!(message(full).await, "시간표에는 30개까지 추가할 수 있습니다.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn exactly_one_timetable_is_primary_even_under_concurrent_promotion() {
    let app = spawn_app().await;
    let (_, student) = app.signed_up_student().await;
    let first = app.new_timetable(&student, "첫 시간표").await;
    let duplicate = app.create_timetable(&student, "첫 시간표").await;
    assert_eq!(duplicate.status(), StatusCode::CONFLICT);
    let mut others = vec![];
    for n in 2..=6 {
        others.push(app.new_timetable(&student, &format!("시간표 {n}")).await);
    }
    let primaries = |editor: &Value| -> Vec<i64> {
        editor["timetables"]
            .as_array()
            .expect("list")
            .iter()
            .filter(|t| t["is_primary"] == true)
            .filter_map(|t| t["id"].as_i64())
            .collect()
    };
    assert_eq!(primaries(&app.editor(&student, None).await), [first], "the first one is primary");

    let calls = others
        .iter()
        .map(|id| app.spawn_call(&student, "timetables/primary", &[("timetable_id", &id.to_string())]))
        .collect();
    assert!(statuses(calls).await.iter().all(|s| *s == StatusCode::OK));
    let now_primary = primaries(&app.editor(&student, None).await);
    assert_eq!(now_primary.len(), 1);
    assert!(others.contains(&now_primary[0]));

    // Deleting the primary hands the role to the oldest remaining timetable.
    let deleted = now_primary[0].to_string();
    assert_eq!(
        app.call(&student, "timetables/delete", &[("timetable_id", &deleted)]).await.status(),
        StatusCode::OK
    );
    assert_eq!(primaries(&app.editor(&student, None).await), [first]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn visibility_decides_who_sees_a_primary_timetable() {
    let app = spawn_app().await;
    let (owner, owner_client) = app.signed_up_student().await;
    let (_, classmate) = app.signed_up_student().await;
    let (_, outsider) = app.student_of(1).await;
    let timetable = app.new_timetable(&owner_client, "공개 시험").await;
    app.add_custom(&owner_client, timetable, "비밀 일정", 3, "15:00", "16:00").await;
    let id = timetable.to_string();
    let view = |client: Client| {
        let app = &app;
        let username = owner.username.clone();
        async move {
            let response = app.call(&client, "timetables/of", &[("username", &username)]).await;
            let status = response.status();
            (status, response.json::<Value>().await.unwrap_or_default())
        }
    };
    // A classmate who is not a friend: what the call says, and what the page tells them instead.
    let not_shown = [
        ("public", None),
        ("friends", Some(("FriendsOnly", "친구에게만 공개된 시간표입니다"))),
        ("private", Some(("Private", "비공개 시간표입니다"))),
    ];
    for (visibility, hidden) in not_shown {
        let shown_to_classmate = hidden.is_none();
        let set = app
            .call(
                &owner_client,
                "timetables/visibility",
                &[("timetable_id", &id), ("visibility", visibility)],
            )
            .await;
        assert_eq!(set.status(), StatusCode::OK);
        let (status, own) = view(owner_client.clone()).await;
        assert_eq!(status, StatusCode::OK);
        assert!(own["timetable"].is_object(), "the owner always sees it ({visibility})");
        let (status, theirs) = view(classmate.clone()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(theirs["timetable"].is_object(), shown_to_classmate, "visibility {visibility}");
        if let Some((outcome, notice)) = hidden {
            assert_eq!(theirs["timetable"], outcome, "visibility {visibility}");
            assert!(!theirs.to_string().contains("비밀 일정"), "nothing of it in the answer");
            let html = classmate
                .get(app.url(&format!("/users/{}/timetable", owner.username)))
                .send()
                .await
                .expect("page");
            let html = html.text().await.expect("html");
            assert!(html.contains(notice) && !html.contains("비밀 일정"), "visibility {visibility}");
        }
        assert_eq!(view(outsider.clone()).await.0, StatusCode::NOT_FOUND, "another school");
        assert_eq!(view(new_client()).await.0, StatusCode::UNAUTHORIZED, "logged out");
    }
    let bad = app
        .call(&owner_client, "timetables/visibility", &[("timetable_id", &id), ("visibility", "everyone")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Nobody else can change, fill or delete someone's timetable: it is simply not found.
    for (endpoint, extra) in [
        ("timetables/visibility", ("visibility", "public")),
        ("timetables/rename", ("name", "남의 것")),
        ("timetables/delete", ("x", "")),
        ("timetables/primary", ("x", "")),
    ] {
        let response = app.call(&classmate, endpoint, &[("timetable_id", &id), extra]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{endpoint}");
    }
    let sneaky = app.add_custom(&classmate, timetable, "끼워넣기", 4, "09:00", "10:00").await;
    assert_eq!(sneaky.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_review_per_student_and_the_average_follows_across_semesters() {
    let app = spawn_app().await;
    let (first, first_client) = app.signed_up_student().await;
    let (_, second_client) = app.signed_up_student().await;
    // A course of this semester whose (name, professor) was also taught in an earlier one.
    let mut course = Value::Null;
    let mut twin = Value::Null;
    for candidate in app.courses(&first_client, &[]).await["courses"].as_array().expect("courses") {
        let professor = candidate["professor"].as_str().expect("professor");
        let taught: Value = app
            .call(&first_client, "professors/get", &[("name", professor)])
            .await
            .json()
            .await
            .expect("json");
        let earlier = taught["courses"]
            .as_array()
            .expect("courses")
            .iter()
            .find(|c| c["name"] == candidate["name"] && c["semester"] != candidate["semester"]);
        if let Some(earlier) = earlier {
            (course, twin) = (candidate.clone(), earlier.clone());
            break;
        }
    }
    assert!(!twin.is_null(), "the generated catalogue repeats courses across semesters");
    let course_id = course["id"].as_i64().expect("id").to_string();
    assert_eq!(
        review(&app, &first_client, &course_id, "5", "설명이 친절하고 과제가 도움이 됩니다.").await.status(),
        StatusCode::OK
    );
    let again = review(&app, &first_client, &course_id, "1", "다시 써 보는 강의평입니다.").await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(
        review(&app, &second_client, &course_id, "5", "짧음").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        review(&app, &second_client, &course_id, "6", "별점이 범위를 넘습니다.").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        review(&app, &second_client, &course_id, "2", "시험이 어렵고 채점이 깐깐합니다.").await.status(),
        StatusCode::OK
    );

    let detail = app.call(&second_client, "courses/get", &[("course_id", &course_id)]).await;
    let text = detail.text().await.expect("json");
    assert!(!text.contains(&first.username) && !text.contains(&first.nickname), "reviews are anonymous");
    let detail: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(detail["course"]["rating"], serde_json::json!({ "count": 2, "total": 7 }));
    assert_eq!(detail["summary"]["stars"], serde_json::json!([0, 1, 0, 0, 1]));
    assert_eq!(detail["reviewed_by_me"], true);
    let mine: Vec<bool> =
        detail["reviews"].as_array().expect("reviews").iter().map(|r| r["is_mine"] == true).collect();
    assert_eq!(mine, [true, false]);

    // The same course name and professor in another semester shares the reviews: its own page shows both.
    let twin_detail: Value = app
        .call(&first_client, "courses/get", &[("course_id", &twin["id"].to_string())])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(twin_detail["course"]["rating"], serde_json::json!({ "count": 2, "total": 7 }));
    assert_eq!(twin_detail["reviews"].as_array().expect("reviews").len(), 2, "the reviews follow the pair");
    assert_eq!(twin_detail["reviewed_by_me"], true);

    // Deleting a review takes it out of the average.
    let first_review = detail["reviews"][1]["id"].to_string();
    let not_theirs = app.call(&second_client, "reviews/delete", &[("review_id", &first_review)]).await;
    assert_eq!(not_theirs.status(), StatusCode::NOT_FOUND);
    let second_review =
        detail["reviews"].as_array().expect("reviews").iter().find(|r| r["is_mine"] == true).expect("own")
            ["id"]
            .to_string();
    assert_eq!(
        app.call(&second_client, "reviews/delete", &[("review_id", &second_review)]).await.status(),
        StatusCode::OK
    );
    let after: Value = app
        .call(&first_client, "courses/get", &[("course_id", &course_id)])
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(after["course"]["rating"], serde_json::json!({ "count": 1, "total": 5 }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn another_schools_catalogue_reviews_and_students_are_not_found() {
    let app = spawn_app().await;
    let (student, client) = app.signed_up_student().await;
    let (_, outsider) = app.student_of(1).await;
    let course = app.courses(&client, &[]).await["courses"][0].clone();
    let course_id = course["id"].as_i64().expect("id");

    let theirs = app.call(&outsider, "courses/get", &[("course_id", &course_id.to_string())]).await;
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    assert!(!ids(&app.courses(&outsider, &[]).await).contains(&course_id), "search stays in the school");
    let their_timetable = app.new_timetable(&outsider, "남의 학교").await;
    assert_eq!(app.add_course(&outsider, their_timetable, course_id).await.status(), StatusCode::NOT_FOUND);
    let professor = course["professor"].as_str().expect("professor");
    let lookup = app.call(&outsider, "professors/get", &[("name", professor)]).await;
    let found_there = lookup.status() == StatusCode::OK
        && lookup.json::<Value>().await.expect("json")["courses"]
            .as_array()
            .is_some_and(|courses| courses.iter().any(|c| c["id"] == course_id));
    assert!(!found_there);
    let their_view = app.call(&outsider, "timetables/of", &[("username", &student.username)]).await;
    assert_eq!(their_view.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_course_from_another_semester_does_not_fit_and_professors_are_found_by_name() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let timetable = app.new_timetable(&client, "이번 학기").await;
    let previous = current_semester().previous().0.to_string();
    let old =
        app.courses(&client, &[("semester", &previous)]).await["courses"][0]["id"].as_i64().expect("id");
    let response = app.add_course(&client, timetable, old).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(message(response).await, "다른 학기의 수업은 이 시간표에 추가할 수 없습니다.");

    let course = app.courses(&client, &[]).await["courses"][0].clone();
    let professor = course["professor"].as_str().expect("professor");
    let surname_and_more: String = professor.chars().take(2).collect();
    let found: Value =
        app.call(&client, "professors/search", &[("q", &surname_and_more)]).await.json().await.expect("json");
    assert!(found.as_array().expect("list").iter().any(|p| p["name"] == professor));
    let detail: Value =
        app.call(&client, "professors/get", &[("name", professor)]).await.json().await.expect("json");
    let semesters: HashSet<i64> = detail["courses"]
        .as_array()
        .expect("courses")
        .iter()
        .filter_map(|c| c["semester"].as_i64())
        .collect();
    assert!(semesters.len() >= 2, "past and present courses: {semesters:?}");
    let nobody = app.call(&client, "professors/get", &[("name", "없는교수")]).await;
    assert_eq!(nobody.status(), StatusCode::NOT_FOUND);
}

/// The statuses of `form` sent to `endpoint` by `client` six times at the same moment.
async fn six_at_once(
    app: &TestApp,
    client: &Client,
    endpoint: &str,
    forms: &[Vec<(&str, String)>],
) -> Vec<StatusCode> {
    let calls = forms
        .iter()
        .map(|form| {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.spawn_call(client, endpoint, &form)
        })
        .collect();
    statuses(calls).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn entries_sent_at_once_never_clash_or_overfill_a_timetable() {
    let app = spawn_app().await;
    let (_, student) = app.signed_up_student().await;
    let timetable = app.new_timetable(&student, "동시에 추가").await;
    let custom = |name: String, weekday: i64, start: &str, end: &str| {
        vec![
            ("timetable_id", timetable.to_string()),
            ("name", name),
            ("weekday", weekday.to_string()),
            ("start", start.to_owned()),
            ("end", end.to_owned()),
        ]
    };

    // Six events at the same hour: one fits, and each other is refused naming the clash.
    let same_hour: Vec<_> = (0..6).map(|n| custom(format!("겹치는 일정{n}"), 0, "09:00", "10:00")).collect();
    let statuses = six_at_once(&app, &student, "timetables/add-custom", &same_hour).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::CONFLICT), "{statuses:?}");

    // Up to 28 entries, then six at once that all fit in time: two more fill the timetable.
    for n in 1..28 {
        let (day, hour) = (n % 7, 10 + n / 7);
        let response = app
            .add_custom(
                &student,
                timetable,
                &format!("일정{n}"),
                day,
                &format!("{hour:02}:00"),
                &format!("{hour:02}:50"),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let late: Vec<_> = (0..6).map(|n| custom(format!("늦은 일정{n}"), n, "21:00", "22:00")).collect();
    let statuses = six_at_once(&app, &student, "timetables/add-custom", &late).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 2, "{statuses:?}");
    let open = app.editor(&student, Some(timetable)).await;
    assert_eq!(open["open"]["entries"].as_array().expect("entries").len(), 30);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_review_sent_six_times_at_once_counts_once() {
    let app = spawn_app().await;
    let (_, student) = app.signed_up_student().await;
    let course = app.courses(&student, &[]).await["courses"][0]["id"].to_string();
    let form = |n: usize| {
        vec![
            ("course_id", course.clone()),
            ("stars", "4".to_owned()),
            ("body", format!("동시에 보낸 강의평 {n}번입니다.")),
            ("assignments", "many".to_owned()),
            ("team_projects", "average".to_owned()),
            ("grading", "average".to_owned()),
            ("attendance", "mixed".to_owned()),
            ("exams", "2".to_owned()),
        ]
    };
    let forms: Vec<_> = (0..6).map(form).collect();
    let statuses = six_at_once(&app, &student, "reviews/write", &forms).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    let detail: Value =
        app.call(&student, "courses/get", &[("course_id", &course)]).await.json().await.expect("json");
    assert_eq!(detail["course"]["rating"], serde_json::json!({ "count": 1, "total": 4 }));
}
