// 쪽지 on two phones: a first 쪽지 from an anonymous post reaches its author as 익명 (알림 badge, 쪽지함,
// conversation) and the conversation follows new messages live; a refused 쪽지 keeps its text in the
// composer; and on a 360-pixel phone the composer sits above the tab bar without a horizontal scroll.
import { test, expect, newStudent, hydrated, AccountPages, tab, type Student } from "./fixtures";
import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** Gathers what a page throws and the errors it logs, except failed fetches with a status in `allowed`. */
function watchErrors(page: Page, allowed = /status of (409|422) /) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !allowed.test(message.text())) errors.push(message.text());
  });
  return errors;
}

/** A second student on a phone of their own, signed up and on the home page. */
async function secondStudent(browser: Browser): Promise<{
  context: BrowserContext;
  other: Page;
  student: Student;
  errors: string[];
}> {
  const context = await browser.newContext(phone);
  const other = await context.newPage();
  const errors = watchErrors(other);
  const student = newStudent();
  await new AccountPages(other).signUp(student);
  await expect(other.getByTestId("greeting")).toBeVisible();
  return { context, other, student, errors };
}

/** Writes a post on 자유게시판 (which lets its author choose 익명) through the API; its id. */
async function writePost(request: APIRequestContext, title: string, anonymous = false): Promise<string> {
  const boards = await request.post("/api/boards").then((r) => r.json());
  const free = boards.find((b: { slug: string }) => b.slug === "free").id;
  const form: Record<string, string> = { board_id: String(free), title, body: "쪽지 주세요" };
  if (anonymous) form.anonymous = "on";
  const written = await request.post("/api/posts/write", { form });
  expect(written.ok()).toBe(true);
  return String(await written.json());
}

/** Sends a first 쪽지 to the author of a post through the API; the conversation's id. */
async function startConversation(request: APIRequestContext, postId: string, body: string): Promise<number> {
  const started = await request.post("/api/messages/start", { form: { post_id: postId, body } });
  expect(started.ok(), await started.text()).toBe(true);
  return (await started.json()).conversation_id;
}

/** Sends a 쪽지 in a conversation through the API. */
async function sendMessage(request: APIRequestContext, conversationId: number, body: string) {
  const sent = await request.post("/api/messages/send", { form: { conversation_id: conversationId, body } });
  expect(sent.ok(), await sent.text()).toBe(true);
}

/** 차단 or 차단 해제 of a conversation through the API. */
async function blockConversation(request: APIRequestContext, conversationId: number, blocked: boolean) {
  const answer = await request.post("/api/messages/block", {
    form: { conversation_id: conversationId, blocked: String(blocked) },
  });
  expect(answer.ok(), await answer.text()).toBe(true);
}

/** The bodies of a conversation's newest messages, as one of its students reads them through the API. */
async function messageBodies(request: APIRequestContext, conversationId: number): Promise<string[]> {
  const opened = await request.post("/api/messages/open", { form: { conversation_id: conversationId } });
  expect(opened.ok(), await opened.text()).toBe(true);
  const conversation = await opened.json();
  return conversation.messages.messages.map((m: { body: string | null }) => m.body);
}

/** Neither the nickname nor the username of `student` appears anywhere in the page's HTML. */
async function expectNoTraceOf(page: Page, student: Student) {
  const html = await page.content();
  expect(html).not.toContain(student.username);
  expect(html).not.toContain(student.nickname);
}

