//! A timetable shared by its link (`/timetables/:id`) and saved as an image (`/timetables/:id/image.svg`):
//! both show it to exactly whom the friend view would — the owner always, the school when 전체공개,
//! friends when 친구공개, nobody else when 비공개, nobody across a block, and another school or an unknown
//! id not at all — and the image draws every entry with the student's own text made inert.

use campus::model::timetable::Semester;
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

use crate::friends::Viewers;
use crate::helpers::*;

/// A custom entry's name made of the characters XML must escape.
const MARKUP_NAME: &str = r#"<b>&"x""#;
const SECRET_ENTRY: &str = "동아리 정기모임";

impl TestApp {
    /// A timetable of the current semester holding a custom entry and the first catalogue course; its id and
    /// the course's name.
    async fn shared_timetable_fixture(&self, client: &Client, entry: &str) -> (String, String) {
        let semester = Semester::current(campus::server::now()).0.to_string();
        let response =
            self.call(client, "timetables/create", &[("semester", &semester), ("name", "공유 시험")]).await;
        assert_eq!(response.status(), StatusCode::OK);
        let id = response.json::<i64>().await.expect("id").to_string();
        let form = [
            ("timetable_id", id.as_str()),
            ("name", entry),
            ("weekday", "5"),
            ("start", "10:00"),
            ("end", "11:15"),
        ];
        assert_eq!(self.call(client, "timetables/add-custom", &form).await.status(), StatusCode::OK);
        let page: Value = self.call(client, "courses/search", &[]).await.json().await.expect("courses");
        let course = &page["courses"][0];
        let form = [("timetable_id", id.clone()), ("course_id", course["id"].to_string())];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(self.call(client, "timetables/add-course", &form).await.status(), StatusCode::OK);
        (id, course["name"].as_str().expect("name").to_owned())
    }

    async fn set_visibility(&self, client: &Client, timetable: &str, visibility: &str) {
        let form = [("timetable_id", timetable), ("visibility", visibility)];
        assert_eq!(self.call(client, "timetables/visibility", &form).await.status(), StatusCode::OK);
    }

    /// What the link's server function tells this client: `Ok("Shown" | "FriendsOnly" | "Private")` with
    /// the body, or the error status.
    async fn link_shows(
        &self,
        client: &Client,
        timetable: &str,
    ) -> Result<(&'static str, String), StatusCode> {
        let response = self.call(client, "timetables/shared", &[("timetable_id", timetable)]).await;
        let status = response.status();
        let body = response.text().await.expect("body");
        if status != StatusCode::OK {
            return Err(status);
        }
        let found: Value = serde_json::from_str(&body).expect("json");
        let shows = match &found["timetable"] {
            shown if shown.is_object() => "Shown",
            hidden if hidden == "FriendsOnly" => "FriendsOnly",
            hidden if hidden == "Private" => "Private",
            other => panic!("unexpected timetable {other}"),
        };
        Ok((shows, body))
    }

