// A school with real content for the screen-wide checks (layout, overflow, accessibility): a student with a
// long nickname and every kind of data each main screen shows — long Korean titles, an unbroken
// 200-character word in a post and in a comment, a question, a timetable with a course and a long custom
// entry, a friend, 알림, a 쪽지 conversation — all written through the API, so that the checks look at
// screens, not at forms.
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { AccountPages, expect, newStudent, signUpForm, type Student } from "./fixtures";
import { png } from "./pictures";

/** Every title is at most 100 characters; this one has spaces where a line may break. */
export const LONG_TITLE =
  "기말고사 기간 중앙도서관 열람실 좌석 예약 시스템이 자꾸 튕기는데 저만 그런 건가요 아니면 다들 그런가요 혹시 해결 방법 아시는 분 계신가요";
/** One word of 200 characters: nothing but overflow-wrap can break it. */
export const UNBROKEN = "ㅋ".repeat(100) + "a".repeat(100);
/** The longest custom entry name (30 characters) and a long room. */
export const LONG_ENTRY = "캡스톤디자인프로젝트팀회의및중간발표준비를위한정기모임시간";

/** A 10-character nickname (the longest allowed) of Hangul only, unique per call. */
export function longNickname(): string {
  const digits = `${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(-6);
  return "긴닉네임" + [...digits].map((d) => "가나다라마바사아자차"[Number(d)]).join("");
}

/** What the student's screens hold, by id. */
export type World = {
  student: Student;
  friend: Student;
  board: string;
  post: string;
  friendPost: string;
  course: string;
  professor: string;
  /** The friend's 친구공개 timetable, opened by its link. */
  friendTimetable: string;
  conversation: number;
};

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function ok(response: Promise<import("@playwright/test").APIResponse>) {
  const answer = await response;
  expect(answer.ok(), await answer.text()).toBe(true);
  return answer.json();
}

async function writePost(request: APIRequestContext, board: string, title: string, body: string, extra = {}) {
  return String(await ok(request.post("/api/posts/write", { form: { board_id: board, title, body, ...extra } })));
}

/** A classmate of the student on `page` (same school and department), signed up through the API. */
async function signUpByApi(browser: Browser, page: Page): Promise<Page> {
  const me = await ok(page.request.post("/api/me"));
  const directory = await ok(page.request.post("/api/schools"));
  const department = directory.departments.find((d: { school_id: number }) => d.school_id === me.school_id);
  const classmate = newStudent();
  const other = await (await browser.newContext(phone)).newPage();
  await ok(
    other.request.post("/api/auth/signup", {
      form: signUpForm(classmate, me.school_id, department.id),
    }),
  );
  return other;
}

/** Signs `page` up as a student with a long nickname and fills the school around them. */
export async function buildWorld(page: Page, browser: Browser): Promise<World> {
  const student = { ...newStudent(), nickname: longNickname() };
  await new AccountPages(page).signUp(student);
  await expect(page.getByTestId("greeting")).toBeVisible();
  const request = page.request;
  const boards = await ok(request.post("/api/boards"));
  const board = String(boards.find((b: { slug: string }) => b.slug === "free").id);

  // A student posts on a board once per 30 seconds: classmates fill the board, one post each.
  for (let i = 1; i <= 10; i++) {
    const classmate = await signUpByApi(browser, page);
    await writePost(classmate.request, board, `${i}번째 글: 오늘 학식 메뉴 어땠나요`, "점심은 돈가스, 저녁은 비빔밥이었어요.");
    await classmate.context().close();
  }
  const secret = String(boards.find((b: { slug: string }) => b.slug === "secret").id);
  // Two pinned boards, so that the home's 즐겨찾는 게시판 shows their long titles too.
  for (const pinned of [board, secret]) {
    await ok(request.post("/api/boards/pin", { form: { board_id: pinned, pinned: "true" } }));
  }
  await writePost(request, secret, `질문: ${UNBROKEN.slice(0, 90)}`, "답변 부탁드려요", { question: "on" });
  // The long post carries photos of three shapes: the strip, its viewer and the list's thumbnail are laid out
  // and checked with the rest.
  const photos = [];
  for (const [width, height] of [[1600, 900], [600, 1000], [400, 400]]) {
    const sent = request.post("/images", { data: png(width, height, [40, 110, 190]), headers: { "content-type": "image/png" } });
    photos.push((await ok(sent)).key.id);
  }
  const post = await writePost(request, board, LONG_TITLE, `${UNBROKEN}\n\n둘째 문단입니다.`, { images: photos.join(",") });
  await ok(request.post("/api/comments/write", { form: { post_id: post, body: UNBROKEN } }));

  // The timetable of the current semester, with a catalogue course and a long custom entry.
  const mine = await ok(request.post("/api/timetables/mine"));
  const created = await ok(request.post("/api/timetables/create", { form: { semester: mine.semester, name: "내 시간표" } }));
  const catalogue = await ok(request.post("/api/courses/search", { form: { semester: mine.semester, sort: "name" } }));
  const course = catalogue.courses[0];
  await ok(request.post("/api/timetables/add-course", { form: { timetable_id: created, course_id: course.id } }));
  await ok(
    request.post("/api/timetables/add-custom", {
      form: { timetable_id: created, name: LONG_ENTRY, room: "제2공학관 대형강의실", weekday: 5, start: "09:00", end: "12:00" },
    }),
  );
  await ok(request.post("/api/timetables/visibility", { form: { timetable_id: created, visibility: "public" } }));
  // A 강의평 of that course, one unbroken word long.
  await ok(
    request.post("/api/reviews/write", {
      form: {
        course_id: course.id, stars: 4, body: UNBROKEN, assignments: "average", team_projects: "none",
        grading: "average", attendance: "mixed", exams: 2,
      },
    }),
  );

  // 학점계산기: the timetable imported, and a term of the longest names, one unbroken word each.
  await ok(request.post("/api/gpa/import", { form: { timetable_id: created } }));
  const term = await ok(request.post("/api/gpa/terms/create", { form: { name: "가".repeat(20) } }));
  await ok(
    request.post("/api/gpa/courses/add", {
      form: { term_id: term, name: UNBROKEN.slice(0, 30), credits: "10", grade: "A+", major: "on" },
    }),
  );

  // A friend, who comments (an 알림), writes a post of their own and starts a 쪽지.
  const context = await browser.newContext(phone);
  const other = await context.newPage();
  const friend = { ...newStudent(), nickname: longNickname() };
  await new AccountPages(other).signUp(friend);
  await expect(other.getByTestId("greeting")).toBeVisible();
  await ok(other.request.post("/api/friends/request", { form: { username: student.username } }));
  await ok(request.post("/api/friends/accept", { form: { username: friend.username } }));
  await ok(other.request.post("/api/comments/write", { form: { post_id: post, body: "저도 그래요 ㅠㅠ 어제부터 계속 튕겨요" } }));
  const friendPost = await writePost(other.request, board, `${friend.nickname}의 긴 글 제목입니다 ${LONG_TITLE}`.slice(0, 100), UNBROKEN);
  const theirs = await ok(other.request.post("/api/timetables/create", { form: { semester: mine.semester, name: "친구 시간표" } }));
  await ok(other.request.post("/api/timetables/add-course", { form: { timetable_id: theirs, course_id: course.id } }));
  await ok(other.request.post("/api/timetables/visibility", { form: { timetable_id: theirs, visibility: "friends" } }));
  const started = await ok(
    other.request.post("/api/messages/start", { form: { post_id: post, body: `쪽지 드려요 ${UNBROKEN}` } }),
  );
  await context.close();

  return {
    student,
    friend,
    board,
    post,
    friendPost,
    course: String(course.id),
    professor: course.professor,
    friendTimetable: String(theirs),
    conversation: started.conversation_id,
  };
}

/** Every route of `src/app.rs`, as the world's student reaches it (the timetable with its sheet closed). */
export function studentScreens(w: World): [string, string][] {
  const q = encodeURIComponent;
  return [
    ["홈", "/"],
    ["게시판", "/boards"],
    ["게시판 글 목록", `/boards/${w.board}`],
    ["글쓰기", `/boards/${w.board}/write`],
    ["글과 댓글", `/posts/${w.post}`],
    ["글 수정", `/posts/${w.post}/edit`],
    ["HOT", "/lists/hot"],
    ["최신 글", "/lists/recent"],
    ["내가 쓴 글", "/lists/mine"],
    ["검색 결과", `/search?q=${q("학식")}`],
    ["시간표", "/timetable"],
    ["친구 시간표", `/users/${w.friend.username}/timetable`],
    ["공유된 시간표", `/timetables/${w.friendTimetable}`],
    ["강의", `/courses/${w.course}`],
    ["강의평", "/reviews"],
    ["내 강의평", "/reviews?list=mine"],
    ["강의평 검색", `/reviews?q=${q(w.professor.slice(0, 2))}`],
    ["교수님 찾기", `/professors?q=${q(w.professor.slice(0, 2))}`],
    ["교수님", `/professors/${q(w.professor)}`],
    ["친구", "/friends"],
    ["알림", "/notifications"],
    ["쪽지함", "/messages"],
    ["쪽지 대화", `/messages/${w.conversation}`],
    ["새 쪽지", `/messages/new?post=${w.friendPost}`],
    ["신고 검토 (학생에게는 거절)", "/admin/reports"],
    ["내 정보", "/me"],
    ["학점계산기", "/gpa"],
  ];
}

/** The screens a visitor sees. */
export const VISITOR_SCREENS: [string, string][] = [
  ["홈", "/"],
  ["로그인", "/login"],
  ["회원가입", "/signup"],
];
