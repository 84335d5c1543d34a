// The interface at a phone's measure (360 × 740): tap targets on a post, the comment box after 등록 and
// while answering, list cards on one line, the write screen (익명 first, no tab bar, a kept draft), and a
// missing post that is no dead end.
import { newStudent, hydrated, tab, test, expect, AccountPages } from "./fixtures";
import type { APIRequestContext, Page } from "@playwright/test";

/** The id of 자유게시판, which leaves 익명 to its writers. */
async function freeBoard(request: APIRequestContext): Promise<string> {
  const boards = await request.post("/api/boards").then((r) => r.json());
  return String(boards.find((b: { slug: string }) => b.slug === "free").id);
}

/** Writes a post through the API; its id. */
async function writePost(request: APIRequestContext, board: string, title: string): Promise<string> {
  const response = await request.post("/api/posts/write", {
    form: { board_id: board, title, body: "본문입니다" },
  });
  expect(response.ok()).toBe(true);
  return String(await response.json());
}

/** Signs a second student up in a phone of their own. */
async function secondPhone(browser: import("@playwright/test").Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const other = await context.newPage();
  await new AccountPages(other).signUp(newStudent());
  await expect(other.getByTestId("greeting")).toBeVisible();
  return other;
}

test("every action on a post and its comments is at least 44 × 44 px", async ({ page, accounts, browser }) => {
  await accounts.signUp(newStudent());
  await expect(page.getByTestId("greeting")).toBeVisible();
  const board = await freeBoard(page.request);
  const id = await writePost(page.request, board, "터치 영역 확인");
  await page.request.post("/api/comments/write", { form: { post_id: id, body: "글쓴이 댓글" } });

  const other = await secondPhone(browser);
  await other.request.post("/api/comments/write", { form: { post_id: id, body: "다른 학생 댓글" } });
  for (const viewer of [page, other]) {
    await viewer.goto(`/posts/${id}`);
    await hydrated(viewer);
    const targets = viewer.locator("main button:visible, main a:visible, main summary:visible, main label.check:visible");
    const count = await targets.count();
    expect(count).toBeGreaterThan(5);
    for (let i = 0; i < count; i++) {
      const box = await targets.nth(i).boundingBox();
      const name = (await targets.nth(i).textContent())?.trim();
      expect(box, `${name} has a box`).not.toBeNull();
      expect(box!.height, `${name} is 44 px tall`).toBeGreaterThanOrEqual(44);
      expect(box!.width, `${name} is 44 px wide`).toBeGreaterThanOrEqual(44);
    }
  }
});

test("a double tap on 등록 posts one comment and empties the box; 대댓글 names its comment and can be cancelled", async ({
  page,
  accounts,
}) => {
  await accounts.signUp(newStudent());
  await expect(page.getByTestId("greeting")).toBeVisible();
  const id = await writePost(page.request, await freeBoard(page.request), "댓글 상자 확인");
  await page.goto(`/posts/${id}`);
  await hydrated(page);

  const box = page.getByLabel("댓글을 입력하세요.");
  await box.fill("한 번만 올라가야 해요");
  await page.getByRole("button", { name: "등록" }).dblclick();
  await expect(page.getByTestId("comment")).toHaveCount(1);
  await expect(box).toHaveValue("");
  // Whatever the second tap did, it did not post the text again.
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByTestId("comment")).toHaveCount(1);

  await hydrated(page);
  await page.getByRole("button", { name: "대댓글" }).click();
  const bar = page.getByTestId("reply-bar");
  await expect(bar).toBeVisible();
  // The box starts 익명, and on a post that shows its author the author's anonymous comment is numbered.
  await expect(bar).toContainText("익명1에게 대댓글 쓰는 중");
  await expect(page.getByLabel("댓글을 입력하세요.")).toBeFocused();
  await bar.getByRole("button", { name: "취소" }).click();
  await expect(bar).toHaveCount(0);
  await expect(page.getByPlaceholder("댓글을 입력하세요.")).toBeVisible();
});

