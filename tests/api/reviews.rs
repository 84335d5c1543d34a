//! The 강의평 screen over HTTP: the school's newest reviews and one's own, paged by twenty and naming no
//! author; the search of reviewed courses by name or professor; and how a course's reviews answered each
//! detail question.

use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

use crate::helpers::*;

/// The answers a test review gives, besides its stars.
struct Answers {
    assignments: &'static str,
    team_projects: &'static str,
    grading: &'static str,
    attendance: &'static str,
    exams: &'static str,
}

const TYPICAL: Answers = Answers {
    assignments: "average",
    team_projects: "none",
    grading: "lenient",
    attendance: "electronic",
    exams: "2",
};

async fn write_review(
    app: &TestApp,
    client: &Client,
    course_id: i64,
    stars: &str,
    answers: &Answers,
) -> Response {
    let course_id = course_id.to_string();
    let form = [
        ("course_id", course_id.as_str()),
        ("stars", stars),
        ("body", "수업이 알차고 설명이 친절했습니다."),
        ("assignments", answers.assignments),
        ("team_projects", answers.team_projects),
        ("grading", answers.grading),
        ("attendance", answers.attendance),
        ("exams", answers.exams),
    ];
    app.call(client, "reviews/write", &form).await
}

async fn json_of(app: &TestApp, client: &Client, endpoint: &str, form: &[(&str, &str)]) -> Value {
    let response = app.call(client, endpoint, form).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{endpoint}: {}",
        response.text().await.unwrap_or_default()
    );
    response.json().await.expect("json")
}

/// `n` courses of the current catalogue with distinct (name, professor) pairs: `(id, name, professor)`.
async fn distinct_courses(app: &TestApp, client: &Client, n: usize) -> Vec<(i64, String, String)> {
    let page = json_of(app, client, "courses/search", &[("sort", "code")]).await;
    let mut found: Vec<(i64, String, String)> = Vec::new();
    for course in page["courses"].as_array().expect("courses") {
        let pair = (course["name"].as_str().expect("name"), course["professor"].as_str().expect("professor"));
        if !found.iter().any(|(_, name, professor)| (name.as_str(), professor.as_str()) == pair) {
            found.push((course["id"].as_i64().expect("id"), pair.0.to_owned(), pair.1.to_owned()));
        }
    }
    assert!(found.len() >= n, "the catalogue's first page has {n} distinct courses");
    found.truncate(n);
    found
}

