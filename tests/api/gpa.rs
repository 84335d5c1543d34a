//! 학점계산기: the GPA arithmetic against worked examples, the limits (under concurrency too), the scale
//! rules, privacy and the import from a timetable, over HTTP on both databases.

use campus::model::gpa::{GpaBook, Imported};
use campus::model::timetable::Semester;
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

use crate::helpers::*;

impl TestApp {
    async fn gpa(&self, client: &Client) -> GpaBook {
        let response = self.call(client, "gpa", &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.expect("book")
    }

    async fn new_term(&self, client: &Client, name: &str) -> i64 {
        let response = self.call(client, "gpa/terms/create", &[("name", name)]).await;
        ok_json(response).await
    }

    async fn add_gpa_course(
        &self,
        client: &Client,
        term: i64,
        name: &str,
        credits: &str,
        grade: &str,
        major: bool,
    ) -> Response {
        let term = term.to_string();
        let mut form =
            vec![("term_id", term.as_str()), ("name", name), ("credits", credits), ("grade", grade)];
        if major {
            form.push(("major", "on"));
        }
        self.call(client, "gpa/courses/add", &form).await
    }

    async fn set_scale(&self, client: &Client, scale: &str) -> Response {
        self.call(client, "gpa/scale", &[("scale", scale)]).await
    }
}

async fn ok_json<T: serde::de::DeserializeOwned>(response: Response) -> T {
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).expect("json")
}

