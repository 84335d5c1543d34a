import { test, expect, newStudent, hydrated, AccountPages, tab } from "./fixtures";

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
  await tab(page, "게시판").click();
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
  // Shown as liked (pressed, in the brand colour), not merely greyed out.
  await expect(other.getByTestId("like-post")).toHaveAttribute("aria-pressed", "true");
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

test("the board page lists new posts first and shows an empty state", async ({ page, browser, accounts }) => {
  const student = newStudent();
  await accounts.signUp(student, "고려대학교", "경영학과");
  await expect(page.getByTestId("greeting")).toBeVisible();
  await tab(page, "게시판").click();
  await page.getByRole("link", { name: /장터게시판/ }).click();
  await expect(page.getByText("아직 글이 없어요. 첫 글을 남겨 보세요!")).toBeVisible();
  const boardUrl = page.url();
  const board = boardUrl.split("/").pop() ?? "";

  // Two students each post once (one student may post on a board once per 30 seconds).
  const context = await browser.newContext();
  const other = await context.newPage();
  const seller = newStudent();
  await new AccountPages(other).signUp(seller, "고려대학교", "경영학과");
  await expect(other.getByTestId("greeting")).toBeVisible();
  const stamp = Date.now().toString(36);
  const first = await other.request.post("/api/posts/write", { form: { board_id: board, title: `먼저 쓴 글 ${stamp}`, body: "전공책 팝니다" } });
  expect(first.ok()).toBe(true);
  const second = await page.request.post("/api/posts/write", { form: { board_id: board, title: `나중에 쓴 글 ${stamp}`, body: "자전거 팝니다" } });
  expect(second.ok()).toBe(true);
  await context.close();

  await page.goto(boardUrl);
  const posts = page.getByTestId("post-list").getByRole("listitem");
  await expect(posts).toHaveText([new RegExp(`나중에 쓴 글 ${stamp}`), new RegExp(`먼저 쓴 글 ${stamp}`)]);
  await expect(page.getByText("아직 글이 없어요. 첫 글을 남겨 보세요!")).toHaveCount(0);
});

test("search finds a post, 신고 takes a reason, and 내 스크랩 lists the saved post", async ({ page, browser, accounts }) => {
  const author = newStudent();
  await accounts.signUp(author);
  await expect(page.getByTestId("greeting")).toBeVisible();
  const board = await page.request.post("/api/boards").then((r) => r.json());
  const free = board.find((b: { slug: string }) => b.slug === "free").id;
  const word = `검색어${Date.now().toString(36)}`;
  await page.goto(`/boards/${free}/write`);
  await hydrated(page);
  await page.getByPlaceholder("제목").fill(`${word} 들어간 제목`);
  await page.getByPlaceholder("내용").fill("본문입니다");
  await page.getByRole("button", { name: "완료" }).click();
  await expect(page.getByRole("heading", { name: `${word} 들어간 제목` })).toBeVisible();
  const postUrl = page.url();
  const postId = postUrl.split("/").pop() ?? "";
  const comment = await page.request.post("/api/comments/write", { form: { post_id: postId, body: "신고될 댓글" } });
  expect(comment.ok()).toBe(true);

  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const other = await context.newPage();
  const reader = newStudent();
  await new AccountPages(other).signUp(reader);
  await expect(other.getByTestId("greeting")).toBeVisible();
  await tab(other, "게시판").click();
  await other.getByRole("searchbox").fill(word);
  await other.getByRole("button", { name: "검색" }).click();
  await expect(other).toHaveURL(/\/search\?q=/);
  await other.getByRole("link", { name: new RegExp(word) }).click();
  await expect(other).toHaveURL(postUrl);
  await hydrated(other);

  await other.getByText("신고", { exact: true }).first().click();
  await other.getByLabel("신고 사유").first().selectOption({ label: "낚시/놀람/도배" });
  await other.getByRole("button", { name: "신고하기" }).first().click();
  await expect(other.getByText("신고가 접수되었습니다.")).toBeVisible();
  // A comment's form is rendered when its disclosure is first opened.
  await other.getByText("신고", { exact: true }).nth(1).click();
  await other.getByLabel("신고 사유").nth(1).selectOption({ label: "욕설/비하" });
  await other.getByRole("button", { name: "신고하기" }).nth(1).click();
  await expect(other.getByText("신고가 접수되었습니다.")).toHaveCount(2);

  await other.getByRole("button", { name: "스크랩", exact: true }).click();
  await expect(other.getByRole("button", { name: "스크랩 취소" })).toBeVisible();
  await tab(other, "내 정보").click();
  await other.getByRole("link", { name: "내 스크랩" }).click();
  await expect(other.getByRole("link", { name: new RegExp(word) })).toBeVisible();
  await context.close();
});