test("a list card keeps time, author, board and counts on one line", async ({ page, accounts }) => {
  await accounts.signUp(newStudent());
  await expect(page.getByTestId("greeting")).toBeVisible();
  const board = await freeBoard(page.request);
  await writePost(page.request, board, "한 줄 메타 확인을 위한 제목이 아주 길어서 화면을 넘어갈 만큼 깁니다");
  for (const [width, path] of [
    [360, `/boards/${board}`],
    [360, "/"],
    [1280, `/boards/${board}`],
  ] as const) {
    await page.setViewportSize({ width, height: 740 });
    await page.goto(path);
    const meta = page.getByTestId("post-meta").first();
    await expect(meta).toBeVisible();
    // The first item (the time) and the last (the comment count) sit on the same line.
    const tops = await meta.evaluate((el) => [...el.children].map((child) => child.getBoundingClientRect().top));
    expect(tops.length).toBeGreaterThanOrEqual(4);
    expect(Math.abs(tops[tops.length - 1] - tops[0]), `meta on ${path} at ${width} px is one line`).toBeLessThan(8);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "no sideways scrolling").toBeLessThanOrEqual(0);
  }
  // A board's own page does not repeat its name on every card.
  await page.goto(`/boards/${board}`);
  await expect(page.getByTestId("post-meta").first()).not.toContainText("자유게시판");
});

test("the write screen starts 익명, hides the tab bar, counts characters and keeps a draft", async ({
  page,
  accounts,
}) => {
  await accounts.signUp(newStudent());
  await expect(page.getByTestId("greeting")).toBeVisible();
  const board = await freeBoard(page.request);
  await page.goto(`/boards/${board}/write`);
  await hydrated(page);
  await expect(page.getByLabel("익명")).toBeChecked();
  await expect(page.getByRole("navigation", { name: "주요 메뉴" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "취소" })).toBeVisible();

  await page.getByPlaceholder("제목").fill("임시 저장");
  await page.getByPlaceholder("내용").fill("떠났다 돌아와도 남아 있어야 해요");
  await expect(page.getByTestId("title-counter")).toHaveText("5/100");
  await expect(page.getByTestId("body-counter")).toHaveText("18/5000");
  await page.getByRole("link", { name: "취소" }).click();
  await expect(page).toHaveURL(new RegExp(`/boards/${board}$`));
  await expect(tab(page, "홈")).toBeVisible();

  await page.goto(`/boards/${board}/write`);
  await hydrated(page);
  await expect(page.getByTestId("draft-note")).toBeVisible();
  await expect(page.getByPlaceholder("제목")).toHaveValue("임시 저장");
  await expect(page.getByPlaceholder("내용")).toHaveValue("떠났다 돌아와도 남아 있어야 해요");
  await page.getByRole("button", { name: "완료" }).click();
  await expect(page.getByRole("heading", { name: "임시 저장" })).toBeVisible();
  await expect(page.getByTestId("post-author")).toHaveText("익명");

  // Once posted, the draft is gone.
  await page.goto(`/boards/${board}/write`);
  await hydrated(page);
  await expect(page.getByPlaceholder("제목")).toHaveValue("");
  await expect(page.getByTestId("draft-note")).toHaveCount(0);
});

test("a missing post has a title and the ways on, and HOT says what qualifies", async ({ page, accounts }) => {
  await accounts.signUp(newStudent());
  await expect(page.getByTestId("greeting")).toBeVisible();
  const response = await page.goto("/posts/999999999");
  expect(response?.status()).toBe(404);
  const notice = page.getByTestId("page-error");
  await expect(notice.getByRole("heading", { name: "페이지를 찾을 수 없습니다" })).toBeVisible();
  await expect(page).toHaveTitle(/페이지를 찾을 수 없습니다/);
  await notice.getByRole("link", { name: "게시판 목록" }).click();
  await expect(page).toHaveURL(/\/boards$/);

  await page.goto("/lists/hot");
  await expect(page.getByTestId("empty-list")).toContainText("공감을 10개");
});
