// 알림 on two phones: a comment on A's post lights A's badge without a reload, the 알림 tab names the
// anonymous commenter only as 익명 and leads to the post, and reading it clears the badge live.
import { test, expect, newStudent, hydrated, AccountPages, tab } from "./fixtures";

test("a comment notifies the post's author live, who follows it to the post", async ({
  page,
  browser,
  accounts,
  pageErrors,
}) => {
  const author = newStudent();
  await accounts.signUp(author);
  await expect(page.getByTestId("greeting")).toBeVisible();
  const boards = await page.request.post("/api/boards").then((r) => r.json());
  const free = boards.find((b: { slug: string }) => b.slug === "free").id;
  const title = `알림 받을 글 ${Date.now().toString(36)}`;
  const written = await page.request.post("/api/posts/write", { form: { board_id: free, title, body: "댓글을 기다립니다" } });
  expect(written.ok()).toBe(true);
  const postId = String(await written.json());
  await hydrated(page);
  const badge = tab(page, "알림").getByTestId("unread-badge");
  await expect(badge).toHaveCount(0);

  // B comments anonymously from a phone of their own.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const other = await context.newPage();
  const reader = newStudent();
  await new AccountPages(other).signUp(reader);
  await expect(other.getByTestId("greeting")).toBeVisible();
  await other.goto(`/posts/${postId}`);
  await hydrated(other);
  await other.getByPlaceholder("댓글을 입력하세요.").fill("저도 궁금했어요");
  await other.getByLabel("익명").check();
  await other.getByRole("button", { name: "등록" }).click();
  await expect(other.getByTestId("comment-author")).toHaveText(["익명1"]);

  // A's badge shows it without a reload.
  await expect(badge).toHaveText("1");
  await tab(page, "알림").click();
  await expect(page.getByRole("heading", { name: "알림", exact: true })).toBeVisible();
  const item = page.getByTestId("notification").first();
  await expect(item).toContainText("새로운 댓글이 달렸어요");
  await expect(item).toContainText("익명: 저도 궁금했어요");
  await expect(item).toContainText(`자유게시판 · ${title}`);
  await expect(page.locator("main")).not.toContainText(reader.nickname);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Following it opens the post and reads it: the badge goes.
  await item.getByRole("link").click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(badge).toHaveCount(0);

  // A friend request from B lights the badge again while A reads the post.
  const asked = await other.request.post("/api/friends/request", { form: { username: author.username } });
  expect(asked.ok()).toBe(true);
  await expect(badge).toHaveText("1");
  await tab(page, "알림").click();
  await expect(page.getByTestId("notification").first()).toContainText(`${reader.nickname}님이 친구 신청을 보냈어요`);
  await page.getByTestId("read-all").click();
  await expect(badge).toHaveCount(0);
  await context.close();
});

test("a new 알림 while Campus is in the background shows one system notification that names nobody", async ({
  browser,
}) => {
  const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
  const context = await browser.newContext({ ...phone, permissions: ["notifications"] });
  const page = await context.newPage();
  const author = newStudent();
  await new AccountPages(page).signUp(author);
  await expect(page.getByTestId("greeting")).toBeVisible();
  const boards = await page.request.post("/api/boards").then((r) => r.json());
  const free = boards.find((b: { slug: string }) => b.slug === "free").id;
  const written = await page.request.post("/api/posts/write", {
    form: { board_id: free, title: `배경 알림 ${Date.now().toString(36)}`, body: "댓글을 기다립니다" },
  });
  expect(written.ok()).toBe(true);
  const postId = String(await written.json());
  await page.goto("/notifications");
  await hydrated(page);
  // Allowed already: nothing to offer.
  await expect(page.getByTestId("background-offer")).toHaveCount(0);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const shown = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return (await registration.getNotifications()).map((n) => `${n.title}|${n.body}`);
    });

  // A comment while the page is visible lights the badge only.
  const other = await browser.newContext(phone).then((c) => c.newPage());
  const reader = newStudent();
  await new AccountPages(other).signUp(reader);
  await expect(other.getByTestId("greeting")).toBeVisible();
  const comment = (body: string) =>
    other.request.post("/api/comments/write", { form: { post_id: postId, body, anonymous: "on" } });
  expect((await comment("보이는 동안의 댓글")).ok()).toBe(true);
  await expect(tab(page, "알림").getByTestId("unread-badge")).toHaveText("1");
  expect(await shown()).toEqual([]);

  // The page goes to the background: the next comment is a system notification, saying only that
  // something is new.
  await page.evaluate(() => Object.defineProperty(document, "hidden", { configurable: true, get: () => true }));
  expect((await comment("숨은 동안의 댓글")).ok()).toBe(true);
  await expect.poll(shown, { timeout: 5000 }).toEqual(["Campus|새 알림이 있어요."]);
  const texts = (await shown()).join(" ");
  expect(texts).not.toContain(reader.nickname);
  expect(texts).not.toContain("숨은 동안의 댓글");
  await context.close();
});
