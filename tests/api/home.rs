//! The student's home (홈): 즐겨찾는 게시판 (pins: adding, removing, their order and limit, one's own school
//! only) and 실시간 인기 글 (a score kept by likes and comments: what raises and lowers it, how it ages out of
//! the window, and what never shows), with anonymous posts labelled 익명 and no author information.

use reqwest::{Client, StatusCode};
use serde_json::Value;

use crate::helpers::{error_json, new_client, spawn_app, spawn_app_with, statuses, Settings, TestApp};

const SLUGS: [&str; 9] =
    ["free", "secret", "alumni", "freshman", "market", "info", "promo", "clubs", "careers"];

async fn home(app: &TestApp, client: &Client) -> Value {
    let response = app.call(client, "home", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("home")
}

async fn pinned(app: &TestApp, client: &Client) -> Vec<i64> {
    app.call(client, "boards/pinned", &[]).await.json().await.expect("pinned boards")
}

async fn pin(app: &TestApp, client: &Client, board: i64, on: bool) -> reqwest::Response {
    app.call(client, "boards/pin", &[("board_id", &board.to_string()), ("pinned", &on.to_string())]).await
}

async fn boards(app: &TestApp, client: &Client) -> Vec<i64> {
    let mut ids = Vec::new();
    for slug in SLUGS {
        ids.push(app.board_id(client, slug).await);
    }
    ids
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array().expect("list").iter().filter_map(|post| post["id"].as_i64()).collect()
}

async fn like(app: &TestApp, client: &Client, post: i64) {
    let response = app.call(client, "posts/like", &[("post_id", &post.to_string())]).await;
    assert_eq!(response.status(), StatusCode::OK, "like");
}

async fn comment(app: &TestApp, client: &Client, post: i64) -> i64 {
    let response = app.comment(client, post, None, "좋은 글이네요", false).await;
    assert_eq!(response.status(), StatusCode::OK, "comment");
    response.json().await.expect("comment id")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pins_are_added_removed_kept_in_order_and_limited() {
    let app = spawn_app().await;
    let (_, me) = app.signed_up_student().await;
    let all = boards(&app, &me).await;
    assert!(pinned(&app, &me).await.is_empty());

    for board in [all[5], all[0], all[2]] {
        assert_eq!(pin(&app, &me, board, true).await.status(), StatusCode::OK);
    }
    // Pinning again changes nothing, the order included.
    assert_eq!(pin(&app, &me, all[5], true).await.status(), StatusCode::OK);
    assert_eq!(pinned(&app, &me).await, [all[5], all[0], all[2]]);

    // A pin taken off and put back goes last; taking off one that is not there is harmless.
    assert_eq!(pin(&app, &me, all[5], false).await.status(), StatusCode::OK);
    assert_eq!(pin(&app, &me, all[7], false).await.status(), StatusCode::OK);
    assert_eq!(pin(&app, &me, all[5], true).await.status(), StatusCode::OK);
    assert_eq!(pinned(&app, &me).await, [all[0], all[2], all[5]]);

    // The home lists them in that order.
    let names: Vec<i64> = home(&app, &me).await["pinned"]
        .as_array()
        .expect("pinned")
        .iter()
        .map(|board| board["board_id"].as_i64().expect("id"))
        .collect();
    assert_eq!(names, [all[0], all[2], all[5]]);

    // At most 8.
    for board in [all[1], all[3], all[4], all[6], all[7]] {
        assert_eq!(pin(&app, &me, board, true).await.status(), StatusCode::OK);
    }
    let refused = pin(&app, &me, all[8], true).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let message = error_json(refused).await.to_string();
    assert!(message.contains("8개까지"), "{message}");
    assert_eq!(pinned(&app, &me).await.len(), 8);
    // Pinning one that is pinned already is no new pin, even at the limit.
    assert_eq!(pin(&app, &me, all[0], true).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_pin_limit_holds_when_pins_race() {
    let app = spawn_app().await;
    let (_, me) = app.signed_up_student().await;
    let all = boards(&app, &me).await;
    let forms: Vec<[String; 2]> = all.iter().map(|board| [board.to_string(), "true".to_owned()]).collect();
    let handles = forms
        .iter()
        .map(|[board, on]| app.spawn_call(&me, "boards/pin", &[("board_id", board), ("pinned", on)]))
        .collect();
    let statuses = statuses(handles).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 8, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CONFLICT).count(), 1, "{statuses:?}");
    assert_eq!(pinned(&app, &me).await.len(), 8);
}

/// Whether the reader pinned the board, as the board page says it.
async fn board_page_pinned(app: &TestApp, client: &Client, board: i64) -> bool {
    app.board_page(client, board).await["pinned"].as_bool().expect("pinned")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_board_page_says_whether_its_reader_pinned_the_board_empty_or_not() {
    let app = spawn_app().await;
    let (_, me) = app.signed_up_student().await;
    let (_, classmate) = app.signed_up_student().await;
    let all = boards(&app, &me).await;
    let (busy, empty) = (all[0], all[8]);
    app.write_post(&classmate, busy, "글 하나", false).await;
    for board in [busy, empty] {
        assert!(!board_page_pinned(&app, &me, board).await, "board {board} before any pin");
        assert_eq!(pin(&app, &me, board, true).await.status(), StatusCode::OK);
        assert!(board_page_pinned(&app, &me, board).await, "board {board} pinned");
        // Another student's page of the same board is theirs: not pinned.
        assert!(!board_page_pinned(&app, &classmate, board).await, "board {board} for a classmate");
        assert_eq!(pin(&app, &me, board, false).await.status(), StatusCode::OK);
        assert!(!board_page_pinned(&app, &me, board).await, "board {board} unpinned");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn only_boards_of_ones_own_school_can_be_pinned() {
    let app = spawn_app().await;
    let (_, me) = app.signed_up_student().await;
    let (_, outsider) = app.student_of(1).await;
    let theirs = app.board_id(&outsider, "free").await;
    for board in [theirs, 9_999_999, -1] {
        let response = pin(&app, &me, board, true).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "board {board}");
    }
    assert!(pinned(&app, &me).await.is_empty());
    assert_eq!(
        app.call(&new_client(), "boards/pin", &[("board_id", "1"), ("pinned", "true")]).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_pinned_board_shows_its_newest_posts_and_anonymous_ones_as_anonymous() {
    let app = spawn_app().await;
    let (author, writer) = app.signed_up_student().await;
    let (_, reader) = app.signed_up_student().await;
    let (free, secret, info) = (
        app.board_id(&writer, "free").await,
        app.board_id(&writer, "secret").await,
        app.board_id(&writer, "info").await,
    );
    let oldest = app.write_post(&writer, free, "자유 첫 글", false).await;
    let older = app.write_post(&writer, free, "자유 둘째 글", false).await;
    let newest = app.write_post(&writer, free, "자유 셋째 글", true).await;
    let secret_post = app.write_post(&writer, secret, "비밀 글", false).await;
    app.write_post(&writer, info, "정보 글", false).await;
    for board in [secret, free] {
        assert_eq!(pin(&app, &reader, board, true).await.status(), StatusCode::OK);
    }

    let screen = home(&app, &reader).await;
    let boards = screen["pinned"].as_array().expect("pinned");
    assert_eq!(boards.len(), 2);
    assert_eq!(boards[0]["board_id"], secret);
    assert_eq!(ids(&boards[0]["posts"]), [secret_post]);
    assert_eq!(boards[1]["board_id"], free);
    assert_eq!(ids(&boards[1]["posts"]), [newest, older], "the two newest, newest first");
    assert_eq!(boards[0]["posts"][0]["author"], "Anonymous");
    assert_eq!(boards[1]["posts"][0]["author"], "Anonymous");
    assert_eq!(boards[1]["posts"][1]["author"]["Named"], author.nickname.as_str());
    assert!(!screen["pinned"].to_string().contains("정보 글"), "an unpinned board is not shown");

    // The anonymous posts' author appears nowhere in the answer: only the named post carries the nickname.
    let text = screen.to_string();
    assert_eq!(text.matches(author.nickname.as_str()).count(), 1, "{text}");
    assert!(!text.contains(&author.username));

    // A deleted post leaves the board's preview; the next newest takes its place.
    let deleted = app.call(&writer, "posts/delete", &[("post_id", &newest.to_string())]).await;
    assert_eq!(deleted.status(), StatusCode::OK);
    let screen = home(&app, &reader).await;
    assert_eq!(ids(&screen["pinned"][1]["posts"]), [older, oldest]);

    // The rendered home shows them, and a student without pins is told how to pin.
    let html = reader.get(app.url("/")).send().await.expect("home").text().await.expect("html");
    assert!(html.contains("자유 둘째 글") && html.contains("비밀 글"));
    let html = new_students_home(&app).await;
    assert!(html.contains("☆를 누르면"), "the empty state says how to pin");
}

/// The rendered home of a new student (who has pinned nothing).
async fn new_students_home(app: &TestApp) -> String {
    let (_, someone) = app.signed_up_student().await;
    someone.get(app.url("/")).send().await.expect("home").text().await.expect("html")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn likes_and_comments_raise_a_post_in_the_live_list_and_a_deleted_comment_lowers_it() {
    let app = spawn_app().await;
    let (_, writer) = app.signed_up_student().await;
    let readers = app.many_students(3).await;
    let free = app.board_id(&writer, "free").await;
    let first = app.write_post(&writer, free, "첫 글", false).await;
    let second = app.write_post(&writer, free, "둘째 글", false).await;
    let quiet = app.write_post(&writer, free, "조용한 글", false).await;
    assert!(ids(&home(&app, &readers[0]).await["trending"]).is_empty(), "no activity, no list");

    like(&app, &readers[0], first).await;
    assert_eq!(ids(&home(&app, &readers[0]).await["trending"]), [first]);

    like(&app, &readers[0], second).await;
    like(&app, &readers[1], second).await;
    assert_eq!(ids(&home(&app, &readers[0]).await["trending"]), [second, first]);

    // Two comments by others lift the first post above; the author's own comment counts nothing.
    let c1 = comment(&app, &readers[1], first).await;
    let _c2 = comment(&app, &readers[2], first).await;
    comment(&app, &writer, quiet).await;
    let trending = ids(&home(&app, &readers[0]).await["trending"]);
    assert_eq!(trending, [first, second]);

    // Deleting a comment takes its point back: the two are even again, and the newer post leads a tie.
    let deleted = app.call(&readers[1], "comments/delete", &[("comment_id", &c1.to_string())]).await;
    assert_eq!(deleted.status(), StatusCode::OK);
    assert_eq!(ids(&home(&app, &readers[0]).await["trending"]), [second, first]);
    let score: i64 = sqlx::query_scalar("SELECT heat FROM posts WHERE id = $1")
        .bind(first)
        .fetch_one(app.db().pool())
        .await
        .expect("heat");
    assert_eq!(score, 64, "two points of this hour");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn old_activity_ages_out_of_the_live_list() {
    let app = spawn_app().await;
    let (_, writer) = app.signed_up_student().await;
    let readers = app.many_students(3).await;
    let free = app.board_id(&writer, "free").await;
    let old = app.write_post(&writer, free, "어제 인기 글", false).await;
    let fresh = app.write_post(&writer, free, "방금 글", false).await;
    for reader in &readers {
        like(&app, reader, old).await;
    }
    like(&app, &readers[0], fresh).await;
    assert_eq!(ids(&home(&app, &readers[0]).await["trending"]), [old, fresh]);

    // Three hours later the old post's three points count 3/8, below one fresh point (its stored hour and
    // rank moved back by three hours, as if its likes had come then).
    age_heat(&app, old, 3).await;
    assert_eq!(ids(&home(&app, &readers[0]).await["trending"]), [fresh, old]);

    // Six hours on, the post is out of the window whatever its score.
    age_heat(&app, old, 3).await;
    assert_eq!(ids(&home(&app, &readers[0]).await["trending"]), [fresh]);

    // New activity brings it back, counting only what is recent: one fresh point against one.
    let _ = comment(&app, &readers[1], old).await;
    let trending = ids(&home(&app, &readers[0]).await["trending"]);
    assert_eq!(trending.len(), 2);
    let score: i64 = sqlx::query_scalar("SELECT heat FROM posts WHERE id = $1")
        .bind(old)
        .fetch_one(app.db().pool())
        .await
        .expect("heat");
    assert_eq!(score, 32, "the six-hour-old likes count nothing");
}

/// Moves a post's 실시간 인기 score `hours` into the past, as if its activity had come that much earlier.
async fn age_heat(app: &TestApp, post: i64, hours: i64) {
    sqlx::query("UPDATE posts SET heat_hour = heat_hour - $1, heat_rank = heat_rank - $2 WHERE id = $3")
        .bind(hours)
        .bind(hours * 64)
        .bind(post)
        .execute(app.db().pool())
        .await
        .expect("age the score");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn deleted_hidden_and_excluded_posts_never_show_in_the_live_list_and_anonymous_ones_name_nobody() {
    let app = spawn_app_with(Settings { report_hide_threshold: Some(1), ..Default::default() }).await;
    let (author, writer) = app.signed_up_student().await;
    let readers = app.many_students(2).await;
    let (free, market) = (app.board_id(&writer, "free").await, app.board_id(&writer, "market").await);
    let anonymous = app.write_post(&writer, free, "익명 인기 글", true).await;
    let deleted = app.write_post(&writer, free, "지울 글", false).await;
    let hidden = app.write_post(&writer, free, "신고될 글", false).await;
    let excluded = app.write_post(&writer, market, "장터 글", false).await;
    for post in [anonymous, deleted, hidden, excluded] {
        like(&app, &readers[0], post).await;
    }
    assert_eq!(ids(&home(&app, &readers[1]).await["trending"]), [hidden, deleted, anonymous]);

    let response = app.call(&writer, "posts/delete", &[("post_id", &deleted.to_string())]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let form = [("target", "post"), ("target_id", &*hidden.to_string()), ("reason", "abuse")];
    assert_eq!(app.call(&readers[1], "reports/create", &form).await.status(), StatusCode::OK);

    // Not for anyone: not the reader, and not the author of the hidden post either.
    for client in [&readers[1], &writer] {
        let screen = home(&app, client).await;
        assert_eq!(ids(&screen["trending"]), [anonymous]);
        assert_eq!(screen["trending"][0]["author"], "Anonymous");
    }
    let text = home(&app, &readers[1]).await.to_string();
    assert!(!text.contains(author.nickname.as_str()) && !text.contains(&author.username), "{text}");
    let html = readers[1].get(app.url("/")).send().await.expect("home").text().await.expect("html");
    assert!(html.contains("익명 인기 글") && !html.contains(author.nickname.as_str()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_visitor_has_no_home_lists_and_another_school_sees_none_of_ours() {
    let app = spawn_app().await;
    let (_, writer) = app.signed_up_student().await;
    let (_, reader) = app.signed_up_student().await;
    let free = app.board_id(&writer, "free").await;
    let post = app.write_post(&writer, free, "우리 학교 글", false).await;
    like(&app, &reader, post).await;

    let visitor: Value = app.call(&new_client(), "home", &[]).await.json().await.expect("visitor");
    assert!(visitor.is_null());
    let (_, outsider) = app.student_of(1).await;
    let screen = home(&app, &outsider).await;
    assert!(ids(&screen["trending"]).is_empty());
    assert!(screen["pinned"].as_array().expect("pinned").is_empty());
    assert!(!screen.to_string().contains("우리 학교 글"));
}