async fn refusal(response: Response, status: StatusCode) -> campus::error::AppError {
    assert_eq!(response.status(), status);
    response.json().await.expect("an AppError")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_gpa_on_the_4_5_scale_matches_a_worked_example() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let term = app.new_term(&client, "1학년 1학기").await;
    // (name, credits, grade, 전공)
    let courses = [
        ("자료구조", "3", "A+", false),
        ("알고리즘", "3", "B0", true),
        ("운영체제", "2", "C+", true),
        ("일반물리", "1", "F", false),
        ("채플", "2", "P", false),
        ("글쓰기", "1", "NP", true),
        ("캡스톤", "3", "", true),
    ];
    for (name, credits, grade, major) in courses {
        let response = app.add_gpa_course(&client, term, name, credits, grade, major).await;
        let _: i64 = ok_json(response).await;
    }
    let book = app.gpa(&client).await;
    // (4.5×3 + 3.0×3 + 2.5×2 + 0×1) / 9 = 27.5 / 9 = 3.0555… → 3.06: F counts with 0 points, P and NP
    // not at all, nor the course without a grade. 전공: (3.0×3 + 2.5×2) / 5 = 2.80. Earned: A+, B0, C+ and
    // P = 3 + 3 + 2 + 2 = 10 (F and NP earn nothing).
    let expected = ("3.06".to_owned(), "2.80".to_owned(), "10".to_owned());
    assert_eq!(book.summary.labels(), expected);
    assert_eq!(book.terms[0].summary.labels(), expected);
    assert_eq!(book.scale.to_string(), "4.5", "4.5 is the default");
    let listed: Vec<(&str, String, Option<String>, bool)> = book.terms[0]
        .courses
        .iter()
        .map(|c| (c.name.as_str(), c.credits.to_string(), c.grade.map(|g| g.to_string()), c.is_major))
        .collect();
    assert_eq!(listed[3], ("일반물리", "1".to_owned(), Some("F".to_owned()), false));
    assert_eq!(listed[6], ("캡스톤", "3".to_owned(), None, true));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_4_3_scale_has_minus_grades_and_the_4_5_scale_refuses_them() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let first = app.new_term(&client, "1학년 1학기").await;
    let second = app.new_term(&client, "1학년 2학기").await;

    // On 4.5 a minus grade is no grade: refused naming the field, nothing stored.
    let error = refusal(
        app.add_gpa_course(&client, first, "미적분", "3", "A-", false).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error.message_for("grade"), Some(campus::text::gpa::NO_MINUS_ON_45));
    assert!(app.gpa(&client).await.terms[0].courses.is_empty());

    let _: () = ok_json(app.set_scale(&client, "4.3").await).await;
    for (term, name, credits, grade, major) in [
        (first, "미적분", "3", "A-", true),
        (first, "선형대수", "3", "B+", true),
        (second, "세미나", "1.5", "B-", false),
        (second, "영어", "2", "A+", false),
    ] {
        let _: i64 = ok_json(app.add_gpa_course(&client, term, name, credits, grade, major).await).await;
    }
    let book = app.gpa(&client).await;
    // First term: (3.7×3 + 3.3×3) / 6 = 21 / 6 = 3.50. Second: (2.7×1.5 + 4.3×2) / 3.5 = 12.65 / 3.5
    // = 3.614… → 3.61. Together: 33.65 / 9.5 = 3.542… → 3.54; 전공 = the first term's 3.50.
    assert_eq!(book.terms[0].summary.labels(), ("3.50".into(), "3.50".into(), "6".into()));
    assert_eq!(book.terms[1].summary.labels(), ("3.61".into(), "-".into(), "3.5".into()));
    assert_eq!(book.summary.labels(), ("3.54".into(), "3.50".into(), "9.5".into()));

    // Back to 4.5 is refused while minus grades are stored; once they are gone it is allowed, and the same
    // letters count on the new scale (A+ 4.5).
    let error = refusal(app.set_scale(&client, "4.5").await, StatusCode::CONFLICT).await;
    assert!(error.to_string().contains('2'), "{error}");
    for course in book.terms.iter().flat_map(|t| &t.courses).filter(|c| c.grade.is_some_and(|g| g.is_minus()))
    {
        let id = course.id.to_string();
        let form =
            [("course_id", id.as_str()), ("name", course.name.as_str()), ("credits", "3"), ("grade", "B0")];
        let _: () = ok_json(app.call(&client, "gpa/courses/edit", &form).await).await;
    }
    let _: () = ok_json(app.set_scale(&client, "4.5").await).await;
    let book = app.gpa(&client).await;
    // (3.0×3 + 3.5×3 + 3.0×3 + 4.5×2) / 11 = 37.5 / 11 = 3.409… → 3.41.
    assert_eq!(book.summary.overall.label(), "3.41");
    let error = refusal(app.set_scale(&client, "4.0").await, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(error.message_for("scale"), Some(campus::text::gpa::SCALE_INVALID));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn terms_and_courses_keep_their_limits_and_names() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let term = app.new_term(&client, "  2학년 1학기  ").await;
    assert_eq!(app.gpa(&client).await.terms[0].name, "2학년 1학기", "trimmed");

    // Credits: 0–10 in half steps.
    for good in ["0", "0.5", "10", "4.0"] {
        let response = app.add_gpa_course(&client, term, &format!("과목 {good}"), good, "A0", false).await;
        let _: i64 = ok_json(response).await;
    }
    for bad in ["10.5", "-1", "1.25", "abc", "", "３"] {
        let error = refusal(
            app.add_gpa_course(&client, term, "학점 오류", bad, "A0", false).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(error.message_for("credits"), Some(campus::text::gpa::CREDITS_INVALID), "{bad:?}");
    }
    let error = refusal(
        app.add_gpa_course(&client, term, "성적 오류", "3", "A++", false).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error.message_for("grade"), Some(campus::text::gpa::GRADE_INVALID));
    let long = "가".repeat(31);
    let error = refusal(
        app.add_gpa_course(&client, term, &long, "3", "A0", false).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error.message_for("name"), Some(campus::text::gpa::COURSE_NAME_TOO_LONG));
    // A name once per term, whether added or renamed to.
    refusal(app.add_gpa_course(&client, term, "과목 0", "3", "A0", false).await, StatusCode::CONFLICT).await;
    let book = app.gpa(&client).await;
    let id = book.terms[0].courses[1].id.to_string();
    let form = [("course_id", id.as_str()), ("name", "과목 0"), ("credits", "3"), ("grade", "")];
    refusal(app.call(&client, "gpa/courses/edit", &form).await, StatusCode::CONFLICT).await;

    // At most 30 courses a term.
    for n in 4..30 {
        let _: i64 =
            ok_json(app.add_gpa_course(&client, term, &format!("채움 {n}"), "1", "P", false).await).await;
    }
    let error =
        refusal(app.add_gpa_course(&client, term, "서른한째", "1", "P", false).await, StatusCode::CONFLICT)
            .await;
    assert_eq!(error.to_string(), campus::text::gpa::TOO_MANY_COURSES);

    // At most 20 terms; a term's name is required and at most 20 characters.
    for n in 1..20 {
        app.new_term(&client, &format!("학기 {n}")).await;
    }
    let error =
        refusal(app.call(&client, "gpa/terms/create", &[("name", "스물한째")]).await, StatusCode::CONFLICT)
            .await;
    assert_eq!(error.to_string(), campus::text::gpa::TOO_MANY_TERMS);
    let error = refusal(
        app.call(&client, "gpa/terms/rename", &[("term_id", &term.to_string()), ("name", "\u{3164}")]).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error.message_for("name"), Some(campus::text::gpa::TERM_NAME_REQUIRED));
    let error = refusal(
        app.call(&client, "gpa/terms/rename", &[("term_id", &term.to_string()), ("name", &"학".repeat(21))])
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(error.message_for("name"), Some(campus::text::gpa::TERM_NAME_TOO_LONG));

    // Deleting a term deletes its courses, and frees a place.
    let _: () = ok_json(app.call(&client, "gpa/terms/delete", &[("term_id", &term.to_string())]).await).await;
    let book = app.gpa(&client).await;
    assert_eq!(book.terms.len(), 19);
    assert!(book.terms.iter().all(|t| t.courses.is_empty()));
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM gpa_courses")
        .fetch_one(app.db().pool())
        .await
        .expect("count");
    assert_eq!(count, 0);
    app.new_term(&client, "다시 스무째").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_limits_hold_under_concurrent_requests() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let term = app.new_term(&client, "동시에").await.to_string();
    let names: Vec<String> = (0..40).map(|n| format!("동시 과목 {n}")).collect();
    let handles = names
        .iter()
        .map(|name| {
            app.spawn_call(
                &client,
                "gpa/courses/add",
                &[("term_id", &term), ("name", name), ("credits", "1"), ("grade", "A0")],
            )
        })
        .collect();
    let outcomes = statuses(handles).await;
    assert_eq!(outcomes.iter().filter(|s| **s == StatusCode::OK).count(), 30, "{outcomes:?}");
    assert!(outcomes.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::CONFLICT), "{outcomes:?}");
    assert_eq!(app.gpa(&client).await.terms[0].courses.len(), 30);

    let names: Vec<String> = (0..30).map(|n| format!("학기 {n}")).collect();
    let handles =
        names.iter().map(|name| app.spawn_call(&client, "gpa/terms/create", &[("name", name)])).collect();
    let outcomes = statuses(handles).await;
    // One term exists already: 19 more fit.
    assert_eq!(outcomes.iter().filter(|s| **s == StatusCode::OK).count(), 19, "{outcomes:?}");
    assert_eq!(app.gpa(&client).await.terms.len(), 20);

    // The same name added at once lands once.
    let term = app.gpa(&client).await.terms[1].id.to_string();
    let handles = (0..8)
        .map(|_| {
            app.spawn_call(
                &client,
                "gpa/courses/add",
                &[("term_id", &term), ("name", "같은 이름"), ("credits", "3"), ("grade", "")],
            )
        })
        .collect();
    let outcomes = statuses(handles).await;
    assert_eq!(outcomes.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{outcomes:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_student_sees_and_changes_only_their_own() {
    let app = spawn_app().await;
    let (_, owner) = app.signed_up_student().await;
    let (_, other) = app.signed_up_student().await;
    let term = app.new_term(&owner, "주인의 학기").await;
    let course: i64 = ok_json(app.add_gpa_course(&owner, term, "주인의 과목", "3", "A+", true).await).await;
    let _: () = ok_json(app.set_scale(&owner, "4.3").await).await;

    let book = app.gpa(&other).await;
    assert!(book.terms.is_empty());
    assert_eq!(book.scale.to_string(), "4.5", "the scale is per student");
    let (term, course) = (term.to_string(), course.to_string());
    for (endpoint, form) in [
        ("gpa/terms/rename", vec![("term_id", term.as_str()), ("name", "남의 학기")]),
        ("gpa/terms/delete", vec![("term_id", term.as_str())]),
        (
            "gpa/courses/add",
            vec![("term_id", term.as_str()), ("name", "끼어들기"), ("credits", "3"), ("grade", "")],
        ),
        (
            "gpa/courses/edit",
            vec![("course_id", course.as_str()), ("name", "고침"), ("credits", "3"), ("grade", "F")],
        ),
        ("gpa/courses/delete", vec![("course_id", course.as_str())]),
    ] {
        let response = app.call(&other, endpoint, &form).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{endpoint}");
    }
    let book = app.gpa(&owner).await;
    assert_eq!(book.terms[0].name, "주인의 학기");
    assert_eq!(book.terms[0].courses[0].name, "주인의 과목");
    assert_eq!(book.summary.overall.label(), "4.30");
    let response = app.call(&new_client(), "gpa", &[]).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

/// Adds catalogue courses of distinct names of the current semester to the timetable until `n` fit (a clash
/// is skipped); returns
/// their (name, credits, category).
async fn fill_timetable(
    app: &TestApp,
    client: &Client,
    timetable: i64,
    n: usize,
) -> Vec<(String, i64, String)> {
    let page: Value = ok_json(app.call(client, "courses/search", &[]).await).await;
    let mut added: Vec<(String, i64, String)> = Vec::new();
    for course in page["courses"].as_array().expect("courses") {
        if added.len() == n {
            break;
        }
        // Sections of one course share its name (and a term lists a name once): one of each.
        if added.iter().any(|(name, _, _)| course["name"].as_str() == Some(name.as_str())) {
            continue;
        }
        let (id, timetable) = (course["id"].to_string(), timetable.to_string());
        let response = app
            .call(client, "timetables/add-course", &[("timetable_id", &timetable), ("course_id", &id)])
            .await;
        if response.status() == StatusCode::OK {
            let name = course["name"].as_str().expect("name").to_owned();
            let category = course["category"].as_str().expect("category").to_owned();
            added.push((name, course["credits"].as_i64().expect("credits"), category));
        }
    }
    assert_eq!(added.len(), n, "enough courses fit");
    added
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_timetable_imports_in_one_tap_once_and_without_its_custom_entries() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let semester = Semester::current(campus::server::now());
    let form = [("semester", semester.0.to_string()), ("name", "내 시간표".to_owned())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let timetable: i64 = ok_json(app.call(&client, "timetables/create", &form).await).await;
    let courses = fill_timetable(&app, &client, timetable, 3).await;
    let custom = [
        ("timetable_id", timetable.to_string()),
        ("name", "알바".into()),
        ("weekday", "6".into()),
        ("start", "22:00".into()),
        ("end", "23:00".into()),
    ];
    let custom: Vec<(&str, &str)> = custom.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let _: i64 = ok_json(app.call(&client, "timetables/add-custom", &custom).await).await;

    let book = app.gpa(&client).await;
    assert_eq!(book.sources.len(), 1);
    assert!(book.sources[0].label.contains("내 시간표"), "{:?}", book.sources);

    // No term named: the courses go into a new term named after the timetable's semester.
    let imported: Imported =
        ok_json(app.call(&client, "gpa/import", &[("timetable_id", &timetable.to_string())]).await).await;
    assert_eq!((imported.added, imported.skipped), (3, 1), "the custom entry has no credits and is skipped");
    let book = app.gpa(&client).await;
    assert_eq!(book.terms.len(), 1);
    assert_eq!(book.terms[0].name, semester.to_string());
    let rows: Vec<(String, String, bool)> =
        book.terms[0].courses.iter().map(|c| (c.name.clone(), c.credits.to_string(), c.is_major)).collect();
    let wanted: Vec<(String, String, bool)> = courses
        .iter()
        .map(|(name, credits, category)| (name.clone(), credits.to_string(), category.starts_with("major")))
        .collect();
    assert_eq!(rows, wanted);
    assert!(book.terms[0].courses.iter().all(|c| c.grade.is_none()), "grades come later");
    assert_eq!(book.summary.labels(), ("-".into(), "-".into(), "0".into()));

    // Again: the same term, nothing duplicated.
    let again: Imported =
        ok_json(app.call(&client, "gpa/import", &[("timetable_id", &timetable.to_string())]).await).await;
    assert_eq!((again.term_id, again.added, again.skipped), (imported.term_id, 0, 4));

    // Into a chosen term that already has one of the courses by name: only the others are added.
    let term = app.new_term(&client, "직접 만든 학기").await;
    let _: i64 = ok_json(app.add_gpa_course(&client, term, &courses[0].0, "3", "A0", false).await).await;
    let form = [("timetable_id", timetable.to_string()), ("term_id", term.to_string())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let into: Imported = ok_json(app.call(&client, "gpa/import", &form).await).await;
    assert_eq!((into.term_id, into.added, into.skipped), (term, 2, 2));

    // Another student's timetable, or a term that is not the importer's, is not found; nothing changes.
    let (_, other) = app.signed_up_student().await;
    let response = app.call(&other, "gpa/import", &[("timetable_id", &timetable.to_string())]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let other_term = app.new_term(&other, "남의 학기").await;
    let form = [("timetable_id", timetable.to_string()), ("term_id", other_term.to_string())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.call(&client, "gpa/import", &form).await.status(), StatusCode::NOT_FOUND);
    assert!(app.gpa(&other).await.terms[0].courses.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_import_that_would_overfill_a_term_adds_nothing() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let semester = Semester::current(campus::server::now()).0.to_string();
    let timetable: i64 =
        ok_json(app.call(&client, "timetables/create", &[("semester", &semester), ("name", "꽉 찬")]).await)
            .await;
    fill_timetable(&app, &client, timetable, 2).await;
    let term = app.new_term(&client, "거의 찬 학기").await;
    for n in 0..29 {
        let _: i64 =
            ok_json(app.add_gpa_course(&client, term, &format!("과목 {n}"), "1", "P", false).await).await;
    }
    let form = [("timetable_id", timetable.to_string()), ("term_id", term.to_string())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    refusal(app.call(&client, "gpa/import", &form).await, StatusCode::CONFLICT).await;
    assert_eq!(app.gpa(&client).await.terms[0].courses.len(), 29, "all or nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn deleting_the_account_deletes_the_gpa_book() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let term = app.new_term(&client, "마지막 학기").await;
    let _: i64 = ok_json(app.add_gpa_course(&client, term, "졸업 프로젝트", "3", "A+", true).await).await;
    let _: () = ok_json(app.set_scale(&client, "4.3").await).await;
    let response = app.call(&client, "account/delete", &[("password", PASSWORD)]).await;
    assert_eq!(response.status(), StatusCode::OK);
    for table in ["gpa_courses", "gpa_terms", "gpa_settings"] {
        let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(app.db().pool())
            .await
            .expect("count");
        assert_eq!(count, 0, "{table}");
    }
}
