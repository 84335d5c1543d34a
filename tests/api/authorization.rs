//! The authorization matrix: every server function and every page, asked by every kind of requester.
//!
//! One "owner" student of the first school holds the targets: a post, an anonymous post, a comment, a reported
//! post, a timetable with a course and a custom entry, a 강의평, a friendship, friend requests in and out, a
//! block, and a 학점계산기 term with a course. Around the owner stand the actors of the table's columns: a visitor (no login), a student of
//! another school, another student of the same school, a student the owner blocked, an admin of another
//! school, an admin of the owner's school, and the owner (the control: the call works for the one who may).
//!
//! Each row names an endpoint, builds its form from the world, and says per actor what must happen:
//! allowed, allowed but showing none of the owner's secrets (the author of anonymous content, a timetable,
//! another school's titles), or refused with a status. A refusal must answer in Korean (the error's variant
//! decodes into the [`AppError`] whose message the browser shows, with that variant's status) and must leave
//! the database exactly as it was: [`Snapshot`] compares every table, row by row.
//!
//! Every row of the server-function table runs in a world of its own, so that one row's allowed calls (a
//! deletion, a block, a log-out, a deleted account) never decide another row's outcome. Pages only read, so
//! they share one world. The table must name every `#[server]` endpoint in `src/api` and every route in
//! `src/app.rs`; a new one without a row fails the test.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, Ordering};

use campus::error::AppError;
use campus::model::timetable::Semester;
use campus::server::db::{Backend, Db};
use reqwest::{Client, StatusCode};

use crate::helpers::*;

// ---------------------------------------------------------------------------------------------------------
// Actors and expectations
// ---------------------------------------------------------------------------------------------------------

/// Who asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Actor {
    /// No login at all.
    Visitor,
    /// A student of another school.
    Outsider,
    /// Another student of the owner's school.
    Peer,
    /// A student of the owner's school whom the owner blocked.
    Blocked,
    /// An admin of another school.
    ForeignAdmin,
    /// An admin of the owner's school.
    Admin,
    /// The owner of every target.
    Owner,
}

impl Actor {
    /// The table's columns, in this order. The owner comes last: the owner's allowed calls may use a target up
    /// (a deletion), and every other actor must have met the target as it was.
    const ALL: [Actor; 7] = [
        Actor::Visitor,
        Actor::Outsider,
        Actor::Peer,
        Actor::Blocked,
        Actor::ForeignAdmin,
        Actor::Admin,
        Actor::Owner,
    ];
}

/// What one actor must get from one endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Allowed: a 2xx answer.
    Allow,
    /// Allowed, and the answer contains none of the row's secrets.
    Blind,
    /// A page sends the visitor to log in (302 to `/login?next=…`), writing nothing.
    ToLogin,
    /// Refused with this status and a Korean message; nothing in the database changed.
    Refuse(u16),
}

const OK: Expect = Expect::Allow;
const BLIND: Expect = Expect::Blind;
const LOGIN: Expect = Expect::ToLogin;
const E401: Expect = Expect::Refuse(401);
const E403: Expect = Expect::Refuse(403);
const E404: Expect = Expect::Refuse(404);
const E409: Expect = Expect::Refuse(409);
const E422: Expect = Expect::Refuse(422);

impl Expect {
    fn refuses(self) -> bool {
        matches!(self, Expect::Refuse(_) | Expect::ToLogin)
    }
}

