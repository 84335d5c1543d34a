//! Boards, posts, comments, anonymity, likes and scraps: every rule of PRODUCT.md checked over HTTP.

use std::collections::HashSet;

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::*;

fn label(author: &Value) -> String {
    match author {
        Value::String(kind) => kind.clone(),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}:{}", v.as_str().map_or(v.to_string(), str::to_owned)))
            .collect(),
        other => other.to_string(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_school_gets_the_default_boards_with_their_flags() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let boards: Value = app.call(&client, "boards", &[]).await.json().await.expect("json");
    let names: Vec<&str> =
        boards.as_array().expect("list").iter().filter_map(|b| b["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            "자유게시판",
            "비밀게시판",
            "졸업생게시판",
            "새내기게시판",
            "장터게시판",
            "정보게시판",
            "홍보게시판",
            "동아리·학회",
            "취업·진로"
        ]
    );
    let secret = boards.as_array().expect("list").iter().find(|b| b["slug"] == "secret").expect("secret");
    assert_eq!(secret["anonymity"], "Forced");
    let market = boards.as_array().expect("list").iter().find(|b| b["slug"] == "market").expect("market");
    assert_eq!(market["hot_excluded"], true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn another_schools_content_is_not_found() {
    let app = spawn_app().await;
    let (_, author) = app.student_of(0).await;
    let (_, outsider) = app.student_of(1).await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "우리 학교 이야기", false).await;

    assert_eq!(app.get_post(&outsider, post).await, Err(StatusCode::NOT_FOUND));
    let listing = app.call(&outsider, "boards/posts", &[("board_id", &board.to_string())]).await;
    assert_eq!(listing.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.comment(&outsider, post, None, "침입", false).await.status(), StatusCode::NOT_FOUND);
    let like = app.call(&outsider, "posts/like", &[("post_id", &post.to_string())]).await;
    assert_eq!(like.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get_post(&new_client(), post).await, Err(StatusCode::UNAUTHORIZED));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn board_pages_are_newest_first_without_duplicates_or_gaps_while_posts_arrive() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let board = app.board_id(&client, "free").await;
    let mut written = Vec::new();
    for n in 0..45 {
        written.push(app.write_post(&client, board, &format!("글 {n}"), false).await);
    }

    let mut seen = Vec::new();
    let mut cursor: Option<i64> = None;
    loop {
        let mut form = vec![("board_id", board.to_string())];
        if let Some(cursor) = cursor {
            form.push(("before", cursor.to_string()));
        }
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let page: Value = app.call(&client, "boards/posts", &form).await.json().await.expect("page");
        let ids: Vec<i64> = page["page"]["posts"]
            .as_array()
            .expect("posts")
            .iter()
            .filter_map(|p| p["id"].as_i64())
            .collect();
        assert!(ids.len() <= 20);
        seen.extend(ids);
        // A new post arriving between pages must not shift the next page.
        app.write_post(&client, board, &format!("새 글 {}", seen.len()), false).await;
        match page["page"]["next_cursor"].as_i64() {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }

    written.reverse();
    assert_eq!(seen, written, "every post exactly once, newest first");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn posting_is_throttled_per_board_and_repeats_are_refused() {
    let app = spawn_app_with(Settings { post_interval_seconds: Some(30), ..Default::default() }).await;
    let (_, client) = app.signed_up_student().await;
    let free = app.board_id(&client, "free").await;
    let info = app.board_id(&client, "info").await;
    app.write_post(&client, free, "첫 글", false).await;

    let too_fast = app.try_write_post(&client, free, "둘째 글", "내용", false, false).await;
    assert_eq!(too_fast.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(error_json(too_fast).await["TooManyRequests"].as_str().expect("message").contains("초 후에"));

    let same_text = app.try_write_post(&client, info, "첫 글", "첫 글의 본문", false, false).await;
    assert_eq!(same_text.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.try_write_post(&client, info, "다른 글", "다른 내용", false, false).await.status(),
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn invalid_posts_and_comments_are_refused_with_field_messages() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let board = app.board_id(&client, "free").await;

    let empty = app.try_write_post(&client, board, "  ", "", false, false).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = error_json(empty).await;
    assert_eq!(body["Invalid"]["fields"].as_array().expect("fields").len(), 2);
    let long_title = "가".repeat(101);
    let too_long = app.try_write_post(&client, board, &long_title, "본문", false, false).await;
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let post = app.write_post(&client, board, "정상 글", false).await;
    let long_comment = "a".repeat(1_001);
    assert_eq!(
        app.comment(&client, post, None, &long_comment, false).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.comment(&client, post, None, " \n ", false).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let bad_id = app.call(&client, "posts/get", &[("post_id", "abc")]).await;
    assert_eq!(bad_id.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_question_with_a_comment_can_be_neither_edited_nor_deleted() {
    let app = spawn_app().await;
    let (_, asker) = app.signed_up_student().await;
    let (_, answerer) = app.signed_up_student().await;
    let board = app.board_id(&asker, "free").await;
    let response = app.try_write_post(&asker, board, "질문 있어요", "이거 어떻게 해요?", false, true).await;
    let post: i64 = response.json().await.expect("id");
    let id = post.to_string();

    let unflag =
        app.call(&asker, "posts/edit", &[("post_id", &id), ("title", "질문 있어요"), ("body", "수정")]).await;
    assert_eq!(unflag.status(), StatusCode::UNPROCESSABLE_ENTITY, "the question flag cannot be removed");

    assert_eq!(app.comment(&answerer, post, None, "이렇게 하세요", false).await.status(), StatusCode::OK);

    let edit = app
        .call(
            &asker,
            "posts/edit",
            &[("post_id", &id), ("title", "바뀐 질문"), ("body", "수정"), ("question", "on")],
        )
        .await;
    assert_eq!(edit.status(), StatusCode::CONFLICT);
    assert_eq!(app.call(&asker, "posts/delete", &[("post_id", &id)]).await.status(), StatusCode::CONFLICT);
    let post_now = app.get_post(&asker, post).await.expect("still there");
    assert_eq!(post_now["title"], "질문 있어요");
    assert_eq!(post_now["locked"], true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn only_the_author_edits_and_deletes_and_a_deleted_post_is_gone() {
    let app = spawn_app().await;
    let (author, other, board, post) = app.post_with_reader("내 글").await;
    let id = post.to_string();

    let foreign = app.call(&other, "posts/edit", &[("post_id", &id), ("title", "해킹"), ("body", "x")]).await;
    assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.call(&other, "posts/delete", &[("post_id", &id)]).await.status(), StatusCode::FORBIDDEN);

    let edit = app
        .call(&author, "posts/edit", &[("post_id", &id), ("title", "고친 글"), ("body", "고친 내용")])
        .await;
    assert_eq!(edit.status(), StatusCode::OK);
    let edited = app.get_post(&other, post).await.expect("post");
    assert_eq!((edited["title"].as_str(), edited["edited"].as_bool()), (Some("고친 글"), Some(true)));

    assert_eq!(app.call(&author, "posts/delete", &[("post_id", &id)]).await.status(), StatusCode::OK);
    assert_eq!(app.get_post(&other, post).await, Err(StatusCode::NOT_FOUND));
    let page = app.board_page(&other, board).await;
    assert!(page["page"]["posts"].as_array().expect("posts").is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn anonymous_commenters_get_stable_numbers_and_the_author_is_marked() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let (_, first) = app.signed_up_student().await;
    let (_, second) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "익명 글", true).await;

    let top = app.comment(&first, post, None, "첫 댓글", true).await.json::<i64>().await.expect("id");
    app.comment(&second, post, None, "둘째 댓글", true).await;
    app.comment(&first, post, None, "다시 나", true).await;
    let reply =
        app.comment(&author, post, Some(top), "글쓴이 답", true).await.json::<i64>().await.expect("id");
    // A reply to a reply attaches to the same top-level comment.
    app.comment(&second, post, Some(reply), "대대댓글", true).await;

    let thread = app.get_post(&first, post).await.expect("post");
    assert_eq!(label(&thread["author"]), "Anonymous");
    let comments = thread["comments"].as_array().expect("comments");
    let labels: Vec<String> = comments.iter().map(|c| label(&c["author"])).collect();
    assert_eq!(labels, ["Numbered:1", "Numbered:2", "Numbered:1"]);
    let replies: Vec<String> =
        comments[0]["replies"].as_array().expect("replies").iter().map(|c| label(&c["author"])).collect();
    assert_eq!(replies, ["PostAuthor", "Numbered:2"]);
    assert_eq!(thread["comment_count"], 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_deleted_comment_with_replies_stays_as_a_tombstone() {
    let app = spawn_app().await;
    let (author, other, _, post) = app.post_with_reader("글").await;
    let with_reply =
        app.comment(&other, post, None, "답글 달릴 댓글", false).await.json::<i64>().await.expect("id");
    app.comment(&author, post, Some(with_reply), "답글", false).await;
    let alone = app.comment(&other, post, None, "혼자인 댓글", false).await.json::<i64>().await.expect("id");

    let forbidden = app.call(&author, "comments/delete", &[("comment_id", &alone.to_string())]).await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
    for id in [with_reply, alone] {
        let response = app.call(&other, "comments/delete", &[("comment_id", &id.to_string())]).await;
        assert_eq!(response.status(), StatusCode::OK);
    }

    let thread = app.get_post(&author, post).await.expect("post");
    let comments = thread["comments"].as_array().expect("comments");
    assert_eq!(comments.len(), 1, "the childless deleted comment disappears");
    assert_eq!(comments[0]["id"], with_reply);
    assert!(comments[0]["body"].is_null(), "tombstone");
    assert_eq!(comments[0]["replies"][0]["body"], "답글");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn likes_are_once_and_never_on_ones_own_post() {
    let app = spawn_app().await;
    let (author, fan, _, post) = app.post_with_reader("좋은 글").await;
    let id = post.to_string();

    assert_eq!(app.call(&author, "posts/like", &[("post_id", &id)]).await.status(), StatusCode::FORBIDDEN);
    let liked = app.call(&fan, "posts/like", &[("post_id", &id)]).await;
    assert_eq!(liked.status(), StatusCode::OK);
    assert_eq!(liked.json::<i64>().await.expect("count"), 1);
    assert_eq!(app.call(&fan, "posts/like", &[("post_id", &id)]).await.status(), StatusCode::CONFLICT);
    let seen = app.get_post(&fan, post).await.expect("post");
    assert_eq!((seen["like_count"].as_i64(), seen["liked_by_me"].as_bool()), (Some(1), Some(true)));

    let comment = app.comment(&fan, post, None, "공감합니다", false).await.json::<i64>().await.expect("id");
    let own = app.call(&fan, "comments/like", &[("comment_id", &comment.to_string())]).await;
    assert_eq!(own.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.call(&author, "comments/like", &[("comment_id", &comment.to_string())]).await.status(),
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_students_liking_at_once_make_exactly_fifty() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "인기 글", false).await;
    let fans = app.many_students(50).await;

    let id = post.to_string();
    let likes = fans.iter().map(|fan| app.spawn_call(fan, "posts/like", &[("post_id", &id)])).collect();
    let statuses = statuses(likes).await;

    assert!(statuses.iter().all(|s| *s == StatusCode::OK), "{statuses:?}");
    assert_eq!(app.get_post(&author, post).await.expect("post")["like_count"], 50);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_anonymous_commenters_at_once_get_numbers_one_to_twenty() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "다들 의견?", true).await;
    let students = app.many_students(20).await;

    let id = post.to_string();
    let form = [("post_id", id.as_str()), ("body", "저요"), ("anonymous", "on")];
    let comments = students.iter().map(|s| app.spawn_call(s, "comments/write", &form)).collect();
    let statuses = statuses(comments).await;
    assert!(statuses.iter().all(|s| *s == StatusCode::OK), "{statuses:?}");
    app.comment(&author, post, None, "다들 고마워요", true).await;

    let thread = app.get_post(&author, post).await.expect("post");
    let labels: Vec<String> =
        thread["comments"].as_array().expect("comments").iter().map(|c| label(&c["author"])).collect();
    let numbers: HashSet<String> = labels[..20].iter().cloned().collect();
    let expected: HashSet<String> = (1..=20).map(|n| format!("Numbered:{n}")).collect();
    assert_eq!(numbers, expected);
    assert_eq!(labels[20], "PostAuthor");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn anonymous_posts_and_comments_never_reveal_their_author() {
    let app = spawn_app().await;
    app.distinctive_user_ids().await;
    // The author and the commenters study in departments of their own, so that their department would
    // stand out wherever it leaked (the readers' own pages name theirs).
    let sign_up = |department: usize| {
        let app = &app;
        async move {
            let student = app.new_student_in(0, department).await;
            let client = new_client();
            assert_eq!(app.sign_up_as(&client, &student, PASSWORD).await.status(), StatusCode::OK);
            let identifiers = app.identifiers(&student, &client).await;
            (identifiers, client)
        }
    };
    let (author, author_client) = sign_up(1).await;
    let (commenter, commenter_client) = sign_up(2).await;
    let (departed, departed_client) = sign_up(3).await;
    let (named_author, named_author_client) = sign_up(4).await;
    let (_, reader) = app.signed_up_student().await;
    let board = app.board_id(&author_client, "secret").await;
    // On 비밀게시판 anonymity is forced even when not asked for.
    let post = app.write_post(&author_client, board, "비밀 이야기", false).await;
    app.comment(&commenter_client, post, None, "비밀 댓글", false).await;
    app.comment(&author_client, post, None, "글쓴이 댓글", false).await;
    app.comment(&departed_client, post, None, "떠나는 사람의 댓글", true).await;
    // A named post, with its author's anonymous comment: the comment is tied to nobody.
    let free = app.board_id(&author_client, "free").await;
    let named = app.write_post(&named_author_client, free, "실명 글", false).await;
    app.comment(&named_author_client, named, None, "글쓴이의 익명 댓글", true).await;
    // Ten likes put it on HOT, so the sweep covers that list too.
    for liker in app.many_students(10).await {
        let like = app.call(&liker, "posts/like", &[("post_id", &post.to_string())]).await;
        assert_eq!(like.status(), StatusCode::OK);
    }
    // A commenter deletes their account: the anonymous comment stays, and stays anonymous.
    let deleted = app.call(&departed_client, "account/delete", &[("password", PASSWORD)]).await;
    assert_eq!(deleted.status(), StatusCode::OK);

    for (who, client) in [("reader", &reader), ("author", &author_client), ("commenter", &commenter_client)] {
        let post_id = post.to_string();
        let board_id = board.to_string();
        let calls: [(&str, &[(&str, &str)]); 5] = [
            ("posts/get", &[("post_id", &post_id)]),
            ("boards/posts", &[("board_id", &board_id)]),
            ("posts/list", &[("kind", "recent")]),
            ("posts/list", &[("kind", "hot")]),
            ("posts/list", &[("kind", "search"), ("query", "비밀")]),
        ];
        let pages = [
            format!("/posts/{post}"),
            format!("/boards/{board}"),
            "/".to_owned(),
            "/lists/hot".to_owned(),
            "/lists/recent".to_owned(),
            format!("/search?q={}", campus::components::require_login::encode_query_value("비밀")),
        ];
        let mut bodies = Vec::new();
        for (endpoint, form) in calls {
            bodies.push((
                endpoint.to_owned(),
                app.call(client, endpoint, form).await.text().await.expect("json"),
            ));
        }
        for path in pages {
            let html = client.get(app.url(&path)).send().await.expect("page").text().await.expect("html");
            bodies.push((path, html));
        }
        // A student's own identifiers may appear in their own pages (the header, the session), never
        // someone else's.
        let own = |s: &Identifiers| {
            (who == "author" && s.id == author.id) || (who == "commenter" && s.id == commenter.id)
        };
        let others: Vec<&Identifiers> =
            [&author, &commenter, &departed].into_iter().filter(|s| !own(s)).collect();
        for (source, body) in &bodies {
            assert!(body.contains("비밀 이야기"), "{who} sees the post in {source}");
            assert_identifies_nobody(body, &others, &format!("{source} as the {who}"));
        }
        // On the named post, the author's anonymous comment says nothing of its author.
        let thread = app.get_post(client, named).await.expect("named post");
        let comment = thread["comments"][0].to_string();
        assert_eq!(label(&thread["comments"][0]["author"]), "Numbered:1");
        assert_identifies_nobody(
            &comment,
            &[&named_author],
            &format!("the named post's anonymous comment as the {who}"),
        );
    }
    let thread: Value = serde_json::from_str(
        &app.call(&reader, "posts/get", &[("post_id", &post.to_string())]).await.text().await.expect("json"),
    )
    .expect("json");
    let labels: Vec<String> =
        thread["comments"].as_array().expect("comments").iter().map(|c| label(&c["author"])).collect();
    assert_eq!(
        labels,
        ["Numbered:1", "PostAuthor", "Numbered:2"],
        "the departed commenter keeps their number"
    );
    assert_eq!(thread["is_mine"], false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn scraps_toggle_and_never_apply_to_ones_own_post() {
    let app = spawn_app().await;
    let (author, reader, _, post) = app.post_with_reader("저장할 글").await;
    let id = post.to_string();

    let own = app.call(&author, "posts/scrap", &[("post_id", &id), ("scrapped", "true")]).await;
    assert_eq!(own.status(), StatusCode::FORBIDDEN);
    for _ in 0..2 {
        assert_eq!(
            app.call(&reader, "posts/scrap", &[("post_id", &id), ("scrapped", "true")]).await.status(),
            StatusCode::OK
        );
    }
    let seen = app.get_post(&reader, post).await.expect("post");
    assert_eq!((seen["scrap_count"].as_i64(), seen["scrapped_by_me"].as_bool()), (Some(1), Some(true)));
    app.call(&reader, "posts/scrap", &[("post_id", &id), ("scrapped", "false")]).await;
    let seen = app.get_post(&reader, post).await.expect("post");
    assert_eq!((seen["scrap_count"].as_i64(), seen["scrapped_by_me"].as_bool()), (Some(0), Some(false)));
}

async fn list_ids(app: &TestApp, client: &reqwest::Client, kind: &str, query: Option<&str>) -> Vec<i64> {
    let mut form = vec![("kind", kind)];
    if let Some(query) = query {
        form.push(("query", query));
    }
    let page: Value = app.call(client, "posts/list", &form).await.json().await.expect("page");
    page["posts"].as_array().expect("posts").iter().filter_map(|p| p["id"].as_i64()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hot_needs_ten_likes_outside_excluded_boards() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let free = app.board_id(&author, "free").await;
    let market = app.board_id(&author, "market").await;
    let popular = app.write_post(&author, free, "인기 글", false).await;
    let almost = app.write_post(&author, free, "아쉬운 글", false).await;
    let for_sale = app.write_post(&author, market, "전공책 팝니다", false).await;
    for n in 0..10 {
        let (_, fan) = app.signed_up_student().await;
        app.call(&fan, "posts/like", &[("post_id", &popular.to_string())]).await;
        app.call(&fan, "posts/like", &[("post_id", &for_sale.to_string())]).await;
        if n < 9 {
            app.call(&fan, "posts/like", &[("post_id", &almost.to_string())]).await;
        }
    }

    assert_eq!(list_ids(&app, &author, "hot", None).await, [popular]);
    assert!(list_ids(&app, &author, "best", None).await.is_empty(), "BEST needs 100 likes");
    let (_, outsider) = app.student_of(1).await;
    assert!(list_ids(&app, &outsider, "hot", None).await.is_empty(), "HOT is per school");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn search_finds_title_and_body_within_the_school_only() {
    let app = spawn_app().await;
    let (_, student) = app.student_of(0).await;
    let (_, outsider) = app.student_of(1).await;
    let board = app.board_id(&student, "free").await;
    let by_title = app.write_post(&student, board, "Rust 스터디 모집", false).await;
    let response = app
        .try_write_post(&student, board, "같이 공부해요", "rust 좋아하는 분 100% 환영", false, false)
        .await;
    let by_body: i64 = response.json().await.expect("id");
    app.write_post(&student, board, "점심 메뉴", false).await;
    let other_board = app.board_id(&outsider, "free").await;
    app.write_post(&outsider, other_board, "우리도 Rust 스터디", false).await;

    assert_eq!(list_ids(&app, &student, "search", Some("RUST")).await, [by_body, by_title]);
    assert_eq!(list_ids(&app, &student, "search", Some("100%")).await, [by_body]);
    assert!(list_ids(&app, &student, "search", Some("0%_")).await.is_empty(), "wildcards are literal");
    let too_short = app.call(&student, "posts/list", &[("kind", "search"), ("query", " r ")]).await;
    assert_eq!(too_short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_json(too_short).await["Invalid"]["message"], "검색어를 두 글자 이상 입력해 주세요.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_search_looks_through_a_bounded_range_per_page_and_continues_into_older_posts() {
    use campus::server::{community::SEARCH_WINDOW, db::seed};
    let app = spawn_app().await;
    // The generator writes into the school with the lowest id; the directory lists schools by name.
    let directory = app.directory().await;
    let schools = directory["schools"].as_array().expect("schools");
    let seeded_school = (0..schools.len()).min_by_key(|&n| schools[n]["id"].as_i64()).expect("a school");
    let (_, student) = app.student_of(seeded_school).await;
    // 12,500 generated posts "벤치마크 글 <i>" in the first school, i = 0 the oldest: post 5,154 lies in the
    // second search range from the newest.
    let scale = seed::Scale { students: 10, posts: 12_500, comments: 0 };
    seed::generate(app.db(), scale, "unused-hash", campus::server::now()).await.expect("seed");
    const { assert!(12_500 - 5_154 > SEARCH_WINDOW && 12_500 - 5_154 < 2 * SEARCH_WINDOW) };

    // Every page of a search answers with the cursor to go on with, found or not, until no post is older.
    let mut pages = Vec::new();
    let mut before: Option<String> = None;
    loop {
        let mut form = vec![("kind", "search"), ("query", "벤치마크 글 5154")];
        if let Some(cursor) = before.as_deref() {
            form.push(("before", cursor));
        }
        let page: Value = app.call(&student, "posts/list", &form).await.json().await.expect("page");
        pages.push(page["posts"].as_array().expect("posts").len());
        match page["next_cursor"].as_i64() {
            Some(cursor) => before = Some(cursor.to_string()),
            None => break,
        }
        assert!(pages.len() <= 3, "12,500 posts take three ranges");
    }
    assert_eq!(pages, [0, 1, 0]);

    // A cursor from far outside the ids is a page like any other, not a server error.
    let far = app
        .call(
            &student,
            "posts/list",
            &[("kind", "search"), ("query", "벤치마크"), ("before", "-9223372036854775807")],
        )
        .await;
    assert_eq!(far.status(), StatusCode::OK);

    // A page that finds more than a page's worth continues from its last post, as every list does.
    let page: Value = app
        .call(&student, "posts/list", &[("kind", "search"), ("query", "벤치마크")])
        .await
        .json()
        .await
        .expect("page");
    let last = page["posts"].as_array().expect("posts").last().and_then(|p| p["id"].as_i64());
    assert_eq!(page["next_cursor"].as_i64(), last);

    // The server-rendered page says that older posts remain, and links to them.
    let search = app.url("/search?q=%EC%A1%B8%EC%97%85%EC%8B%9D");
    let html = student.get(search).send().await.expect("page").text().await.expect("html");
    assert!(html.contains("최근 글에서는 찾지 못했어요") && html.contains("이전 글에서 더 찾기"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn my_posts_commented_posts_and_scraps_are_listed() {
    let app = spawn_app().await;
    let (_, me) = app.signed_up_student().await;
    let (_, other) = app.signed_up_student().await;
    let board = app.board_id(&me, "free").await;
    let mine = app.write_post(&me, board, "내 글", true).await;
    let theirs = app.write_post(&other, board, "남의 글", false).await;
    let saved = app.write_post(&other, board, "저장할 글", false).await;
    app.comment(&me, theirs, None, "댓글", true).await;
    app.call(&me, "posts/scrap", &[("post_id", &saved.to_string()), ("scrapped", "true")]).await;

    assert_eq!(list_ids(&app, &me, "mine", None).await, [mine]);
    assert_eq!(list_ids(&app, &me, "commented", None).await, [theirs]);
    assert_eq!(list_ids(&app, &me, "scraps", None).await, [saved]);
    assert_eq!(list_ids(&app, &other, "mine", None).await, [saved, theirs]);
    // A list the app does not have is a value outside the contract: refused naming the field.
    let unknown = app.call(&me, "posts/list", &[("kind", "everything")]).await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_json(unknown).await["Invalid"]["fields"][0]["field"], "kind");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_home_page_shows_the_newest_posts_of_the_pinned_boards() {
    let app = spawn_app().await;
    let (_, client) = app.signed_up_student().await;
    let free = app.board_id(&client, "free").await;
    let info = app.board_id(&client, "info").await;
    let older = app.write_post(&client, free, "자유게시판 글", false).await;
    let newer = app.write_post(&client, info, "정보게시판 글", false).await;
    for board in [free, info] {
        let form = [("board_id", board.to_string()), ("pinned", "true".to_owned())];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(app.call(&client, "boards/pin", &form).await.status(), StatusCode::OK);
    }

    assert_eq!(list_ids(&app, &client, "recent", None).await, [newer, older]);
    let html = client.get(app.url("/")).send().await.expect("home").text().await.expect("html");
    assert!(html.contains("자유게시판 글") && html.contains("정보게시판 글"));
}

/// The labels of a thread's top-level comments, in order, as `client` sees them.
async fn comment_labels(app: &TestApp, client: &reqwest::Client, post: i64) -> Vec<String> {
    let thread = app.get_post(client, post).await.expect("post");
    thread["comments"].as_array().expect("comments").iter().map(|c| label(&c["author"])).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_author_of_an_anonymous_post_takes_no_number() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let (_, reader) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "익명 질문", true).await;

    app.comment(&author, post, None, "제가 먼저 답해요", true).await;
    app.comment(&reader, post, None, "저도 궁금해요", true).await;

    // The first other commenter is 익명1: the author's comment used up no number.
    assert_eq!(comment_labels(&app, &reader, post).await, ["PostAuthor", "Numbered:1"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn on_a_named_post_the_authors_anonymous_comment_is_numbered_like_anyone_elses() {
    let app = spawn_app().await;
    let (author_student, author) = app.signed_up_student().await;
    let (_, reader) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "실명으로 쓴 글", false).await;

    app.comment(&reader, post, None, "첫 댓글", true).await;
    app.comment(&author, post, None, "글쓴이의 익명 댓글", true).await;
    app.comment(&reader, post, None, "다시 나", true).await;

    // 익명(글쓴이) under the author's own nickname would name them.
    let labels = comment_labels(&app, &reader, post).await;
    assert_eq!(labels, ["Numbered:1", "Numbered:2", "Numbered:1"]);
    let thread =
        app.call(&reader, "posts/get", &[("post_id", &post.to_string())]).await.text().await.expect("json");
    assert!(thread.contains(&author_student.nickname), "the post itself is named");
    assert!(!thread.contains("PostAuthor"));
    let page = reader
        .get(app.url(&format!("/posts/{post}")))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(
        !page.contains(campus::text::community::ANONYMOUS_POST_AUTHOR),
        "the page never says 익명(글쓴이) here"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn anonymous_numbers_stay_with_their_commenter_and_are_never_reused() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let (_, first) = app.signed_up_student().await;
    let (_, second) = app.signed_up_student().await;
    let (_, third) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    let post = app.write_post(&author, board, "번호 확인", true).await;

    let gone: i64 = app.comment(&first, post, None, "곧 지울 댓글", true).await.json().await.expect("id");
    app.comment(&second, post, None, "둘째", true).await;
    let deleted = app.call(&first, "comments/delete", &[("comment_id", &gone.to_string())]).await;
    assert_eq!(deleted.status(), StatusCode::OK);
    app.comment(&third, post, None, "셋째", true).await;
    app.comment(&first, post, None, "돌아온 첫째", true).await;

    // The deleted comment's number stays its author's: the newcomer gets 3, the first commenter 1 again.
    assert_eq!(comment_labels(&app, &author, post).await, ["Numbered:2", "Numbered:3", "Numbered:1"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_edited_comment_shows_as_edited() {
    let app = spawn_app().await;
    let (_, commenter, _, post) = app.post_with_reader("수정 표시").await;
    let comment: i64 =
        app.comment(&commenter, post, None, "처음 댓글", false).await.json().await.expect("id");
    let untouched: i64 =
        app.comment(&commenter, post, None, "그대로인 댓글", false).await.json().await.expect("id");

    let edit = app
        .call(&commenter, "comments/edit", &[("comment_id", &comment.to_string()), ("body", "고친 댓글")])
        .await;
    assert_eq!(edit.status(), StatusCode::OK);

    let thread = app.get_post(&commenter, post).await.expect("post");
    let comments = thread["comments"].as_array().expect("comments");
    assert_eq!((comments[0]["id"].as_i64(), comments[0]["edited"].as_bool()), (Some(comment), Some(true)));
    assert_eq!(comments[0]["body"], "고친 댓글");
    assert_eq!((comments[1]["id"].as_i64(), comments[1]["edited"].as_bool()), (Some(untouched), Some(false)));
    let page = commenter
        .get(app.url(&format!("/posts/{post}")))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert_eq!(
        page.matches(campus::text::community::EDITED).count(),
        1,
        "(수정됨) beside the edited comment only"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn best_takes_a_hundred_likes_from_any_board_even_one_left_out_of_hot() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let free = app.board_id(&author, "free").await;
    let market = app.board_id(&author, "market").await;
    let best = app.write_post(&author, free, "명예의 전당", false).await;
    let for_sale = app.write_post(&author, market, "모두가 원하는 전공책", false).await;
    let almost = app.write_post(&author, free, "99개의 공감", false).await;
    let fans = app.many_students(100).await;
    for (n, fan) in fans.iter().enumerate() {
        for post in [best, for_sale] {
            assert_eq!(
                app.call(fan, "posts/like", &[("post_id", &post.to_string())]).await.status(),
                StatusCode::OK
            );
        }
        if n < 99 {
            app.call(fan, "posts/like", &[("post_id", &almost.to_string())]).await;
        }
    }

    assert_eq!(list_ids(&app, &author, "best", None).await, [for_sale, best]);
    assert_eq!(list_ids(&app, &author, "hot", None).await, [almost, best], "장터 stays out of HOT only");
    let page = author.get(app.url("/lists/best")).send().await.expect("page").text().await.expect("html");
    assert!(page.contains("명예의 전당") && page.contains("모두가 원하는 전공책"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_question_stays_locked_after_its_only_comment_is_deleted() {
    let app = spawn_app().await;
    let (_, asker) = app.signed_up_student().await;
    let (_, answerer) = app.signed_up_student().await;
    let board = app.board_id(&asker, "free").await;
    let post: i64 =
        app.try_write_post(&asker, board, "질문", "답해 주세요", false, true).await.json().await.expect("id");
    let answer: i64 = app.comment(&answerer, post, None, "답이에요", false).await.json().await.expect("id");
    let deleted = app.call(&answerer, "comments/delete", &[("comment_id", &answer.to_string())]).await;
    assert_eq!(deleted.status(), StatusCode::OK);

    let id = post.to_string();
    let edit = app
        .call(
            &asker,
            "posts/edit",
            &[("post_id", &id), ("title", "바꿈"), ("body", "바꿈"), ("question", "on")],
        )
        .await;
    assert_eq!(edit.status(), StatusCode::CONFLICT);
    assert_eq!(app.call(&asker, "posts/delete", &[("post_id", &id)]).await.status(), StatusCode::CONFLICT);
    let post_now = app.get_post(&asker, post).await.expect("still there");
    assert_eq!((post_now["locked"].as_bool(), post_now["comment_count"].as_i64()), (Some(true), Some(0)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn six_posts_sent_at_once_by_one_student_make_one_post() {
    let app = spawn_app_with(Settings { post_interval_seconds: Some(30), ..Default::default() }).await;
    let (_, author) = app.signed_up_student().await;
    let board = app.board_id(&author, "free").await;
    for round in 0..3 {
        // Different texts: only the posting interval can stop them.
        let posts = (0..6)
            .map(|n| {
                let title = format!("동시에 쓴 글 {round}-{n}");
                let body = format!("본문 {round}-{n}");
                app.spawn_call(
                    &author,
                    "posts/write",
                    &[("board_id", &board.to_string()), ("title", &title), ("body", &body)],
                )
            })
            .collect();
        let statuses = statuses(posts).await;
        let written = statuses.iter().filter(|s| **s == StatusCode::OK).count();
        println!("six posts at once, round {round}: {written} written");
        let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
        assert_eq!(
            (written, refused),
            (usize::from(round == 0), 6 - usize::from(round == 0)),
            "{statuses:?}"
        );
    }
    let page = app.board_page(&author, board).await;
    assert_eq!(page["page"]["posts"].as_array().expect("posts").len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_same_text_sent_at_once_to_several_boards_is_posted_once() {
    let app = spawn_app().await;
    let (_, author) = app.signed_up_student().await;
    let boards: Vec<i64> = {
        let mut ids = Vec::new();
        for slug in ["free", "freshman", "info", "alumni", "careers", "market"] {
            ids.push(app.board_id(&author, slug).await);
        }
        ids
    };
    let posts = boards
        .iter()
        .map(|board| {
            app.spawn_call(
                &author,
                "posts/write",
                &[("board_id", &board.to_string()), ("title", "도배"), ("body", "같은 글")],
            )
        })
        .collect();
    let statuses = statuses(posts).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::UNPROCESSABLE_ENTITY),
        "{statuses:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_question_edited_or_deleted_while_it_is_answered_is_locked_by_the_answer_or_never_answered() {
    let app = spawn_app().await;
    let (_, asker) = app.signed_up_student().await;
    let answerers = app.many_students(4).await;
    let board = app.board_id(&asker, "free").await;
    for round in 0..8 {
        let post: i64 = app
            .try_write_post(&asker, board, &format!("질문 {round}"), &format!("내용 {round}"), false, true)
            .await
            .json()
            .await
            .expect("id");
        let id = post.to_string();
        let mut calls: Vec<_> = answerers
            .iter()
            .map(|a| app.spawn_call(a, "comments/write", &[("post_id", id.as_str()), ("body", "답변")]))
            .collect();
        let change = if round % 2 == 0 {
            app.spawn_call(
                &asker,
                "posts/edit",
                &[("post_id", &id), ("title", "몰래 바꾼 질문"), ("body", "바꿈"), ("question", "on")],
            )
        } else {
            app.spawn_call(&asker, "posts/delete", &[("post_id", &id)])
        };
        calls.insert(2, change);
        let statuses = statuses(calls).await;
        let changed = statuses[2] == StatusCode::OK;
        let answered = statuses.iter().enumerate().filter(|(n, s)| *n != 2 && **s == StatusCode::OK).count();
        if changed {
            // The change came first; answers that came after it found either the edited question (and are
            // then the answers it has) or no post at all.
            let seen = app.get_post(&asker, post).await;
            if round % 2 == 1 {
                assert_eq!(
                    (seen, answered),
                    (Err(StatusCode::NOT_FOUND), 0),
                    "a deleted question takes no answers"
                );
            } else {
                let seen = seen.expect("edited question");
                assert_eq!(seen["title"], "몰래 바꾼 질문");
                assert_eq!(seen["comment_count"].as_i64(), Some(answered as i64));
            }
        } else {
            assert_eq!(statuses[2], StatusCode::CONFLICT, "{statuses:?}");
            assert!(answered > 0);
            let seen = app.get_post(&asker, post).await.expect("kept");
            assert_eq!(seen["title"], format!("질문 {round}"), "an answered question was never changed");
        }
    }
}

/// The second column of a wide screen, in one call: the newest few of HOT and of BEST, and the caller's own
/// classes of today (KST) from their primary timetable, by start time; nothing of anyone else's timetable.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_side_column_shows_the_newest_of_hot_and_best_and_the_callers_classes_of_today() {
    let app = spawn_app().await;
    let (_, student) = app.signed_up_student().await;
    let (_, classmate) = app.signed_up_student().await;
    let first = side_lists(&app, &student).await;
    assert!(post_ids(&first["hot"]).is_empty() && post_ids(&first["best"]).is_empty());
    assert!(first["today"].is_null(), "no timetable this semester yet");

    // Six posts on boards that count for HOT (one per board: the posting interval); all are in HOT, the
    // oldest two in BEST as well. The thresholds are tested above: here the posts are stamped.
    let mut posts = Vec::new();
    for slug in ["free", "secret", "alumni", "freshman", "info", "careers"] {
        let board = app.board_id(&student, slug).await;
        posts.push(app.write_post(&student, board, &format!("{slug} 인기 글"), false).await);
    }
    for (n, post) in posts.iter().enumerate() {
        let sql = if n < 2 {
            "UPDATE posts SET hot_at = 1, best_at = 1 WHERE id = $1"
        } else {
            "UPDATE posts SET hot_at = 1 WHERE id = $1"
        };
        sqlx::query(sql).bind(post).execute(app.db().pool()).await.expect("stamp");
    }

    // Two classes today (the later one added first) and one tomorrow; the classmate's class today is theirs.
    let today = campus::model::time::kst_weekday(campus::server::now());
    let mine = new_timetable(&app, &student).await;
    assert_eq!(side_lists(&app, &student).await["today"], serde_json::json!([]), "a timetable, no class yet");
    add_class(&app, &student, &mine, "오후 수업", today, "15:00").await;
    add_class(&app, &student, &mine, "아침 수업", today, "09:00").await;
    add_class(&app, &student, &mine, "내일 수업", (today + 1) % 7, "09:00").await;
    let theirs = new_timetable(&app, &classmate).await;
    app.call(&classmate, "timetables/visibility", &[("timetable_id", &theirs), ("visibility", "public")])
        .await;
    add_class(&app, &classmate, &theirs, "남의 수업", today, "11:00").await;

    let lists = side_lists(&app, &student).await;
    let newest: Vec<i64> =
        posts.iter().rev().take(campus::model::community::SIDE_PREVIEW as usize).copied().collect();
    assert_eq!(post_ids(&lists["hot"]), newest, "the newest few of HOT");
    assert_eq!(post_ids(&lists["best"]), [posts[1], posts[0]]);
    let classes: Vec<(&str, i64, &str)> = lists["today"]
        .as_array()
        .expect("today's classes")
        .iter()
        .map(|class| {
            let text = |field: &str| class[field].as_str().unwrap_or_default();
            (text("name"), class["start_minute"].as_i64().unwrap_or(-1), text("room"))
        })
        .collect();
    assert_eq!(classes, [("아침 수업", 540, "공학관 301"), ("오후 수업", 900, "공학관 301")]);

    let (_, outsider) = app.student_of(1).await;
    let elsewhere = side_lists(&app, &outsider).await;
    assert!(post_ids(&elsewhere["hot"]).is_empty() && post_ids(&elsewhere["best"]).is_empty(), "per school");
    assert_eq!(app.call(&new_client(), "side", &[]).await.status(), StatusCode::UNAUTHORIZED);
}

async fn side_lists(app: &TestApp, client: &reqwest::Client) -> Value {
    let response = app.call(client, "side", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("side lists")
}

fn post_ids(list: &Value) -> Vec<i64> {
    list.as_array().expect("posts").iter().filter_map(|post| post["id"].as_i64()).collect()
}

/// A new timetable of the current semester (the student's first, so their primary); its id.
async fn new_timetable(app: &TestApp, client: &reqwest::Client) -> String {
    let editor: Value = app.call(client, "timetables/mine", &[]).await.json().await.expect("editor");
    let semester = editor["semester"].to_string();
    let created = app.call(client, "timetables/create", &[("semester", &semester), ("name", "시간표")]).await;
    created.json::<i64>().await.expect("timetable id").to_string()
}

/// A 75-minute custom entry in room 공학관 301.
async fn add_class(
    app: &TestApp,
    client: &reqwest::Client,
    timetable: &str,
    name: &str,
    weekday: i64,
    start: &str,
) {
    let end = campus::model::timetable::clock(
        campus::model::timetable::parse_clock(start).expect("a clock time") + 75,
    );
    let end = format!("{end:0>5}");
    let weekday = weekday.to_string();
    let form = [
        ("timetable_id", timetable),
        ("name", name),
        ("room", "공학관 301"),
        ("weekday", weekday.as_str()),
        ("start", start),
        ("end", end.as_str()),
    ];
    assert_eq!(app.call(client, "timetables/add-custom", &form).await.status(), StatusCode::OK);
}

/// A form post as a browser sends it before the page hydrates: form-encoded, asking for HTML, from `page`
/// of this site (Origin and Referer).
async fn form_post(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    page: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(&format!("/api/{endpoint}")))
        .header("accept", "text/html,application/xhtml+xml")
        .header("origin", app.base.clone())
        .header("referer", app.url(page))
        .form(form)
        .send()
        .await
        .expect("request")
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn before_hydration_likes_scraps_and_deletions_work_as_plain_forms() {
    let app = spawn_app().await;
    let (author, reader, board, post) = app.post_with_reader("폼으로 공감할 글").await;
    let id = post.to_string();
    let thread = format!("/posts/{post}");
    let confirm_like = format!("/posts/{post}/like");

    // The confirmation page asks, and its form posts 공감 with where to go next.
    let page = reader.get(app.url(&confirm_like)).send().await.expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(
        html.contains("이 글에 공감하시겠습니까?") && html.contains("action=\"/api/posts/like\""),
        "{html}"
    );
    let liked =
        form_post(&app, &reader, "posts/like", &confirm_like, &[("post_id", &id), ("next", &thread)]).await;
    assert_eq!((liked.status(), location(&liked)), (StatusCode::FOUND, thread.clone()));
    assert_eq!(app.get_post(&reader, post).await.expect("post")["like_count"], 1);

    // A refusal goes back to the confirmation page with the server's error, which the page shows in Korean.
    let again =
        form_post(&app, &reader, "posts/like", &confirm_like, &[("post_id", &id), ("next", &thread)]).await;
    assert_eq!(again.status(), StatusCode::FOUND);
    let back = location(&again);
    assert!(back.starts_with(&app.url(&confirm_like)) && back.contains("__err="), "{back}");
    let shown = reader.get(&back).send().await.expect("page");
    assert_eq!(shown.status(), StatusCode::CONFLICT, "already liked: the page says so");
    assert!(shown.text().await.expect("html").contains("이미 공감한 글입니다."));
    // `next` never leaves the site.
    let elsewhere =
        form_post(&app, &author, "comments/write", &thread, &[("post_id", &id), ("body", "댓글")]).await;
    assert_eq!(elsewhere.status(), StatusCode::FOUND);
    let comment = app.get_post(&author, post).await.expect("post")["comments"][0]["id"].as_i64().expect("id");
    let form = [("comment_id", comment.to_string()), ("next", "https://evil.example/".to_owned())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let liked = form_post(&app, &reader, "comments/like", &confirm_like, &form).await;
    assert_eq!((liked.status(), location(&liked)), (StatusCode::FOUND, "/".to_owned()));

    // 스크랩 and 스크랩 취소 are forms on the thread itself: they come back to it.
    let scrapped =
        form_post(&app, &reader, "posts/scrap", &thread, &[("post_id", &id), ("scrapped", "true")]).await;
    // (server_fn, clearing an earlier error from the address, leaves an empty query: `/posts/1?`.)
    let back = location(&scrapped);
    assert_eq!(
        (scrapped.status(), back.trim_end_matches('?')),
        (StatusCode::FOUND, app.url(&thread).as_str())
    );
    assert_eq!(app.get_post(&reader, post).await.expect("post")["scrapped_by_me"], true);
    let own =
        form_post(&app, &author, "posts/scrap", &thread, &[("post_id", &id), ("scrapped", "true")]).await;
    assert!(location(&own).contains("__err="), "one's own post: back with the refusal");
    let shown = author.get(location(&own)).send().await.expect("page").text().await.expect("html");
    assert!(shown.contains("내가 쓴 글은 스크랩할 수 없습니다."), "the thread shows the refusal");
    let unscrapped =
        form_post(&app, &reader, "posts/scrap", &thread, &[("post_id", &id), ("scrapped", "false")]).await;
    assert_eq!(unscrapped.status(), StatusCode::FOUND);
    assert_eq!(app.get_post(&reader, post).await.expect("post")["scrapped_by_me"], false);

    // Deleting: the comment, back to the thread; the post, on to its board.
    let confirm_delete = format!("/posts/{post}/delete?comment={comment}");
    let html = author.get(app.url(&confirm_delete)).send().await.expect("page").text().await.expect("html");
    assert!(html.contains("이 댓글을 삭제하시겠습니까?"), "{html}");
    let form = [("comment_id", comment.to_string()), ("next", thread.clone())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let deleted = form_post(&app, &author, "comments/delete", &confirm_delete, &form).await;
    assert_eq!((deleted.status(), location(&deleted)), (StatusCode::FOUND, thread.clone()));
    assert!(app.get_post(&author, post).await.expect("post")["comments"]
        .as_array()
        .expect("list")
        .is_empty());
    let board_page = format!("/boards/{board}");
    let form = [("post_id", id.as_str()), ("next", board_page.as_str())];
    let deleted = form_post(&app, &author, "posts/delete", &format!("/posts/{post}/delete"), &form).await;
    assert_eq!((deleted.status(), location(&deleted)), (StatusCode::FOUND, board_page));
    assert_eq!(app.get_post(&author, post).await, Err(StatusCode::NOT_FOUND));
}