    async fn image(&self, client: &Client, timetable: &str, query: &str) -> Response {
        client
            .get(self.url(&format!("/timetables/{timetable}/image.svg{query}")))
            .send()
            .await
            .expect("image")
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_timetable_link_and_its_image_show_to_exactly_whom_the_friend_view_does() {
    let app = spawn_app().await;
    let Viewers {
        owner,
        owner_client,
        friend_client,
        classmate,
        blocked_client,
        blocker_client,
        outsider,
        ..
    } = app.viewers_of_a_timetable().await;
    let (timetable, _) = app.shared_timetable_fixture(&owner_client, SECRET_ENTRY).await;

    // (visibility, friend, classmate, blocked by the owner, who blocked the owner), as the friend view has it.
    let matrix = [
        ("public", "Shown", "Shown", "Private", "Private"),
        ("friends", "Shown", "FriendsOnly", "Private", "Private"),
        ("private", "Private", "Private", "Private", "Private"),
    ];
    for (visibility, to_friend, to_classmate, to_blocked, to_blocker) in matrix {
        app.set_visibility(&owner_client, &timetable, visibility).await;
        let viewers = [
            ("the owner", &owner_client, "Shown"),
            ("a friend", &friend_client, to_friend),
            ("a classmate", &classmate, to_classmate),
            ("blocked by the owner", &blocked_client, to_blocked),
            ("who blocked the owner", &blocker_client, to_blocker),
        ];
        for (who, client, expected) in viewers {
            let (shows, body) = app.link_shows(client, &timetable).await.expect("the link answers");
            assert_eq!(shows, expected, "{who}, {visibility}");
            assert_eq!(body.contains(SECRET_ENTRY), expected == "Shown", "{who}, {visibility}: {body}");
            let image = app.image(client, &timetable, "").await;
            let status = image.status();
            let svg = image.text().await.expect("body");
            if expected == "Shown" {
                assert_eq!(status, StatusCode::OK, "{who}, {visibility}");
                assert!(svg.contains(SECRET_ENTRY), "{who}, {visibility}");
            } else {
                // Hidden for any reason, the image is simply not there.
                assert_eq!(status, StatusCode::NOT_FOUND, "{who}, {visibility}");
                assert!(!svg.contains(SECRET_ENTRY) && !svg.contains("공유 시험"), "{who}, {visibility}");
            }
        }
        assert_eq!(app.link_shows(&outsider, &timetable).await, Err(StatusCode::NOT_FOUND), "{visibility}");
        assert_eq!(app.image(&outsider, &timetable, "").await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.link_shows(&new_client(), &timetable).await, Err(StatusCode::UNAUTHORIZED));
        assert_eq!(app.image(&new_client(), &timetable, "").await.status(), StatusCode::UNAUTHORIZED);
    }

    // An id nobody has reads exactly like another school's timetable.
    let unknown = (timetable.parse::<i64>().expect("id") + 1000).to_string();
    assert_eq!(app.link_shows(&owner_client, &unknown).await, Err(StatusCode::NOT_FOUND));
    assert_eq!(app.image(&owner_client, &unknown, "").await.status(), StatusCode::NOT_FOUND);

    // The page: the friend sees the grid, a classmate the 친구공개 note, a visitor is sent to log in and back.
    app.set_visibility(&owner_client, &timetable, "friends").await;
    let page = |client: &Client| {
        client.get(app.url(&format!("/timetables/{timetable}"))).header("accept", "text/html").send()
    };
    let html = page(&friend_client).await.expect("page").text().await.expect("html");
    assert!(html.contains(SECRET_ENTRY) && html.contains(&owner.nickname) && html.contains("이미지로 저장"));
    let response = page(&classmate).await.expect("page");
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("html");
    assert!(
        html.contains("친구에게만 공개된 시간표입니다")
            && !html.contains(SECRET_ENTRY)
            && !html.contains("공유 시험")
    );
    let response = page(&outsider).await.expect("page");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = page(&new_client()).await.expect("page");
    let location = response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default();
    assert_eq!(
        (response.status(), location),
        (StatusCode::FOUND, &*format!("/login?next=/timetables/{timetable}"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_image_is_well_formed_svg_of_every_entry_with_typed_text_made_inert() {
    let app = spawn_app().await;
    let (owner, owner_client) = app.signed_up_student().await;
    let (timetable, course) = app.shared_timetable_fixture(&owner_client, MARKUP_NAME).await;

    let response = app.image(&owner_client, &timetable, "").await;
    assert_eq!(response.status(), StatusCode::OK);
    let header = |response: &Response, name: &str| {
        response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
    };
    assert!(header(&response, "content-type").starts_with("image/svg+xml"));
    assert_eq!(header(&response, "cache-control"), "private, no-store");
    assert_eq!(header(&response, "content-disposition"), "", "shown, not downloaded");
    let svg = response.text().await.expect("svg");
    assert_well_formed(&svg);
    assert!(svg.contains("&lt;b&gt;&amp;&quot;x&quot;"), "the custom entry, escaped");
    assert!(!svg.contains("<b>") && !svg.contains(MARKUP_NAME));
    assert!(svg.contains(&xml_escaped(&course)), "the course {course}");
    assert!(svg.contains(&format!("{}님의 시간표", owner.nickname)) && svg.contains("공유 시험"));
    assert!(svg.contains("Noto Sans KR") && svg.contains("Apple SD Gothic Neo"), "Korean fonts");
    // The entry is on a Saturday: the grid has a column for it, and none for Sunday.
    assert!(svg.contains(">토</text>") && !svg.contains(">일</text>"));

    let download = app.image(&owner_client, &timetable, "?download=1").await;
    assert_eq!(download.status(), StatusCode::OK);
    let disposition = header(&download, "content-disposition");
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    // 공유 시험.svg, percent-encoded as UTF-8.
    assert!(
        disposition.ends_with("filename*=UTF-8''%EA%B3%B5%EC%9C%A0%20%EC%8B%9C%ED%97%98.svg"),
        "{disposition}"
    );
}

/// The five characters XML escapes, escaped as the image does.
fn xml_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// A small well-formedness check, enough for the image (no dependency for it): one root element, every tag
/// closed in order, attributes quoted and unique, no `<` in text or values, and `&` only in entities XML
/// knows.
fn assert_well_formed(xml: &str) {
    let mut rest = xml.trim_start();
    if rest.starts_with("<?xml") {
        rest = &rest[rest.find("?>").expect("declaration ends") + 2..];
    }
    let mut open: Vec<&str> = Vec::new();
    let mut roots = 0;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').expect("a tag ends");
            let tag = &after[..end];
            rest = &after[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop(), Some(name.trim()), "closing tag out of order");
                continue;
            }
            let closes_itself = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let (name, mut attributes) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || ":-_".contains(c)),
                "{name}"
            );
            let mut names = Vec::new();
            loop {
                attributes = attributes.trim_start();
                if attributes.is_empty() {
                    break;
                }
                let (attribute, after) = attributes.split_once('=').expect("an attribute has a value");
                let quote = after.chars().next().expect("a value");
                assert!(quote == '"' || quote == '\'', "{name} {attribute}: unquoted");
                let value_end = after[1..].find(quote).expect("the value ends") + 1;
                check_text(&after[1..value_end]);
                assert!(!names.contains(&attribute.trim()), "{name}: {attribute} twice");
                names.push(attribute.trim());
                attributes = &after[value_end + 1..];
            }
            if open.is_empty() {
                roots += 1;
            }
            if !closes_itself {
                open.push(name);
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            assert!(!open.is_empty() || text.trim().is_empty(), "text outside the root: {text}");
            check_text(text);
            rest = &rest[end..];
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    assert_eq!(roots, 1, "one root element");
}

fn check_text(text: &str) {
    assert!(!text.contains('<'), "a raw < in {text}");
    for (at, _) in text.match_indices('&') {
        let entity = &text[at + 1..text[at..].find(';').map_or(text.len(), |end| at + end)];
        let known = ["amp", "lt", "gt", "quot", "apos"].contains(&entity)
            || entity
                .strip_prefix('#')
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        assert!(known, "a raw & in {text}");
    }
}
