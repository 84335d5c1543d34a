// The student's home on a phone (360 px): every section shows its empty state and the way to its list; a
// student pins 자유게시판 with its ☆ in the 게시판 tab, a classmate's post shows under it on the home and, once
// liked and commented on, in 실시간 인기 글; the ★ on the board's page takes the pin off again.
import { test, expect, newStudent, hydrated, tab, signUpForm } from "./fixtures";
import type { APIRequestContext } from "@playwright/test";

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
/** A school no other spec writes in, so that its home starts empty whatever ran before. */
const SCHOOL = ["한양대학교", "경영학부"] as const;

async function ok(request: APIRequestContext, url: string, form: Record<string, string>) {
  const answer = await request.post(url, { form });
  expect(answer.ok(), await answer.text()).toBe(true);
  return answer.json();
}

/** The page scrolls sideways by no pixel. */
async function noSidewaysScroll(page: import("@playwright/test").Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a student pins a board, sees its new post and the live list on the home, and unpins it", async ({
  page,
  browser,
  accounts,
}) => {
  await accounts.signUp(newStudent(), ...SCHOOL);
  await expect(page.getByTestId("greeting")).toBeVisible();
  await hydrated(page);

  // A new student's home: every section has its heading, its empty state and its link.
  const pinned = page.getByTestId("home-pinned");
  await expect(pinned.getByRole("heading", { name: "즐겨찾는 게시판" })).toBeVisible();
  await expect(pinned).toContainText("☆를 누르면");
  await expect(pinned.getByRole("link", { name: "게시판 목록" })).toHaveAttribute("href", "/boards");
  const trending = page.getByTestId("home-trending");
  await expect(trending.getByRole("heading", { name: "실시간 인기 글" })).toBeVisible();
  await expect(trending).toContainText("공감이나 댓글을 받은 글이 없어요");
  await expect(page.getByRole("heading", { name: "HOT 게시물" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "BEST 게시물" })).toBeVisible();
  await expect(page.getByTestId("home-reviews")).toContainText("아직 우리 학교에 올라온 강의평이 없어요.");
  await expect(page.getByTestId("home-reviews").getByRole("link", { name: "강의평" })).toHaveAttribute("href", "/reviews");
  await expect(page.getByTestId("home-today")).toContainText("이번 학기 시간표를 만들면");
  await expect(page.getByTestId("home-today").getByRole("link", { name: "시간표" })).toHaveAttribute("href", "/timetable");
  await noSidewaysScroll(page);

  // The ☆ of 자유게시판 in the 게시판 tab pins it.
  await tab(page, "게시판").click();
  await expect(page.getByRole("heading", { name: "게시판", level: 1 })).toBeVisible();
  const star = page.getByRole("button", { name: "자유게시판 즐겨찾기에 추가" });
  await star.click();
  const pinnedStar = page.getByRole("button", { name: "자유게시판 즐겨찾기에서 빼기" });
  await expect(pinnedStar).toHaveAttribute("aria-pressed", "true");
  await expect(pinnedStar).toHaveText("★");
  await noSidewaysScroll(page);

  // A classmate writes on it; another likes and comments.
  const me = await ok(page.request, "/api/me", {});
  const directory = await ok(page.request, "/api/schools", {});
  const department = directory.departments.find((d: { school_id: number }) => d.school_id === me.school_id);
  const classmates = [];
  for (let i = 0; i < 2; i++) {
    const other = await (await browser.newContext(phone)).newPage();
    await ok(other.request, "/api/auth/signup", signUpForm(newStudent(), me.school_id, department.id));
    classmates.push(other);
  }
  const boards = await ok(page.request, "/api/boards", {});
  const free = String(boards.find((b: { slug: string }) => b.slug === "free").id);
  const title = "오늘 중앙도서관 열람실 자리 있나요";
  const post = String(
    await ok(classmates[0].request, "/api/posts/write", { board_id: free, title, body: "시험 기간이라 자리가 없네요", anonymous: "on" }),
  );
  await ok(classmates[1].request, "/api/posts/like", { post_id: post });
  await ok(classmates[1].request, "/api/comments/write", { post_id: post, body: "4층은 자리 있어요" });

  // The home shows it under 자유게시판 and in 실시간 인기 글, its author as 익명.
  await tab(page, "홈").click();
  await expect(page.getByTestId("greeting")).toBeVisible();
  const board = page.getByTestId("pinned-board");
  await expect(board.getByRole("heading", { name: "자유게시판" })).toBeVisible();
  await expect(board.getByRole("link", { name: new RegExp(title) })).toHaveAttribute("href", `/posts/${post}`);
  await expect(trending.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await expect(trending).toContainText("익명");
  await noSidewaysScroll(page);

  // Its heading leads to the board, whose ★ takes the pin off.
  await board.getByRole("link", { name: "자유게시판" }).click();
  await expect(page.getByRole("heading", { name: "자유게시판", level: 1 })).toBeVisible();
  await hydrated(page);
  await page.getByRole("button", { name: "자유게시판 즐겨찾기에서 빼기" }).click();
  await expect(page.getByRole("button", { name: "자유게시판 즐겨찾기에 추가" })).toHaveAttribute("aria-pressed", "false");
  await tab(page, "홈").click();
  await expect(page.getByTestId("home-pinned")).toContainText("☆를 누르면");
  for (const other of classmates) await other.context().close();
});

test("before the page is live, the ☆ is a form that pins and comes back", async ({ browser }) => {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const page = await context.newPage();
  const student = newStudent();
  const directory = await ok(page.request, "/api/schools", {});
  const school = directory.schools[0];
  const department = directory.departments.find((d: { school_id: number }) => d.school_id === school.id);
  await ok(page.request, "/api/auth/signup", signUpForm(student, school.id, department.id));
  await page.goto("/boards");
  await page.getByRole("button", { name: "정보게시판 즐겨찾기에 추가" }).click();
  await expect(page.getByRole("button", { name: "정보게시판 즐겨찾기에서 빼기" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("pinned-board").getByRole("heading", { name: "정보게시판" })).toBeVisible();
  await context.close();
});
