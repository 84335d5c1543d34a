// A tap before the bundle arrives (about 2.5 s on a slow phone's first visit) must not be lost. With
// JavaScript off, every act on a thread works as a plain form: 공감 and 삭제 through their confirmation
// pages, 스크랩 and the comment box by posting and coming back. What needs the bundle is disabled.
import { test, expect, newStudent, signUpThroughApi } from "./fixtures";
import type { APIRequestContext, Page } from "@playwright/test";

/** Writes a post on 자유게시판 through the API; its id and its board's. */
async function writePost(request: APIRequestContext, title: string) {
  const boards = await (await request.post("/api/boards")).json();
  const board = boards.find((b: { slug: string }) => b.slug === "free").id;
  const response = await request.post("/api/posts/write", { form: { board_id: String(board), title, body: `${title}의 본문` } });
  expect(response.ok(), await response.text()).toBe(true);
  return { post: Number(await response.json()), board };
}

/** One comment of the thread, by its text. */
function comment(page: Page, text: string) {
  return page.getByTestId("comment").filter({ hasText: text });
}

test("with JavaScript off, 공감, 스크랩 and 삭제 work as forms and nothing that needs it is enabled", async ({
  browser,
}) => {
  // The author, with JavaScript, writes a post and a comment on it.
  const authorContext = await browser.newContext();
  const author = newStudent();
  await signUpThroughApi(authorContext.request, author);
  const title = `폼으로 공감할 글 ${Date.now().toString(36)}`;
  const { post } = await writePost(authorContext.request, title);
  const comments = await authorContext.request.post("/api/comments/write", {
    form: { post_id: String(post), body: "글쓴이의 댓글" },
  });
  expect(comments.ok()).toBe(true);

  // The reader's phone has not run the bundle yet: JavaScript is off.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const reader = newStudent();
  await signUpThroughApi(context.request, reader);
  await page.goto(`/posts/${post}`);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  // The comment box posts and comes back with the comment in the thread.
  await page.getByPlaceholder("댓글을 입력하세요.").fill("읽는 사람의 댓글");
  await page.getByRole("button", { name: "등록" }).click();
  await expect(comment(page, "읽는 사람의 댓글")).toBeVisible();

  // What only the hydrated page can do is disabled: answering, editing, a comment's 신고 form.
  await expect(comment(page, "글쓴이의 댓글").getByRole("button", { name: "대댓글" })).toBeDisabled();
  await expect(comment(page, "글쓴이의 댓글").getByRole("button", { name: "신고" })).toBeDisabled();
  await expect(comment(page, "읽는 사람의 댓글").getByRole("button", { name: "수정" })).toBeDisabled();
  await page.screenshot({ path: "/tmp/forms-nojs-thread.png", fullPage: true });

  // 공감 opens its confirmation page; 취소 goes back without liking.
  await page.getByTestId("like-post").click();
  await expect(page).toHaveURL(new RegExp(`/posts/${post}/like`));
  await expect(page.getByRole("heading", { name: "이 글에 공감하시겠습니까?" })).toBeVisible();
  await page.screenshot({ path: "/tmp/forms-nojs-like.png" });
  await page.getByRole("link", { name: "취소" }).click();
  await expect(page.getByTestId("like-post")).toHaveText("공감 0");
  await page.getByTestId("like-post").click();
  await page.getByRole("button", { name: "공감", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/posts/${post}$`));
  await expect(page.getByTestId("like-post")).toHaveText("공감 1");
  await expect(page.getByTestId("like-post")).toBeDisabled();
  await expect(page.getByTestId("like-post")).toHaveAttribute("aria-pressed", "true");

  // Opened again (an old tab, a bookmark), the page says why it cannot be done, in Korean.
  await page.goto(`/posts/${post}/like`);
  await expect(page.getByText("이미 공감한 글입니다.")).toBeVisible();
  await page.getByRole("link", { name: "글로 돌아가기" }).click();

  // 공감 on a comment, through its own confirmation page.
  await comment(page, "글쓴이의 댓글").getByRole("button", { name: "공감 0" }).click();
  await expect(page.getByRole("heading", { name: "이 댓글에 공감하시겠습니까?" })).toBeVisible();
  await page.getByRole("button", { name: "공감", exact: true }).click();
  await expect(comment(page, "글쓴이의 댓글").getByRole("button", { name: "공감 1" })).toBeDisabled();

  // 스크랩 and 스크랩 취소 post and come back.
  await page.getByRole("button", { name: "스크랩", exact: true }).click();
  await expect(page.getByRole("button", { name: "스크랩 취소" })).toBeVisible();
  await page.getByRole("button", { name: "스크랩 취소" }).click();
  await expect(page.getByRole("button", { name: "스크랩", exact: true })).toBeVisible();

  // Deleting one's comment asks on a page first, then it is gone from the thread.
  await comment(page, "읽는 사람의 댓글").getByRole("button", { name: "삭제" }).click();
  await expect(page.getByRole("heading", { name: "이 댓글을 삭제하시겠습니까?" })).toBeVisible();
  await page.getByRole("button", { name: "삭제", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/posts/${post}$`));
  await expect(comment(page, "읽는 사람의 댓글")).toHaveCount(0);
  await expect(comment(page, "글쓴이의 댓글")).toBeVisible();

  // And one's post: after it, the board, without it.
  const own = await writePost(context.request, `지울 글 ${Date.now().toString(36)}`);
  await page.goto(`/posts/${own.post}`);
  await page.getByRole("button", { name: "삭제" }).click();
  await expect(page.getByRole("heading", { name: "이 글을 삭제하시겠습니까?" })).toBeVisible();
  await page.getByRole("button", { name: "삭제", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/boards/${own.board}$`));
  await expect(page.getByRole("link", { name: /지울 글/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: new RegExp(title) })).toBeVisible();

  await context.close();
  await authorContext.close();
});

test("with JavaScript off, a refused sign-up or log-in comes back with its Korean message", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const student = newStudent();
  await page.goto("/signup");
  await page.getByLabel("아이디").fill(student.username);
  await page.getByLabel("비밀번호", { exact: true }).fill(student.password);
  await page.getByLabel("비밀번호 확인").fill("campus-pass-2");
  await page.getByLabel("닉네임").fill(student.nickname);
  await page.getByLabel("학교").selectOption({ label: "서울대학교" });
  await page.getByLabel("학과").selectOption({ label: "컴퓨터공학부" });
  await page.getByLabel("학번").selectOption("2024");
  await page.getByRole("button", { name: "가입하기" }).click();

  // Back on the form, the server's message under the confirmation field.
  await expect(page).toHaveURL(/\/signup/);
  await expect(page.getByLabel("비밀번호 확인")).toHaveAccessibleDescription("비밀번호가 일치하지 않습니다.");

  await page.goto("/login");
  await page.getByLabel("아이디").fill(student.username);
  await page.getByLabel("비밀번호", { exact: true }).fill(student.password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("아이디 또는 비밀번호가 올바르지 않습니다.");
  await context.close();
});