test.describe("private messages (쪽지)", () => {
  test("a 쪽지 from an anonymous post reaches its author as 익명, whose open conversation shows the reply live", async ({
    page,
    browser,
    accounts,
    pageErrors,
  }) => {
    // The author writes an anonymous post and waits on the home page.
    const { context, other, student: author, errors: otherErrors } = await secondStudent(browser);
    const title = `쪽지 받을 글 ${Date.now().toString(36)}`;
    const postId = await writePost(other.request, title, true);
    await hydrated(other);
    const badge = tab(other, "알림").getByTestId("unread-badge");
    await expect(badge).toHaveCount(0);

    // Another student opens the post and taps 쪽지 보내기.
    const sender = newStudent();
    await accounts.signUp(sender);
    await expect(page.getByTestId("greeting")).toBeVisible();
    await page.goto(`/posts/${postId}`);
    await hydrated(page);
    await expect(page.getByTestId("post-author")).toHaveText("익명");
    await page.getByTestId("message-post-author").click();
    await expect(page).toHaveURL(new RegExp(`/messages/new\\?post=${postId}$`));
    await expect(page.getByRole("heading", { name: "새 쪽지" })).toBeVisible();
    const first = `글 잘 읽었어요 ${Date.now().toString(36)}`;
    await page.getByLabel("쪽지 내용").fill(first);
    await page.getByRole("button", { name: "보내기", exact: true }).click();

    // The conversation opens: with 익명, from 자유게시판, the first 쪽지 as mine.
    await expect(page).toHaveURL(/\/messages\/\d+$/);
    const conversationId = Number(new URL(page.url()).pathname.split("/").pop());
    await expect(page.getByTestId("conversation-with")).toHaveText("익명");
    const origin = page.getByTestId("conversation-origin");
    await expect(origin).toContainText("자유게시판에 작성된 글을 통해 시작된 쪽지입니다");
    await expect(origin.getByRole("link", { name: "글 보기" })).toHaveAttribute("href", `/posts/${postId}`);
    const sent = page.getByTestId("message-list").getByTestId("message");
    await expect(sent).toHaveCount(1);
    await expect(sent.first()).toHaveClass("message mine");
    await expect(sent.first()).toContainText(first);
    await expect(page.getByTestId("start-error")).toHaveCount(0);
    await expectNoTraceOf(page, author);

    // The author's badge lights without a reload; the 알림 names the sender only as 익명.
    await expect(badge).toHaveText("1");
    await tab(other, "알림").click();
    await expect(other.getByRole("heading", { name: "알림", exact: true })).toBeVisible();
    await expect(other.getByTestId("notification").first()).toContainText("익명에게서 새 쪽지가 왔어요");

    // 쪽지함 lists the conversation as 익명, with the message and one unread.
    await other.getByTestId("open-inbox").click();
    await expect(other.getByRole("heading", { name: "쪽지함" })).toBeVisible();
    const conversation = other.getByTestId("conversation-list").getByTestId("conversation");
    await expect(conversation).toHaveCount(1);
    await expect(conversation).toContainText("익명");
    await expect(conversation).toContainText(first);
    await expect(conversation).toContainText("읽지 않은 쪽지 1개");
    await expectNoTraceOf(other, sender);

    // Opening it shows the 쪽지 as theirs and reads it: the badge goes.
    await conversation.getByRole("link").click();
    await expect(other).toHaveURL(new RegExp(`/messages/${conversationId}$`));
    await expect(other.getByTestId("conversation-with")).toHaveText("익명");
    await expect(other.getByTestId("conversation-origin")).toContainText(
      "자유게시판에 작성된 글을 통해 시작된 쪽지입니다",
    );
    const received = other.getByTestId("message-list").getByTestId("message");
    await expect(received).toHaveCount(1);
    await expect(received.first()).toHaveClass("message theirs");
    await expect(received.first()).toContainText(first);
    await expect(badge).toHaveCount(0);

    // The sender writes again (through the API): both open conversations show it without a reload.
    const reply = `답장 기다릴게요 ${Date.now().toString(36)}`;
    await sendMessage(page.request, conversationId, reply);
    await expect(received).toHaveCount(2, { timeout: 5_000 });
    await expect(received.last()).toHaveClass("message theirs");
    await expect(received.last()).toContainText(reply);
    await expect(sent).toHaveCount(2, { timeout: 5_000 });
    await expect(sent.last()).toHaveClass("message mine");
    await expect(sent.last()).toContainText(reply);
    // Fetched while open, it is read at once.
    await expect(badge).toHaveCount(0);

    await expectNoTraceOf(page, author);
    await expectNoTraceOf(other, sender);
    expect(otherErrors).toEqual([]);
    await context.close();
  });

  test("a 쪽지 the other side refuses shows why and keeps its text in the composer", async ({
    page,
    browser,
    accounts,
  }) => {
    // The refusal is a 403, which Chromium logs; anything else the page reports is an error.
    const errors = watchErrors(page, /status of (403|409|422) /);
    const { context, other } = await secondStudent(browser);
    const postId = await writePost(other.request, `차단할 글 ${Date.now().toString(36)}`);
    const sender = newStudent();
    await accounts.signUp(sender);
    await expect(page.getByTestId("greeting")).toBeVisible();
    const conversationId = await startConversation(page.request, postId, "첫 쪽지입니다");

    // The author blocks the conversation.
    await blockConversation(other.request, conversationId, true);

    await page.goto(`/messages/${conversationId}`);
    await hydrated(page);
    const messages = page.getByTestId("message-list").getByTestId("message");
    await expect(messages).toHaveCount(1);
    const composer = page.getByLabel("쪽지 내용");
    const text = `이 쪽지는 거절될 거예요 ${Date.now().toString(36)}`;
    await composer.fill(text);
    await page.getByRole("button", { name: "보내기", exact: true }).click();
    const sendError = page.getByTestId("send-error");
    await expect(sendError).toHaveText("쪽지를 보낼 수 없는 상대입니다.");
    await expect(sendError).toBeVisible();
    // Both are fixed above the tab bar: the error must sit above the composer, not behind it.
    const errorBox = (await sendError.boundingBox())!;
    const composerBox = (await page.locator("form", { has: composer }).boundingBox())!;
    expect(errorBox.y + errorBox.height).toBeLessThanOrEqual(composerBox.y);
    await expect(composer).toHaveValue(text);
    await expect(messages).toHaveCount(1);
    expect(await messageBodies(other.request, conversationId)).toEqual(["첫 쪽지입니다"]);

    // Once unblocked, sending the kept text again works: it is appended and the composer empties.
    await blockConversation(other.request, conversationId, false);
    await page.getByRole("button", { name: "보내기", exact: true }).click();
    await expect(messages).toHaveCount(2);
    await expect(messages.last()).toHaveClass("message mine");
    await expect(messages.last()).toContainText("이 쪽지는 거절될 거예요");
    await expect(composer).toHaveValue("");
    await expect(sendError).toHaveText("");
    expect(await messageBodies(other.request, conversationId)).toEqual(["첫 쪽지입니다", text]);

    expect(errors, "the page reported errors").toEqual([]);
    await context.close();
  });

  test.describe("on a 360×740 phone", () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test("the conversation's composer stays above the tab bar and the page does not scroll sideways", async ({
      page,
      browser,
      accounts,
      pageErrors,
    }) => {
      const { context, other, student: author } = await secondStudent(browser);
      const postId = await writePost(other.request, `긴 쪽지방 ${Date.now().toString(36)}`);
      const sender = newStudent();
      await accounts.signUp(sender);
      await expect(page.getByTestId("greeting")).toBeVisible();
      // Enough messages to scroll, one of them a long word with no place to break.
      const conversationId = await startConversation(page.request, postId, `https://example.com/${"a".repeat(300)}`);
      for (let i = 1; i <= 8; i += 1) {
        await sendMessage(i % 2 ? other.request : page.request, conversationId, `${i}번째 쪽지\n줄을 바꿔서 길게 씁니다`);
      }
      await context.close();

      await page.goto(`/messages/${conversationId}`);
      await hydrated(page);
      await expect(page.getByTestId("conversation-with")).toHaveText(author.nickname);
      await expect(page.getByTestId("conversation-origin")).toContainText("자유게시판에 작성된 글을 통해 시작된 쪽지입니다");
      const messages = page.getByTestId("message-list").getByTestId("message");
      await expect(messages).toHaveCount(9);

      const viewport = page.viewportSize()!;
      expect(viewport).toEqual({ width: 360, height: 740 });
      const tabBar = page.locator("nav.tab-bar");
      await expect(tabBar).toBeVisible();
      const composer = page.getByLabel("쪽지 내용");
      const send = page.getByRole("button", { name: "보내기", exact: true });

      /** The composer and 보내기 lie inside the viewport, above the tab bar, and nothing covers 보내기. */
      async function expectComposerClear() {
        await expect(composer).toBeVisible();
        await expect(send).toBeVisible();
        const bar = (await tabBar.boundingBox())!;
        for (const element of [composer, send]) {
          const box = (await element.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
          expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
          expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
        }
        // A trial click checks that 보내기 itself would receive the tap.
        await send.click({ trial: true });
      }

      await expectComposerClear();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      // At the bottom of the conversation, the newest message shows above the composer.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expectComposerClear();
      const form = page.locator("form", { has: composer });
      const last = (await messages.last().boundingBox())!;
      const formBox = (await form.boundingBox())!;
      expect(last.y + last.height).toBeLessThanOrEqual(formBox.y);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  });
});
