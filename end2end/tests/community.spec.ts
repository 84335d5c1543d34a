import { test, expect, newStudent, hydrated, AccountPages } from "./fixtures";

test("an anonymous thread: post, numbered comments, a reply, the author's answer, 공감, 스크랩 and a tombstone", async ({
  page,
  browser,
  accounts,
  pageErrors,
}) => {
  // Student A writes an anonymous post on 자유게시판.
  const author = newStudent();
  await accounts.signUp(author);
  await expect(page.getByTestId("greeting")).toBeVisible();
  await page.getByRole("link", { name: "게시판" }).click();
  await page.getByRole("link", { name: /자유게시판/ }).click();
  await expect(page.getByRole("heading", { name: "자유게시판" })).toBeVisible();
  await hydrated(page);
  await page.getByRole("link", { name: "글쓰기" }).click();
  const title = `시험 기간 꿀팁 ${Date.now()}`;
  await page.getByPlaceholder("제목").fill(title);
  await page.getByPlaceholder("내용").fill("도서관 몇 시에 가야 자리 있나요?\n둘째 줄");
  await page.getByLabel("익명").check();
  await page.getByRole("button", { name: "완료" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByTestId("post-author")).toHaveText("익명");
  const postUrl = page.url();

  // Student B, in a browser of their own, comments anonymously and replies to their own comment.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const other = await context.newPage();
  other.on("dialog", (dialog) => dialog.accept());
  const reader = newStudent();
  await new AccountPages(other).signUp(reader);
  await expect(other.getByTestId("greeting")).toBeVisible();
  await other.goto(postUrl);
  await hydrated(other);
  await expect(other.getByTestId("post-author")).toHaveText("익명");
  await other.getByPlaceholder("댓글을 입력하세요.").fill("8시 전에 가세요");
  await other.getByRole("button", { name: "등록" }).click();
  await expect(other.getByTestId("comment-author")).toHaveText(["익명1"]);
  await other.getByRole("button", { name: "대댓글" }).click();
  await other.getByPlaceholder("대댓글을 입력하세요.").fill("주말은 9시도 괜찮아요");
  await other.getByRole("button", { name: "등록" }).click();
  await expect(other.getByTestId("comment-author")).toHaveText(["익명1", "익명1"]);

  // 공감 (confirmed) and 스크랩.
  await expect(other.getByTestId("like-post")).toHaveText("공감 0");
  await other.getByTestId("like-post").click();
  await expect(other.getByTestId("like-post")).toHaveText("공감 1");
  await expect(other.getByTestId("like-post")).toBeDisabled();
  await other.getByRole("button", { name: "스크랩", exact: true }).click();
  await expect(other.getByRole("button", { name: "스크랩 취소" })).toBeVisible();

  // The author answers anonymously and is shown as 익명(글쓴이).
  await page.reload();
  await hydrated(page);
  await page.getByPlaceholder("댓글을 입력하세요.").fill("감사합니다!");
  await page.getByRole("button", { name: "등록" }).click();
  await expect(page.getByTestId("comment-author")).toHaveText(["익명1", "익명1", "익명(글쓴이)"]);
  await expect(page.getByTestId("like-post")).toHaveText("공감 1");
  await expect(page.getByTestId("like-post")).toBeDisabled();

  // B deletes the comment that has a reply: it stays as a tombstone with the reply under it.
  await other.reload();
  await hydrated(other);
  await other.getByTestId("comment").first().getByRole("button", { name: "삭제" }).first().click();
  await expect(other.getByText("삭제된 댓글입니다.")).toBeVisible();
  await expect(other.getByText("주말은 9시도 괜찮아요")).toBeVisible();
  await context.close();
  expect(pageErrors).toEqual([]);
});

test("the board page lists new posts first and shows an empty state", async ({ page, accounts }) => {
  const student = newStudent();
  await accounts.signUp(student, "고려대학교", "경영학과");
  await expect(page.getByTestId("greeting")).toBeVisible();
  await page.getByRole("link", { name: "게시판" }).click();
  await page.getByRole("link", { name: /장터게시판/ }).click();
  await expect(page.getByText("아직 글이 없어요. 첫 글을 남겨 보세요!")).toBeVisible();
});