/// A server function's form fields.
type Form = Vec<(&'static str, String)>;

macro_rules! form {
    ($($key:literal => $value:expr),* $(,)?) => { vec![$(($key, $value.to_string())),*] };
}

/// One row of the server-function table.
struct Call {
    endpoint: &'static str,
    /// The form, given the world and the caller (a few calls name the caller's own account).
    form: fn(&World, Actor) -> Form,
    /// Per actor, in [`Actor::ALL`] order.
    expect: [Expect; 7],
    /// What a [`Expect::Blind`] answer must not contain.
    secrets: fn(&World) -> Vec<String>,
}

fn call(endpoint: &'static str, form: fn(&World, Actor) -> Form, expect: [Expect; 7]) -> Call {
    Call { endpoint, form, expect, secrets: |_| Vec::new() }
}

/// One row of the page table.
struct Page {
    /// The route as `src/app.rs` declares it.
    route: &'static str,
    path: fn(&World) -> String,
    expect: [Expect; 7],
    secrets: fn(&World) -> Vec<String>,
}

fn page(route: &'static str, path: fn(&World) -> String, expect: [Expect; 7]) -> Page {
    Page { route, path, expect, secrets: |_| Vec::new() }
}

trait Hiding {
    fn hiding(self, secrets: fn(&World) -> Vec<String>) -> Self;
}

impl Hiding for Call {
    fn hiding(self, secrets: fn(&World) -> Vec<String>) -> Self {
        Call { secrets, ..self }
    }
}

impl Hiding for Page {
    fn hiding(self, secrets: fn(&World) -> Vec<String>) -> Self {
        Page { secrets, ..self }
    }
}

/// The owner's username and nickname: what anonymous content must never carry.
fn owner_identity(w: &World) -> Vec<String> {
    vec![w.owner.student.username.clone(), w.owner.student.nickname.clone()]
}

/// The titles of the owner's posts: another school must not see them.
fn owner_titles(w: &World) -> Vec<String> {
    vec![w.post_title.clone(), w.anonymous_title.clone(), w.reported_title.clone()]
}

/// What the owner's timetable holds.
fn owner_timetable(w: &World) -> Vec<String> {
    vec![w.timetable_name.clone(), w.custom_entry_name.clone()]
}

// ---------------------------------------------------------------------------------------------------------
// The tables
// ---------------------------------------------------------------------------------------------------------

/// Every server function. Columns: visitor, outsider, peer, blocked, foreign admin, admin, owner.
#[rustfmt::skip]
fn server_function_table() -> Vec<Call> {
    vec![
        // Accounts. Signing up and logging in are open to anyone (a logged-in student may sign up a second
        // account or log in again); the account settings act on the caller's own account only.
        call("auth/signup", |w, _| w.signup_form(), [OK, OK, OK, OK, OK, OK, OK]),
        call("auth/login", |w, actor| form!["username" => w.username(actor), "password" => PASSWORD], [OK, OK, OK, OK, OK, OK, OK]),
        call("auth/refresh", |_, _| form![], [E401, OK, OK, OK, OK, OK, OK]),
        call("auth/logout", |_, _| form![], [OK, OK, OK, OK, OK, OK, OK]),
        call("auth/current", |_, _| form![], [OK, OK, OK, OK, OK, OK, OK]),
        call("me", |_, _| form![], [E401, OK, OK, OK, OK, OK, OK]),
        call("account/nickname-rule", |_, _| form![], [E401, OK, OK, OK, OK, OK, OK]),
        call("account/nickname", |_, _| form!["nickname" => fresh_nickname()], [E401, OK, OK, OK, OK, OK, OK]),
        call("account/password", |_, _| form!["current_password" => PASSWORD, "new_password" => "another-pass-2", "new_password_confirm" => "another-pass-2"], [E401, OK, OK, OK, OK, OK, OK]),
        call("account/logout-everywhere", |_, _| form![], [E401, OK, OK, OK, OK, OK, OK]),
        call("account/delete", |_, _| form!["password" => PASSWORD], [E401, OK, OK, OK, OK, OK, OK]),
        // A device's theme is a cookie of that device: anyone may choose one, and it touches no table.
        call("account/theme", |_, _| form!["theme" => "dark"], [OK, OK, OK, OK, OK, OK, OK]),
        call("schools", |_, _| form![], [OK, OK, OK, OK, OK, OK, OK]),

        // Boards and posts: another school's answers 404; only the author edits or deletes (403 for a
        // schoolmate, who can see the post anyway); nobody likes, scraps or reports their own.
        call("home", |_, _| form![], [OK, BLIND, OK, OK, BLIND, OK, OK]).hiding(owner_titles),
        // The second column of a wide screen: the school's HOT and BEST, and the caller's own classes of today
        // (never the owner's; `community::the_side_column_*` checks them on today's weekday).
        call("side", |_, _| form![], [E401, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(owner_timetable),
        call("boards", |_, _| form![], [E401, OK, OK, OK, OK, OK, OK]),
        call("boards/get", |w, _| form!["board_id" => w.board], [E401, E404, OK, OK, E404, OK, OK]),
        call("boards/posts", |w, _| form!["board_id" => w.board], [E401, E404, OK, OK, E404, OK, OK]),
        // 즐겨찾는 게시판: each student pins boards of their own school only, for their own home.
        call("boards/pinned", |_, _| form![], [E401, OK, OK, OK, OK, OK, OK]),
        call("boards/pin", |w, _| form!["board_id" => w.board, "pinned" => true], [E401, E404, OK, OK, E404, OK, OK]),
        call("posts/list", |_, _| form!["kind" => "recent"], [E401, BLIND, OK, OK, BLIND, OK, OK]).hiding(owner_titles),
        call("posts/list", |_, _| form!["kind" => "search", "query" => SEARCH_TEXT], [E401, BLIND, OK, OK, BLIND, OK, OK]).hiding(owner_titles),
        call("posts/get", |w, _| form!["post_id" => w.post], [E401, E404, OK, OK, E404, OK, OK]),
        call("posts/get", |w, _| form!["post_id" => w.anonymous_post], [E401, E404, BLIND, BLIND, E404, BLIND, OK]).hiding(owner_identity),
        call("posts/write", |w, _| form!["board_id" => w.board, "title" => "새 글", "body" => "새 글의 본문"], [E401, E404, OK, OK, E404, OK, OK]),
        // Photos: the write screen's limits; the photos themselves are routes of their own (`images` tests).
        call("images/limits", |_, _| form![], [E401, OK, OK, OK, OK, OK, OK]),
        call("posts/edit", |w, _| form!["post_id" => w.post, "title" => "고친 제목", "body" => "고친 본문"], [E401, E404, E403, E403, E404, E403, OK]),
        call("posts/delete", |w, _| form!["post_id" => w.post], [E401, E404, E403, E403, E404, E403, OK]),
        call("posts/like", |w, _| form!["post_id" => w.post], [E401, E404, OK, OK, E404, OK, E403]),
        call("posts/scrap", |w, _| form!["post_id" => w.post, "scrapped" => true], [E401, E404, OK, OK, E404, OK, E403]),

        // Comments, on the owner's post, by the owner.
        call("comments/write", |w, _| form!["post_id" => w.post, "body" => "댓글입니다"], [E401, E404, OK, OK, E404, OK, OK]),
        call("comments/edit", |w, _| form!["comment_id" => w.comment, "body" => "고친 댓글"], [E401, E404, E403, E403, E404, E403, OK]),
        call("comments/delete", |w, _| form!["comment_id" => w.comment], [E401, E404, E403, E403, E404, E403, OK]),
        call("comments/like", |w, _| form!["comment_id" => w.comment], [E401, E404, OK, OK, E404, OK, E403]),

        // 신고 and moderation: anyone of the school reports others' content once; only an admin of the
        // school sees the queue and decides, and another school's admin finds nothing.
        call("reports/create", |w, _| form!["target" => "post", "target_id" => w.post, "reason" => "abuse"], [E401, E404, OK, OK, E404, OK, E403]),
        call("reports/create", |w, _| form!["target" => "comment", "target_id" => w.comment, "reason" => "obscene"], [E401, E404, OK, OK, E404, OK, E403]),
        call("reports/queue", |_, _| form![], [E401, E403, E403, E403, BLIND, OK, E403]).hiding(|w| vec![w.reported_title.clone(), w.comment_body.clone()]),
        call("reports/moderate", |w, _| form!["target" => "post", "target_id" => w.reported_post, "action" => "remove"], [E401, E403, E403, E403, E404, OK, E403]),
        call("reports/moderate", |w, _| form!["target" => "comment", "target_id" => w.comment, "action" => "restore"], [E401, E403, E403, E403, E404, OK, E403]),

        // Friends: everything is by username within one's own school; a request, a friendship or a block of
        // the owner's cannot be acted on by anyone else (404, as if absent); a blocked student's request to
        // the owner answers exactly as an unknown username does.
        call("friends/list", |_, _| form![], [E401, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(|w| vec![w.owner.student.username.clone()]),
        call("friends/request", |w, _| form!["username" => w.owner.student.username], [E401, E404, OK, E404, E404, OK, E422]),
        call("friends/accept", |w, _| form!["username" => w.asker.username], [E401, E404, E404, E404, E404, E404, OK]),
        call("friends/decline", |w, _| form!["username" => w.asker.username], [E401, E404, E404, E404, E404, E404, OK]),
        call("friends/cancel", |w, _| form!["username" => w.askee.username], [E401, E404, E404, E404, E404, E404, OK]),
        call("friends/remove", |w, _| form!["username" => w.friend.username], [E401, E404, E404, E404, E404, E404, OK]),
        call("friends/block", |w, _| form!["username" => w.owner.student.username], [E401, E404, OK, OK, E404, OK, E422]),
        call("friends/unblock", |w, _| form!["username" => w.blocked.student.username], [E401, E404, E404, E404, E404, E404, OK]),

        // 알림 are the student's own: someone else's answers 404, as if it did not exist.
        call("notifications", |_, _| form![], [E401, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(|w| vec![w.asker.nickname.clone()]),
        call("notifications/read", |w, _| form!["notification_id" => w.notification], [E401, E404, E404, E404, E404, E404, OK]),
        call("notifications/read_all", |_, _| form![], [E401, OK, OK, OK, OK, OK, OK]),

        // 쪽지: the owner starts from their own content (422) and from a friend only; a blocked student is
        // refused with the answer that reveals nothing (403); a conversation is its two students' alone (404
        // to everyone else, admins included); only its recipient reports a 쪽지, and only a reported one
        // reaches the school's admins.
        call("messages/start", |w, _| form!["post_id" => w.post, "body" => "글 보고 연락드려요"], [E401, E404, OK, E403, E404, OK, E422]),
        call("messages/start", |w, _| form!["friend" => w.owner.student.username, "body" => "친구야"], [E401, E404, E403, E403, E404, E403, E422]),
        call("messages/list", |_, _| form![], [E401, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(|w| vec![w.message_text.clone()]),
        // The conversation started from the owner's anonymous post: the owner never learns who wrote.
        call("messages/open", |w, _| form!["conversation_id" => w.conversation], [E401, E404, E404, E404, E404, E404, BLIND]).hiding(|w| vec![w.friend.username.clone(), w.friend.nickname.clone()]),
        call("messages/newer", |w, _| form!["conversation_id" => w.conversation, "after" => 0], [E401, E404, E404, E404, E404, E404, OK]),
        call("messages/send", |w, _| form!["conversation_id" => w.conversation, "body" => "답장입니다"], [E401, E404, E404, E404, E404, E404, OK]),
        call("messages/leave", |w, _| form!["conversation_id" => w.conversation], [E401, E404, E404, E404, E404, E404, OK]),
        call("messages/block", |w, _| form!["conversation_id" => w.conversation, "blocked" => true], [E401, E404, E404, E404, E404, E404, OK]),
        call("reports/create", |w, _| form!["target" => "message", "target_id" => w.message, "reason" => "abuse"], [E401, E404, E404, E404, E404, E404, OK]),
        call("reports/moderate", |w, _| form!["target" => "message", "target_id" => w.reported_message, "action" => "restore"], [E401, E403, E403, E403, E404, OK, E403]),

        // Timetables are private to their student: someone else's timetable or entry answers 404 whatever
        // the call; the editor only ever opens the caller's own.
        call("timetables/mine", |w, _| form!["timetable_id" => w.timetable], [E401, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(owner_timetable),
        call("timetables/create", |w, _| form!["semester" => w.semester.0, "name" => "새 시간표"], [E401, OK, OK, OK, OK, OK, OK]),
        call("timetables/rename", |w, _| form!["timetable_id" => w.timetable, "name" => "바뀐 이름"], [E401, E404, E404, E404, E404, E404, OK]),
        call("timetables/delete", |w, _| form!["timetable_id" => w.timetable], [E401, E404, E404, E404, E404, E404, OK]),
        call("timetables/primary", |w, _| form!["timetable_id" => w.timetable], [E401, E404, E404, E404, E404, E404, OK]),
        call("timetables/visibility", |w, _| form!["timetable_id" => w.timetable, "visibility" => "private"], [E401, E404, E404, E404, E404, E404, OK]),
        call("timetables/add-course", |w, _| form!["timetable_id" => w.timetable, "course_id" => w.free_course], [E401, E404, E404, E404, E404, E404, OK]),
        call("timetables/add-custom", |w, _| form!["timetable_id" => w.timetable, "name" => "알바", "weekday" => 6, "start" => "20:00", "end" => "21:00"], [E401, E404, E404, E404, E404, E404, OK]),
        call("timetables/remove-entry", |w, _| form!["entry_id" => w.course_entry], [E401, E404, E404, E404, E404, E404, OK]),
        // The owner's primary timetable is 전체공개: the school sees it, except across a block.
        call("timetables/of", |w, _| form!["username" => w.owner.student.username], [E401, E404, OK, BLIND, E404, OK, OK]).hiding(owner_timetable),
        // Its link answers as the friend view does: the same school sees a 전체공개 one, not across a block.
        call("timetables/shared", |w, _| form!["timetable_id" => w.timetable], [E401, E404, OK, BLIND, E404, OK, OK]).hiding(owner_timetable),

        // The catalogue, 강의평 and professors belong to the school.
        call("courses/search", |w, _| form!["q" => w.professor_prefix()], [E401, BLIND, OK, OK, BLIND, OK, OK]).hiding(|w| vec![w.professor.clone()]),
        call("courses/get", |w, _| form!["course_id" => w.course], [E401, E404, OK, OK, E404, OK, OK]),
        call("reviews/write", |w, _| review_form(w.course), [E401, E404, OK, OK, E404, OK, E409]),
        call("reviews/delete", |w, _| form!["review_id" => w.review], [E401, E404, E404, E404, E404, E404, OK]),
        // The 강의평 screen: the school reads its reviews without their authors; another school reads none.
        call("reviews/recent", |_, _| form![], [E401, BLIND, OK, OK, BLIND, OK, OK]).hiding(owner_review),
        call("reviews/recent", |_, _| form![], [E401, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(owner_identity),
        call("reviews/mine", |_, _| form![], [E401, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(owner_review),
        call("reviews/search", |w, _| form!["q" => w.professor_prefix()], [E401, BLIND, OK, OK, BLIND, OK, OK]).hiding(|w| vec![w.professor.clone()]),
        call("professors/search", |w, _| form!["q" => w.professor_prefix()], [E401, BLIND, OK, OK, BLIND, OK, OK]).hiding(|w| vec![w.professor.clone()]),
        call("professors/get", |w, _| form!["name" => w.professor], [E401, E404, OK, OK, E404, OK, OK]),

        // 학점계산기: a student's own alone. Everyone else's call acts on their own book (the list, the scale,
        // a new term) or finds nothing of the owner's (404), admins included.
        call("gpa", |_, _| form![], [E401, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(owner_gpa),
        call("gpa/scale", |_, _| form!["scale" => "4.3"], [E401, OK, OK, OK, OK, OK, OK]),
        call("gpa/terms/create", |_, _| form!["name" => "새 학기"], [E401, OK, OK, OK, OK, OK, OK]),
        call("gpa/terms/rename", |w, _| form!["term_id" => w.gpa_term, "name" => "바뀐 학기"], [E401, E404, E404, E404, E404, E404, OK]),
        call("gpa/terms/delete", |w, _| form!["term_id" => w.gpa_term], [E401, E404, E404, E404, E404, E404, OK]),
        call("gpa/courses/add", |w, _| form!["term_id" => w.gpa_term, "name" => "새 과목", "credits" => "3", "grade" => "B+"], [E401, E404, E404, E404, E404, E404, OK]),
        call("gpa/courses/edit", |w, _| form!["course_id" => w.gpa_course, "name" => "고친 과목", "credits" => "2", "grade" => "F"], [E401, E404, E404, E404, E404, E404, OK]),
        call("gpa/courses/delete", |w, _| form!["course_id" => w.gpa_course], [E401, E404, E404, E404, E404, E404, OK]),
        call("gpa/import", |w, _| form!["timetable_id" => w.timetable], [E401, E404, E404, E404, E404, E404, OK]),
        call("gpa/import", |w, _| form!["timetable_id" => w.timetable, "term_id" => w.gpa_term], [E401, E404, E404, E404, E404, E404, OK]),
    ]
}

/// Every page route. Columns: visitor, outsider, peer, blocked, foreign admin, admin, owner.
#[rustfmt::skip]
fn page_table() -> Vec<Page> {
    vec![
        page("/", |_| "/".into(), [OK, BLIND, OK, OK, BLIND, OK, OK]).hiding(owner_titles),
        page("/login", |_| "/login".into(), [OK, OK, OK, OK, OK, OK, OK]),
        page("/signup", |_| "/signup".into(), [OK, OK, OK, OK, OK, OK, OK]),
        page("/me", |_| "/me".into(), [LOGIN, OK, OK, OK, OK, OK, OK]),
        page("/boards", |_| "/boards".into(), [LOGIN, OK, OK, OK, OK, OK, OK]),
        page("/boards/:id", |w| format!("/boards/{}", w.board), [LOGIN, E404, OK, OK, E404, OK, OK]),
        page("/boards/:id/write", |w| format!("/boards/{}/write", w.board), [LOGIN, E404, OK, OK, E404, OK, OK]),
        page("/posts/:id", |w| format!("/posts/{}", w.post), [LOGIN, E404, OK, OK, E404, OK, OK]),
        page("/posts/:id", |w| format!("/posts/{}", w.anonymous_post), [LOGIN, E404, BLIND, BLIND, E404, BLIND, OK]).hiding(owner_identity),
        page("/posts/:id/edit", |w| format!("/posts/{}/edit", w.post), [LOGIN, E404, E403, E403, E404, E403, OK]),
        page("/posts/:id/like", |w| format!("/posts/{}/like", w.post), [LOGIN, E404, OK, OK, E404, OK, E403]),
        page("/posts/:id/like", |w| format!("/posts/{}/like", w.anonymous_post), [LOGIN, E404, BLIND, BLIND, E404, BLIND, E403]).hiding(owner_identity),
        page("/posts/:id/like", |w| format!("/posts/{}/like?comment={}", w.post, w.comment), [LOGIN, E404, OK, OK, E404, OK, E403]),
        page("/posts/:id/like", |w| format!("/posts/{}/like?comment=x{}", w.post, w.comment), [LOGIN, E404, E404, E404, E404, E404, E404]),
        page("/posts/:id/delete", |w| format!("/posts/{}/delete", w.post), [LOGIN, E404, E403, E403, E404, E403, OK]),
        page("/posts/:id/delete", |w| format!("/posts/{}/delete?comment={}", w.post, w.comment), [LOGIN, E404, E403, E403, E404, E403, OK]),
        page("/posts/:id/delete", |w| format!("/posts/{}/delete?comment={}", w.anonymous_post, w.comment), [LOGIN, E404, E404, E404, E404, E404, E404]),
        page("/admin/reports", |_| "/admin/reports".into(), [LOGIN, E403, E403, E403, BLIND, OK, E403]).hiding(|w| vec![w.reported_title.clone()]),
        page("/lists/:kind", |_| "/lists/recent".into(), [LOGIN, BLIND, OK, OK, BLIND, OK, OK]).hiding(owner_titles),
        page("/search", |_| format!("/search?q={}", encode(SEARCH_TEXT)), [LOGIN, BLIND, OK, OK, BLIND, OK, OK]).hiding(owner_titles),
        page("/timetable", |w| format!("/timetable?id={}", w.timetable), [LOGIN, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(owner_timetable),
        page("/users/:username/timetable", |w| format!("/users/{}/timetable", w.owner.student.username), [LOGIN, E404, OK, BLIND, E404, OK, OK]).hiding(owner_timetable),
        page("/timetables/:id", |w| format!("/timetables/{}", w.timetable), [LOGIN, E404, OK, BLIND, E404, OK, OK]).hiding(owner_timetable),
        page("/courses/:id", |w| format!("/courses/{}", w.course), [LOGIN, E404, OK, OK, E404, OK, OK]),
        page("/reviews", |_| "/reviews".into(), [LOGIN, BLIND, OK, OK, BLIND, OK, OK]).hiding(owner_review),
        page("/reviews", |_| "/reviews".into(), [LOGIN, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(owner_identity),
        page("/reviews", |w| format!("/reviews?q={}", encode(&w.professor_prefix())), [LOGIN, BLIND, OK, OK, BLIND, OK, OK]).hiding(|w| vec![w.professor.clone()]),
        page("/professors", |w| format!("/professors?q={}", encode(&w.professor_prefix())), [LOGIN, BLIND, OK, OK, BLIND, OK, OK]).hiding(|w| vec![w.professor.clone()]),
        page("/professors/:name", |w| format!("/professors/{}", encode(&w.professor)), [LOGIN, E404, OK, OK, E404, OK, OK]),
        page("/friends", |_| "/friends".into(), [LOGIN, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(|w| vec![w.owner.student.username.clone()]),
        page("/notifications", |_| "/notifications".into(), [LOGIN, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(|w| vec![w.asker.nickname.clone()]),
        page("/messages", |_| "/messages".into(), [LOGIN, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(|w| vec![w.message_text.clone()]),
        page("/messages/:id", |w| format!("/messages/{}", w.conversation), [LOGIN, E404, E404, E404, E404, E404, BLIND]).hiding(|w| vec![w.friend.username.clone(), w.friend.nickname.clone()]),
        page("/messages/new", |w| format!("/messages/new?post={}", w.post), [LOGIN, OK, OK, OK, OK, OK, OK]),
        page("/gpa", |_| "/gpa".into(), [LOGIN, BLIND, BLIND, BLIND, BLIND, BLIND, OK]).hiding(owner_gpa),
    ]
}

/// What searches look for: the start of every title of the owner's named posts. Pages echo the query, so it
/// must not be a secret itself.
const SEARCH_TEXT: &str = "주인의 글";

/// The text of the owner's 강의평: the school reads it (anonymously), another school must not.
const REVIEW_TEXT: &str = "설명이 친절하고 과제가 적당합니다.";

/// What the owner's 학점계산기 holds.
fn owner_gpa(w: &World) -> Vec<String> {
    vec![w.gpa_term_name.clone(), w.gpa_course_name.clone()]
}

/// What the owner's 강의평 says.
fn owner_review(_: &World) -> Vec<String> {
    vec![REVIEW_TEXT.to_owned()]
}

fn review_form(course: i64) -> Form {
    form![
        "course_id" => course, "stars" => 4, "body" => REVIEW_TEXT,
        "assignments" => "average", "team_projects" => "average", "grading" => "average", "attendance" => "mixed",
        "exams" => 2,
    ]
}

static NAMES: AtomicU64 = AtomicU64::new(0);

fn next_number() -> u64 {
    NAMES.fetch_add(1, Ordering::Relaxed)
}

/// A nickname nobody has yet.
fn fresh_nickname() -> String {
    format!("새이름{:04}", next_number())
}

/// Percent-encodes a path segment or query value.
fn encode(value: &str) -> String {
    campus::components::require_login::encode_query_value(value)
}

// ---------------------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------------------

/// The server-function rows are shared out among this many apps, which run at the same time. Each app has a
/// database of its own, so a snapshot in one never sees another's writes; within an app the rows run one
/// after another.
const APPS: usize = 4;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_server_function_refuses_whom_it_must_and_writes_nothing_when_it_does() {
    let table = server_function_table();
    let declared = declared_endpoints();
    let tabled: BTreeSet<String> = table.iter().map(|c| c.endpoint.to_owned()).collect();
    assert_eq!(
        tabled, declared,
        "the table must have a row for every #[server] endpoint in src/api, and no other"
    );
    let rows = table.len();

    let mut shares: Vec<Vec<(usize, Call)>> = (0..APPS).map(|_| Vec::new()).collect();
    for (row, case) in table.into_iter().enumerate() {
        shares[row % APPS].push((row, case));
    }
    let apps: Vec<_> = shares
        .into_iter()
        .map(|share| {
            tokio::spawn(async move {
                let app = spawn_app().await;
                let setting = Setting::discover(&app).await;
                let mut report = Report::default();
                for (row, case) in &share {
                    run_row(&app, &setting, *row, case, &mut report).await;
                }
                report
            })
        })
        .collect();
    let mut report = Report::default();
    for app in apps {
        report.absorb(app.await.expect("an app's rows"));
    }
    println!(
        "authorization matrix: {} server functions in {rows} rows × {} actors = {} calls, {} refused",
        declared.len(),
        Actor::ALL.len(),
        report.calls,
        report.refused
    );
    report.assert_clean();
}

/// One row of the server-function table, in a world of its own (see the module comment).
async fn run_row(app: &TestApp, setting: &Setting, row: usize, case: &Call, report: &mut Report) {
    let world = World::build(app, setting).await;
    // The database as it stands, when known: after an allowed call (which may write) it is taken again before
    // the next refusal.
    let mut current: Option<Snapshot> = None;
    for (actor, expect) in Actor::ALL.into_iter().zip(case.expect) {
        let before = match current.take() {
            Some(snapshot) => snapshot,
            None if expect.refuses() => Snapshot::take(app.db()).await,
            None => Snapshot::default(),
        };
        let form = (case.form)(&world, actor);
        let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app.call(&world.client(actor), case.endpoint, &fields).await;
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        let at = format!("row {row} {} {fields:?} as {actor:?}", case.endpoint);
        report.check_api(&at, expect, status, &body, &(case.secrets)(&world));
        if expect.refuses() {
            let after = Snapshot::take(app.db()).await;
            report.check_unchanged(&at, &before, &after);
            current = Some(after);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_page_answers_each_requester_as_it_must() {
    let app = spawn_app().await;
    let setting = Setting::discover(&app).await;
    let table = page_table();
    let routes = declared_routes();
    let tabled: BTreeSet<String> = table.iter().map(|p| p.route.to_owned()).collect();
    assert_eq!(tabled, routes, "the table must have a row for every route in src/app.rs, and no other");

    let world = World::build(&app, &setting).await;
    let mut report = Report::default();
    let mut before = Snapshot::take(app.db()).await;
    for case in &table {
        let path = (case.path)(&world);
        for (actor, expect) in Actor::ALL.into_iter().zip(case.expect) {
            let response = world
                .client(actor)
                .get(app.url(&path))
                .header("accept", "text/html")
                .send()
                .await
                .expect("request");
            let status = response.status();
            let location =
                response.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_owned);
            let html = response.text().await.unwrap_or_default();
            let after = Snapshot::take(app.db()).await;
            let at = format!("GET {path} as {actor:?}");
            report.check_page(&at, expect, status, location.as_deref(), &html, &(case.secrets)(&world));
            // Showing a page never writes, whoever asks.
            report.check_unchanged(&at, &before, &after);
            before = after;
        }
    }
    println!(
        "authorization matrix (pages): {} routes in {} rows × {} actors = {} requests, {} refused",
        routes.len(),
        table.len(),
        Actor::ALL.len(),
        report.calls,
        report.refused
    );
    report.assert_clean();
}

/// The timetable image (`GET /timetables/{id}/image.svg`, an HTTP route outside `src/app.rs`) answers whom
/// its page shows the timetable to, and a bare 404 to whom it does not: a blocked student sees the page's
/// 비공개 note, and no image. A visitor is refused (401), not redirected: an image is no page to log in from.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_timetable_image_shows_to_whom_its_page_shows_the_timetable() {
    let app = spawn_app().await;
    let setting = Setting::discover(&app).await;
    let world = World::build(&app, &setting).await;
    let expect = [E401, E404, OK, E404, E404, OK, OK];
    let mut report = Report::default();
    let before = Snapshot::take(app.db()).await;
    for download in ["", "?download=1"] {
        let path = format!("/timetables/{}/image.svg{download}", world.timetable);
        for (actor, expect) in Actor::ALL.into_iter().zip(expect) {
            let response = world.client(actor).get(app.url(&path)).send().await.expect("request");
            let status = response.status();
            let body = response.text().await.unwrap_or_default();
            let at = format!("GET {path} as {actor:?}");
            report.check_api(&at, expect, status, &body, &[]);
            if expect.refuses() {
                report.check_blind(&at, &body, &owner_timetable(&world));
            } else if !body.contains(&world.custom_entry_name) {
                report.fail(&at, "the image lacks the custom entry".into());
            }
        }
    }
    report.check_unchanged("the images", &before, &Snapshot::take(app.db()).await);
    report.assert_clean();
}

// ---------------------------------------------------------------------------------------------------------
// Checking answers
// ---------------------------------------------------------------------------------------------------------

/// Every mismatch of the matrix, gathered so that one run shows them all.
#[derive(Default)]
struct Report {
    calls: usize,
    refused: usize,
    failures: Vec<String>,
}

impl Report {
    fn absorb(&mut self, other: Report) {
        self.calls += other.calls;
        self.refused += other.refused;
        self.failures.extend(other.failures);
    }

    fn fail(&mut self, at: &str, what: String) {
        self.failures.push(format!("{at}: {what}"));
    }

    fn check_api(&mut self, at: &str, expect: Expect, status: StatusCode, body: &str, secrets: &[String]) {
        self.calls += 1;
        match expect {
            Expect::Allow | Expect::Blind => {
                if !status.is_success() {
                    self.fail(at, format!("expected success, got {status}: {body}"));
                } else if expect == Expect::Blind {
                    self.check_blind(at, body, secrets);
                }
            }
            Expect::Refuse(code) => {
                self.refused += 1;
                if status.as_u16() != code {
                    return self.fail(at, format!("expected {code}, got {status}: {body}"));
                }
                match serde_json::from_str::<AppError>(body) {
                    Err(_) => self.fail(at, format!("the refusal is not an AppError: {body}")),
                    Ok(error) if error.status() != code => {
                        self.fail(at, format!("the error {error:?} is a {}, sent as {code}", error.status()))
                    }
                    Ok(error) if !is_korean(&error.to_string()) => {
                        self.fail(at, format!("the error message is not Korean: {error}"))
                    }
                    Ok(_) => {}
                }
            }
            Expect::ToLogin => unreachable!("server functions answer 401, pages redirect"),
        }
    }

    fn check_page(
        &mut self,
        at: &str,
        expect: Expect,
        status: StatusCode,
        location: Option<&str>,
        html: &str,
        secrets: &[String],
    ) {
        self.calls += 1;
        if expect.refuses() {
            self.refused += 1;
        }
        match expect {
            Expect::Allow | Expect::Blind => {
                if status != StatusCode::OK {
                    self.fail(at, format!("expected the page, got {status} {location:?}"));
                } else if let Some(alert) = alert_text(html) {
                    self.fail(at, format!("the page shows an error: {alert}"));
                } else if expect == Expect::Blind {
                    self.check_blind(at, html, secrets);
                }
            }
            Expect::ToLogin => {
                let to_login = location.is_some_and(|l| l.starts_with("/login?next="));
                if status != StatusCode::FOUND || !to_login {
                    self.fail(at, format!("expected a redirect to log in, got {status} {location:?}"));
                }
            }
            Expect::Refuse(code) => {
                if status.as_u16() != code {
                    return self.fail(at, format!("expected {code}, got {status}: {:?}", alert_text(html)));
                }
                if !alert_text(html).is_some_and(|text| is_korean(&text)) {
                    self.fail(at, "the refused page says nothing in Korean in its alert".into());
                }
            }
        }
    }

    fn check_blind(&mut self, at: &str, body: &str, secrets: &[String]) {
        assert!(!secrets.is_empty(), "{at}: a Blind expectation needs secrets");
        for secret in secrets.iter().filter(|s| body.contains(s.as_str())) {
            self.fail(at, format!("the answer reveals {secret:?}"));
        }
    }

    fn check_unchanged(&mut self, at: &str, before: &Snapshot, after: &Snapshot) {
        if let Some(diff) = before.diff(after) {
            self.fail(at, format!("the database changed:\n{diff}"));
        }
    }

    fn assert_clean(&self) {
        assert!(
            self.failures.is_empty(),
            "{} of {} calls did not answer as the matrix says:\n{}",
            self.failures.len(),
            self.calls,
            self.failures.join("\n")
        );
    }
}

/// Whether the text has Hangul in it.
fn is_korean(text: &str) -> bool {
    text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// The text of the first non-empty `role="alert"` element of a page (pages show their errors there), its nested
/// elements' text included: a page-replacing error puts its title and message in a heading and a paragraph.
fn alert_text(html: &str) -> Option<String> {
    html.split("role=\"alert\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(_, inner)| element_text(inner)))
        .find(|text| !text.is_empty())
}

/// The text of an element whose opening tag ends just before `inner`: every text run up to its closing tag,
/// joined by spaces.
fn element_text(inner: &str) -> String {
    const VOID: [&str; 4] = ["br", "img", "input", "hr"];
    let mut depth = 0usize;
    let mut text = Vec::new();
    let mut rest = inner;
    loop {
        let (run, after) = rest.split_once('<').unwrap_or((rest, ""));
        if !run.trim().is_empty() {
            text.push(run.trim());
        }
        let Some((tag, next)) = after.split_once('>') else { break };
        rest = next;
        let name = tag.trim_start_matches('/').split([' ', '/']).next().unwrap_or_default();
        if tag.starts_with('/') {
            match depth.checked_sub(1) {
                Some(outer) => depth = outer,
                None => break,
            }
        } else if !tag.ends_with('/') && !tag.starts_with('!') && !VOID.contains(&name) {
            depth += 1;
        }
    }
    text.join(" ")
}

// ---------------------------------------------------------------------------------------------------------
// Coverage: the endpoints and routes the code declares
// ---------------------------------------------------------------------------------------------------------

fn source(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("source file")
}

/// The values of `marker"…"` in a source text.
fn quoted_after(text: &str, marker: &str) -> Vec<String> {
    text.split(marker).skip(1).filter_map(|rest| rest.split('"').next()).map(str::to_owned).collect()
}

/// Every `endpoint = "…"` of a `#[server]` function in `src/api`.
fn declared_endpoints() -> BTreeSet<String> {
    let dir = format!("{}/src/api", env!("CARGO_MANIFEST_DIR"));
    let mut endpoints = BTreeSet::new();
    for entry in std::fs::read_dir(dir).expect("src/api") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("api source");
        endpoints.extend(quoted_after(&text, "endpoint = \""));
    }
    assert!(
        endpoints.len() >= 50,
        "found only {} server functions: has the macro syntax changed?",
        endpoints.len()
    );
    endpoints
}

/// Every `path!("…")` route of `src/app.rs`.
fn declared_routes() -> BTreeSet<String> {
    quoted_after(&source("src/app.rs"), "path!(\"").into_iter().collect()
}

// ---------------------------------------------------------------------------------------------------------
// The world: the owner, the actors and the targets
// ---------------------------------------------------------------------------------------------------------

/// What every world of one app shares: the schools, and two courses of the first school's current semester.
struct Setting {
    /// (school id, department id) of the first and the second school.
    schools: [(i64, i64); 2],
    semester: Semester,
    /// A course whose professor teaches at the first school only (so that the professor's page is the first
    /// school's alone).
    course: i64,
    professor: String,
    /// A course whose times clash with neither `course` nor the custom entries below.
    free_course: i64,
}

/// Weekday (Sunday) and times of the owner's custom entry, and of the one the table adds.
const CUSTOM_WEEKDAY: i64 = 6;
const LATE_EVENING: (i64, i64) = (20 * 60, 23 * 60);

impl Setting {
    async fn discover(app: &TestApp) -> Self {
        let directory = app.directory().await;
        let school = |index: usize| {
            let id = directory["schools"][index]["id"].as_i64().expect("school");
            let department = directory["departments"]
                .as_array()
                .expect("departments")
                .iter()
                .find(|d| d["school_id"].as_i64() == Some(id))
                .and_then(|d| d["id"].as_i64())
                .expect("department");
            (id, department)
        };
        let schools = [school(0), school(1)];
        let semester = Semester::current(campus::server::now());
        let pool = app.db().pool();
        let courses: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, professor FROM courses WHERE school_id = $1 AND semester = $2 ORDER BY id",
        )
        .bind(schools[0].0)
        .bind(semester.0)
        .fetch_all(pool)
        .await
        .expect("courses");
        let elsewhere: Vec<String> =
            sqlx::query_scalar("SELECT DISTINCT professor FROM courses WHERE school_id <> $1")
                .bind(schools[0].0)
                .fetch_all(pool)
                .await
                .expect("professors");
        let elsewhere: BTreeSet<String> = elsewhere.into_iter().collect();
        let slots: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT s.course_id, s.weekday, s.start_minute, s.end_minute FROM course_slots s \
             JOIN courses c ON c.id = s.course_id WHERE c.school_id = $1 AND c.semester = $2",
        )
        .bind(schools[0].0)
        .bind(semester.0)
        .fetch_all(pool)
        .await
        .expect("slots");
        let slots_of = |course: i64| slots.iter().filter(move |s| s.0 == course).map(|s| (s.1, s.2, s.3));
        let clashes = |a: i64, b: i64| {
            slots_of(a).any(|(day, start, end)| slots_of(b).any(|(d, s, e)| d == day && s < end && start < e))
        };
        let late_sunday = |course: i64| {
            slots_of(course).any(|(day, start, end)| {
                day == CUSTOM_WEEKDAY && start < LATE_EVENING.1 && LATE_EVENING.0 < end
            })
        };
        let usable = |id: i64| slots_of(id).next().is_some() && !late_sunday(id);
        let (course, professor) = courses
            .iter()
            .find(|(id, professor)| usable(*id) && !elsewhere.contains(professor))
            .cloned()
            .expect("a course whose professor teaches at the first school only");
        let free_course = courses
            .iter()
            .map(|(id, _)| *id)
            .find(|id| *id != course && usable(*id) && !clashes(course, *id))
            .expect("a second course that fits");
        Setting { schools, semester, course, professor, free_course }
    }
}

/// A signed-up student and the client that holds their login.
struct Member {
    student: Student,
    client: Client,
}

/// One owner with every kind of target, and the actors around them.
struct World {
    owner: Member,
    peer: Member,
    outsider: Member,
    blocked: Member,
    foreign_admin: Member,
    admin: Member,
    /// Bystanders: the owner's friend, a student who asked the owner to be friends, and one the owner asked.
    friend: Student,
    asker: Student,
    askee: Student,
    semester: Semester,
    department: i64,
    school: i64,
    /// The first school's 자유게시판.
    board: i64,
    post: i64,
    post_title: String,
    anonymous_post: i64,
    anonymous_title: String,
    /// The owner's post with one report, in the admins' queue.
    reported_post: i64,
    reported_title: String,
    /// The owner's comment on `post`, reported once.
    comment: i64,
    comment_body: String,
    /// The owner's primary timetable (전체공개), holding `course` and a custom entry.
    timetable: i64,
    timetable_name: String,
    course_entry: i64,
    custom_entry_name: String,
    course: i64,
    free_course: i64,
    professor: String,
    /// The owner's 강의평 of `course`.
    review: i64,
    /// The owner's newest 알림: the asker's friend request.
    notification: i64,
    /// The friend's conversation with the owner, started from the owner's anonymous post.
    conversation: i64,
    /// The friend's first 쪽지 in it, which the owner may report.
    message: i64,
    /// The friend's second 쪽지, reported by the owner, in the admins' queue.
    reported_message: i64,
    message_text: String,
    /// The owner's 학점계산기 term, holding `gpa_course`.
    gpa_term: i64,
    gpa_term_name: String,
    gpa_course: i64,
    gpa_course_name: String,
}

impl World {
    async fn build(app: &TestApp, setting: &Setting) -> World {
        let n = next_number();
        let (first, second) = (setting.schools[0], setting.schools[1]);
        // Roles: (username prefix, nickname prefix, school). Fixed-width numbers, so that no name is a
        // substring of another and the secrets checks cannot match by accident.
        let roles = [
            ("owner", "주인", first),
            ("peer", "동기", first),
            ("outsider", "타교생", second),
            ("blocked", "차단", first),
            ("foreign", "타교관리", second),
            ("admin", "관리자", first),
            ("friend", "친구", first),
            ("asker", "신청", first),
            ("askee", "수신", first),
        ];
        let students: Vec<Student> = roles
            .iter()
            .map(|(user, nick, (school_id, department_id))| Student {
                username: format!("{user}_{n:04}"),
                nickname: format!("{nick}{n:04}"),
                school_id: *school_id,
                department_id: *department_id,
            })
            .collect();
        let clients: Vec<Client> = students.iter().map(|_| new_client()).collect();
        // Signed up all at once: each sign-up spends an argon2 hash.
        let handles = students
            .iter()
            .zip(&clients)
            .map(|(student, client)| {
                let form = signup_fields(student);
                let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.spawn_call(client, "auth/signup", &fields)
            })
            .collect();
        for status in statuses(handles).await {
            assert_eq!(status, StatusCode::OK, "sign-up");
        }
        let mut members =
            students.into_iter().zip(clients).map(|(student, client)| Member { student, client });
        let mut next = || members.next().expect("member");
        let (owner, peer, outsider, blocked, foreign_admin, admin) =
            (next(), next(), next(), next(), next(), next());
        let (friend, asker, askee) = (next(), next(), next());

        for member in [&admin, &foreign_admin] {
            let granted =
                campus::server::db::users::set_admin(app.db(), &member.student.username, true).await;
            assert!(granted.expect("grant"), "admin granted");
        }

        let board = app.board_id(&owner.client, "free").await;
        let post_title = format!("주인의 글 {n:04}");
        let post = app.write_post(&owner.client, board, &post_title, false).await;
        let anonymous_title = format!("주인의 익명 글 {n:04}");
        let anonymous_post = app.write_post(&owner.client, board, &anonymous_title, true).await;
        let reported_title = format!("신고된 글 {n:04}");
        let reported_post = app.write_post(&owner.client, board, &reported_title, false).await;
        let comment_body = format!("주인의 댓글 {n:04}");
        let comment: i64 =
            expect_ok(app.comment(&owner.client, post, None, &comment_body, false).await).await;
        for (target, id) in [("post", reported_post), ("comment", comment)] {
            let form = form!["target" => target, "target_id" => id, "reason" => "off_topic"];
            must(app, &friend.client, "reports/create", form).await;
        }

        // Friends: a friendship, a request each way, and a block.
        let by_name = |student: &Student| form!["username" => student.username];
        must(app, &friend.client, "friends/request", by_name(&owner.student)).await;
        must(app, &owner.client, "friends/accept", by_name(&friend.student)).await;
        must(app, &asker.client, "friends/request", by_name(&owner.student)).await;
        must(app, &owner.client, "friends/request", by_name(&askee.student)).await;
        must(app, &owner.client, "friends/block", by_name(&blocked.student)).await;
        let notifications: serde_json::Value =
            expect_ok(call_form(app, &owner.client, "notifications", form![]).await).await;
        let notification =
            notifications["items"][0]["id"].as_i64().expect("the asker's request notified the owner");

        // 쪽지: the friend writes to the owner's anonymous post twice; the owner reports the second.
        let message_text = format!("친구의 쪽지 {n:04}");
        let form = form!["post_id" => anonymous_post, "body" => message_text];
        let started: serde_json::Value =
            expect_ok(call_form(app, &friend.client, "messages/start", form).await).await;
        let conversation = started["conversation_id"].as_i64().expect("conversation");
        let form = form!["conversation_id" => conversation, "body" => format!("{message_text} 둘째")];
        let second: serde_json::Value =
            expect_ok(call_form(app, &friend.client, "messages/send", form).await).await;
        let reported_message = second["id"].as_i64().expect("message");
        let opened: serde_json::Value = expect_ok(
            call_form(app, &owner.client, "messages/open", form!["conversation_id" => conversation]).await,
        )
        .await;
        let message = opened["messages"]["messages"][0]["id"].as_i64().expect("message");
        let form = form!["target" => "message", "target_id" => reported_message, "reason" => "spam"];
        must(app, &owner.client, "reports/create", form).await;

        // The timetable, 전체공개, with a course and a custom entry, and a review of the course.
        let timetable_name = format!("주인 시간표 {n:04}");
        let form = form!["semester" => setting.semester.0, "name" => timetable_name];
        let timetable: i64 = expect_ok(call_form(app, &owner.client, "timetables/create", form).await).await;
        must(
            app,
            &owner.client,
            "timetables/visibility",
            form!["timetable_id" => timetable, "visibility" => "public"],
        )
        .await;
        let form = form!["timetable_id" => timetable, "course_id" => setting.course];
        let course_entry: i64 =
            expect_ok(call_form(app, &owner.client, "timetables/add-course", form).await).await;
        let custom_entry_name = format!("동아리 {n:04}");
        let form = form![
            "timetable_id" => timetable, "name" => custom_entry_name, "weekday" => CUSTOM_WEEKDAY,
            "start" => "22:00", "end" => "23:00",
        ];
        let _: i64 = expect_ok(call_form(app, &owner.client, "timetables/add-custom", form).await).await;
        let review: i64 =
            expect_ok(call_form(app, &owner.client, "reviews/write", review_form(setting.course)).await)
                .await;

        // The 학점계산기: a term with one course.
        let gpa_term_name = format!("주인 학기 {n:04}");
        let gpa_term: i64 = expect_ok(
            call_form(app, &owner.client, "gpa/terms/create", form!["name" => gpa_term_name]).await,
        )
        .await;
        let gpa_course_name = format!("주인 과목 {n:04}");
        let form = form!["term_id" => gpa_term, "name" => gpa_course_name, "credits" => "3", "grade" => "A+", "major" => "on"];
        let gpa_course: i64 = expect_ok(call_form(app, &owner.client, "gpa/courses/add", form).await).await;

        World {
            owner,
            peer,
            outsider,
            blocked,
            foreign_admin,
            admin,
            friend: friend.student,
            asker: asker.student,
            askee: askee.student,
            semester: setting.semester,
            department: first.1,
            school: first.0,
            board,
            post,
            post_title,
            anonymous_post,
            anonymous_title,
            reported_post,
            reported_title,
            comment,
            comment_body,
            timetable,
            timetable_name,
            course_entry,
            custom_entry_name,
            course: setting.course,
            free_course: setting.free_course,
            professor: setting.professor.clone(),
            review,
            notification,
            conversation,
            message,
            reported_message,
            message_text,
            gpa_term,
            gpa_term_name,
            gpa_course,
            gpa_course_name,
        }
    }

    fn member(&self, actor: Actor) -> Option<&Member> {
        match actor {
            Actor::Visitor => None,
            Actor::Outsider => Some(&self.outsider),
            Actor::Peer => Some(&self.peer),
            Actor::Blocked => Some(&self.blocked),
            Actor::ForeignAdmin => Some(&self.foreign_admin),
            Actor::Admin => Some(&self.admin),
            Actor::Owner => Some(&self.owner),
        }
    }

    /// The actor's client; a visitor gets a new one each time, so that no call leaves them logged in.
    fn client(&self, actor: Actor) -> Client {
        self.member(actor).map_or_else(new_client, |member| member.client.clone())
    }

    /// The actor's own username (a visitor knows the owner's, and the password).
    fn username(&self, actor: Actor) -> String {
        self.member(actor).unwrap_or(&self.owner).student.username.clone()
    }

    /// The first two letters of the professor's name: a search for it, whose echo on a page is no secret.
    fn professor_prefix(&self) -> String {
        self.professor.chars().take(2).collect()
    }

    /// A new student of the owner's school.
    fn signup_form(&self) -> Form {
        let n = next_number();
        let student = Student {
            username: format!("newcomer_{n:04}"),
            nickname: format!("새내기{n:04}"),
            school_id: self.school,
            department_id: self.department,
        };
        signup_fields(&student)
    }
}

fn signup_fields(student: &Student) -> Form {
    form![
        "username" => student.username, "password" => PASSWORD, "password_confirm" => PASSWORD,
        "nickname" => student.nickname,
        "school_id" => student.school_id, "department_id" => student.department_id, "admission_year" => 2024,
    ]
}

async fn call_form(app: &TestApp, client: &Client, endpoint: &str, form: Form) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.call(client, endpoint, &fields).await
}

/// A setup call that must succeed.
async fn must(app: &TestApp, client: &Client, endpoint: &str, form: Form) {
    let response = call_form(app, client, endpoint, form).await;
    let status = response.status();
    assert!(status.is_success(), "{endpoint}: {status} {}", response.text().await.unwrap_or_default());
}

/// The JSON answer of a setup call that must succeed.
async fn expect_ok<T: serde::de::DeserializeOwned>(response: reqwest::Response) -> T {
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    assert!(status.is_success(), "{status} {body}");
    serde_json::from_str(&body).expect("json answer")
}

// ---------------------------------------------------------------------------------------------------------
// Database snapshots
// ---------------------------------------------------------------------------------------------------------

/// Every row of every application table, so that a refused call can be shown to have written nothing.
///
/// The tables are read from the database's catalogue rather than listed here, so that a table a later
/// migration adds is covered without anyone remembering to; [`MIGRATED_TABLES`] makes sure the catalogue
/// query finds at least the tables of migrations 0001–0006 (and [`NOT_SNAPSHOTTED`] says what is left out).
///
/// The database renders each row as text, every column whatever its type (SQLite's `quote()` of each column,
/// PostgreSQL's row-to-text cast), and hands back a table as its rows in a fixed order joined by newlines. Doing
/// that in Rust, decoding each column from an `AnyRow`, took half a second per snapshot in a debug build
/// (the seeded course catalogue alone is 19,000 rows), and the matrix takes one after every call.
#[derive(Debug, Default, PartialEq, Eq)]
struct Snapshot(BTreeMap<String, String>);

/// The tables that migrations 0001–0006 create (`migrations/sqlite`, `migrations/postgres`).
const MIGRATED_TABLES: [&str; 24] = [
    "schools",
    "departments",
    "users",
    "sessions",
    "refresh_tokens",
    "login_failures",
    "boards",
    "posts",
    "comments",
    "post_anon_numbers",
    "post_likes",
    "comment_likes",
    "scraps",
    "reports",
    "courses",
    "course_slots",
    "timetables",
    "timetable_entries",
    "timetable_slots",
    "course_reviews",
    "course_ratings",
    "friend_requests",
    "friendships",
    "blocks",
];

/// Tables left out of the snapshot, and why. No table that a request can write is among them: no refused
/// call in the matrix is one that legitimately writes (a failed log-in's record, a counted sign-up attempt).
const NOT_SNAPSHOTTED: [&str; 1] = [
    // sqlx's record of applied migrations, written once at start-up before any request.
    "_sqlx_migrations",
];

impl Snapshot {
    async fn take(db: &Db) -> Snapshot {
        let catalogue = match db.backend() {
            Backend::Sqlite => {
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            }
            Backend::Postgres => {
                "SELECT CAST(tablename AS TEXT) FROM pg_tables WHERE schemaname = current_schema()"
            }
        };
        let tables: Vec<String> =
            sqlx::query_scalar(catalogue).fetch_all(db.pool()).await.expect("catalogue");
        let tables: BTreeSet<String> =
            tables.into_iter().filter(|t| !NOT_SNAPSHOTTED.contains(&t.as_str())).collect();
        for table in MIGRATED_TABLES {
            assert!(tables.contains(table), "the catalogue query missed the table {table}");
        }
        let mut snapshot = BTreeMap::new();
        for table in tables {
            let sql = rows_as_text(db, &table).await;
            let rows: Option<String> = sqlx::query_scalar(&sql).fetch_one(db.pool()).await.expect("rows");
            snapshot.insert(table, rows.unwrap_or_default());
        }
        Snapshot(snapshot)
    }

    /// What changed between two snapshots, table by table (a few rows each), or `None`.
    fn diff(&self, after: &Snapshot) -> Option<String> {
        let mut out = Vec::new();
        let tables: BTreeSet<&String> = self.0.keys().chain(after.0.keys()).collect();
        for table in tables {
            let (old, new) = (self.0.get(table), after.0.get(table));
            if old == new {
                continue;
            }
            let rows = |text: Option<&String>| -> BTreeSet<String> {
                text.map(|t| t.lines().map(str::to_owned).collect()).unwrap_or_default()
            };
            let (old, new) = (rows(old), rows(new));
            let gone: Vec<&String> = old.difference(&new).take(3).collect();
            let came: Vec<&String> = new.difference(&old).take(3).collect();
            out.push(format!("  {table}: {} rows → {}; gone {gone:?}; new {came:?}", old.len(), new.len()));
        }
        (!out.is_empty()).then(|| out.join("\n"))
    }
}

/// A query that returns every row of `table` as one line of text, in a fixed order, joined by newlines (NULL
/// when the table is empty).
async fn rows_as_text(db: &Db, table: &str) -> String {
    match db.backend() {
        Backend::Postgres => {
            // Sorted by the text itself (PostgreSQL has no stable row order), byte-wise for speed.
            format!(
                "SELECT string_agg(CAST(r AS TEXT), chr(10) ORDER BY CAST(r AS TEXT) COLLATE \"C\") FROM \"{table}\" AS r"
            )
        }
        Backend::Sqlite => {
            let columns: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                    .bind(table)
                    .fetch_all(db.pool())
                    .await
                    .expect("columns");
            let row =
                columns.iter().map(|c| format!("quote(\"{c}\")")).collect::<Vec<_>>().join(" || ',' || ");
            // In rowid order, which only a write changes (a row deleted and written again is a write too);
            // sorting the rendered text instead doubled the time of a snapshot.
            format!("SELECT group_concat({row}, char(10) ORDER BY rowid) FROM \"{table}\"")
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_snapshot_notices_any_write_and_only_a_write() {
    let app = spawn_app().await;
    app.signed_up_student().await;
    let pool = app.db().pool();
    let write = |sql: &'static str| async move { sqlx::query(sql).execute(pool).await.expect("write") };
    let original = Snapshot::take(app.db()).await;
    assert_eq!(original, Snapshot::take(app.db()).await, "nothing happened");

    // One number among the thousands of rows of the catalogue.
    write("UPDATE courses SET added_count = added_count + 1 WHERE id = (SELECT MIN(id) FROM courses)").await;
    let changed = Snapshot::take(app.db()).await;
    assert!(original.diff(&changed).is_some_and(|diff| diff.contains("courses")), "a changed number");
    write("UPDATE courses SET added_count = added_count - 1 WHERE id = (SELECT MIN(id) FROM courses)").await;
    assert_eq!(original, Snapshot::take(app.db()).await, "the same content again");

    // NULL becoming a value, and a row that comes and goes.
    write("UPDATE users SET nickname_changed_at = 0").await;
    assert!(original.diff(&Snapshot::take(app.db()).await).is_some_and(|diff| diff.contains("users")));
    write("UPDATE users SET nickname_changed_at = NULL").await;
    write("INSERT INTO login_failures (username_key, client_addr, created_at) VALUES ('a', 'b', 1)").await;
    assert!(original
        .diff(&Snapshot::take(app.db()).await)
        .is_some_and(|diff| diff.contains("login_failures")));
    write("DELETE FROM login_failures").await;
    assert_eq!(original, Snapshot::take(app.db()).await);
}