fn review_ids(page: &Value) -> Vec<i64> {
    page["reviews"]
        .as_array()
        .expect("reviews")
        .iter()
        .map(|e| e["review"]["id"].as_i64().expect("id"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_schools_newest_reviews_page_by_twenty_newest_first_and_name_no_one() {
    let app = spawn_app().await;
    let (first, first_client) = app.signed_up_student().await;
    let (second, second_client) = app.signed_up_student().await;
    let (_, reader) = app.signed_up_student().await;
    let (_, outsider) = app.student_of(1).await;
    let courses = distinct_courses(&app, &first_client, 11).await;
    for (id, _, _) in &courses {
        for client in [&first_client, &second_client] {
            assert_eq!(write_review(&app, client, *id, "4", &TYPICAL).await.status(), StatusCode::OK);
        }
    }

    let response = app.call(&reader, "reviews/recent", &[]).await;
    let text = response.text().await.expect("body");
    for identifier in [&first.username, &first.nickname, &second.username, &second.nickname] {
        assert!(!text.contains(identifier.as_str()), "a review list names its authors: {identifier}");
    }
    let page: Value = serde_json::from_str(&text).expect("json");
    let ids = review_ids(&page);
    assert_eq!(ids.len(), 20, "a page holds twenty reviews");
    assert!(ids.windows(2).all(|pair| pair[0] > pair[1]), "newest first: {ids:?}");
    assert_eq!(page["next_cursor"].as_i64(), ids.last().copied());
    let newest = &page["reviews"][0];
    assert_eq!(newest["course"]["course_id"].as_i64(), Some(courses[10].0), "the newest review's course");
    assert_eq!(newest["course"]["name"], courses[10].1.as_str());
    assert_eq!(newest["review"]["is_mine"], false);

    let cursor = ids.last().expect("a last review").to_string();
    let rest = json_of(&app, &reader, "reviews/recent", &[("before", &cursor)]).await;
    let rest_ids = review_ids(&rest);
    assert_eq!(rest_ids.len(), 2);
    assert!(rest_ids.iter().all(|id| id < ids.last().expect("last")));
    assert!(rest["next_cursor"].is_null(), "the last page has no next");

    // Another school reads its own reviews only: none.
    let theirs = json_of(&app, &outsider, "reviews/recent", &[]).await;
    assert_eq!(review_ids(&theirs), Vec::<i64>::new());

    // 내 강의평: the first student's eleven, each marked as theirs; the reader has none.
    let mine = json_of(&app, &first_client, "reviews/mine", &[]).await;
    assert_eq!(review_ids(&mine).len(), 11);
    assert!(mine["reviews"].as_array().expect("reviews").iter().all(|e| e["review"]["is_mine"] == true));
    assert!(mine["next_cursor"].is_null());
    assert_eq!(review_ids(&json_of(&app, &reader, "reviews/mine", &[]).await), Vec::<i64>::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_review_search_finds_reviewed_courses_by_name_or_professor_and_needs_two_characters() {
    let app = spawn_app().await;
    let (_, first) = app.signed_up_student().await;
    let (_, second) = app.signed_up_student().await;
    let (_, outsider) = app.student_of(1).await;
    let courses = distinct_courses(&app, &first, 2).await;
    let (reviewed, name, professor) = &courses[0];
    let (unreviewed, _, _) = &courses[1];
    assert_eq!(write_review(&app, &first, *reviewed, "5", &TYPICAL).await.status(), StatusCode::OK);
    assert_eq!(write_review(&app, &second, *reviewed, "2", &TYPICAL).await.status(), StatusCode::OK);

    for query in [name.as_str(), professor.as_str()] {
        let found = json_of(&app, &second, "reviews/search", &[("q", query)]).await;
        let hits = found["courses"].as_array().expect("courses");
        let hit = hits.iter().find(|c| c["course"]["name"] == name.as_str()).expect("the reviewed course");
        assert_eq!(hit["course"]["professor"], professor.as_str());
        assert_eq!(hit["rating"], serde_json::json!({ "count": 2, "total": 7 }));
        assert!(
            hits.iter().all(|c| c["course"]["course_id"].as_i64() != Some(*unreviewed)),
            "only courses with reviews are found"
        );
    }
    let elsewhere = json_of(&app, &outsider, "reviews/search", &[("q", name)]).await;
    assert!(
        elsewhere["courses"]
            .as_array()
            .expect("courses")
            .iter()
            .all(|c| c["course"]["professor"] != professor.as_str()),
        "another school's reviews are not found"
    );

    let short = app.call(&first, "reviews/search", &[("q", "a")]).await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.text().await.expect("body").contains("2자 이상"), "the refusal says why, in Korean");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_courses_summary_counts_every_answer_to_every_question() {
    let app = spawn_app().await;
    let students =
        [app.signed_up_student().await.1, app.signed_up_student().await.1, app.signed_up_student().await.1];
    let course = distinct_courses(&app, &students[0], 1).await[0].0;
    let answers = [
        (
            "5",
            Answers {
                assignments: "many",
                team_projects: "none",
                grading: "strict",
                attendance: "roll_call",
                exams: "2",
            },
        ),
        (
            "4",
            Answers {
                assignments: "many",
                team_projects: "average",
                grading: "strict",
                attendance: "electronic",
                exams: "2",
            },
        ),
        (
            "1",
            Answers {
                assignments: "none",
                team_projects: "none",
                grading: "lenient",
                attendance: "roll_call",
                exams: "0",
            },
        ),
    ];
    for (client, (stars, answers)) in students.iter().zip(&answers) {
        assert_eq!(write_review(&app, client, course, stars, answers).await.status(), StatusCode::OK);
    }

    let detail = json_of(&app, &students[0], "courses/get", &[("course_id", &course.to_string())]).await;
    let summary = &detail["summary"];
    let tally = |question: &str| -> Vec<(String, i64)> {
        summary[question]
            .as_array()
            .expect("tallies")
            .iter()
            .map(|t| {
                (t["answer"].to_string().trim_matches('"').to_owned(), t["count"].as_i64().expect("count"))
            })
            .collect()
    };
    let expect = |pairs: &[(&str, i64)]| -> Vec<(String, i64)> {
        pairs.iter().map(|(answer, count)| ((*answer).to_owned(), *count)).collect()
    };
    assert_eq!(summary["stars"], serde_json::json!([1, 0, 0, 1, 1]));
    // Every answer in the form's order, zero counts included.
    assert_eq!(tally("assignments"), expect(&[("many", 2), ("average", 0), ("none", 1)]));
    assert_eq!(tally("team_projects"), expect(&[("many", 0), ("average", 1), ("none", 2)]));
    assert_eq!(tally("grading"), expect(&[("lenient", 1), ("average", 0), ("strict", 2)]));
    assert_eq!(
        tally("attendance"),
        expect(&[
            ("mixed", 0),
            ("roll_call", 2),
            ("assigned_seats", 0),
            ("electronic", 1),
            ("not_counted", 0)
        ])
    );
    // Exam counts that some review gave, fewest first.
    assert_eq!(tally("exams"), expect(&[("0", 1), ("2", 2)]));
}
