// The layout at each width, on a school with real content: no screen scrolls sideways at 360 px; list cards
// are dense (about 8 to a phone screen) and each is one link; a laptop gets a centred layout with the side
// navigation and a second column (HOT, BEST, 오늘의 수업) that a phone neither shows nor fetches, and a
// tablet one centred column with the tab bar.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { test, expect, hydrated, watchErrors } from "./fixtures";
import { buildWorld, studentScreens, VISITOR_SCREENS, type World } from "./content";

let world: World;
let login: Awaited<ReturnType<BrowserContext["storageState"]>>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  world = await buildWorld(await context.newPage(), browser);
  login = await context.storageState();
  await context.close();
});

/** A browser at `width`, logged in unless said otherwise, with what its pages throw or log as errors collected
 * in `errors` (the 403 of the review queue, which a student may not see, is the page's answer). */
async function open(browser: Browser, width: number, errors: string[], loggedIn = true): Promise<Page> {
  const phone = width < 1024;
  const context = await browser.newContext({
    viewport: { width, height: phone ? 740 : 800 },
    isMobile: phone,
    hasTouch: phone,
    storageState: loggedIn ? login : undefined,
  });
  const page = await context.newPage();
  watchErrors(page, errors, /status of (403|409|422) /);
  return page;
}

const menu = (page: Page) => page.getByRole("navigation", { name: "주요 메뉴" });
const side = (page: Page) => page.getByTestId("side-column");

test("no screen scrolls sideways at 360 px, with long titles, unbroken words and a long nickname", async ({
  browser,
  pageErrors,
}) => {
  test.setTimeout(120_000);
  const screens = [
    ...studentScreens(world).map(([name, path]) => [name, path, true] as const),
    ...VISITOR_SCREENS.map(([name, path]) => [`방문자 ${name}`, path, false] as const),
  ];
  const student = await open(browser, 360, pageErrors);
  const visitor = await open(browser, 360, pageErrors, false);
  const wide: string[] = [];
  for (const [name, path, loggedIn] of screens) {
    const page = loggedIn ? student : visitor;
    await page.goto(path);
    await hydrated(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 360) wide.push(`${name} (${path}) is ${width} px wide`);
  }
  expect(wide).toEqual([]);
});

test("a list card is about an eighth of a phone screen, and the whole card is the link", async ({
  browser,
  pageErrors,
}) => {
  const page = await open(browser, 360, pageErrors);
  await page.goto(`/boards/${world.board}`);
  await hydrated(page);
  const cards = page.getByTestId("post-list").getByRole("listitem");
  expect(await cards.count()).toBeGreaterThanOrEqual(8);
  for (let i = 0; i < 8; i++) {
    const card = await cards.nth(i).boundingBox();
    const link = await cards.nth(i).getByRole("link").boundingBox();
    expect(card!.height, `card ${i} is 80–92 px tall`).toBeGreaterThanOrEqual(80);
    expect(card!.height, `card ${i} is 80–92 px tall`).toBeLessThanOrEqual(92);
    // The link fills the card (a tap anywhere opens the post) and is a comfortable target.
    expect(link!.height).toBeGreaterThanOrEqual(card!.height - 1);
    expect(link!.width).toBeGreaterThanOrEqual(card!.width - 2);
  }
  // Title, excerpt and meta each stay on one line, however long the title.
  const first = cards.first();
  for (const part of [first.locator("p").nth(0), first.locator("p").nth(1), first.getByTestId("post-meta")]) {
    const lines = await part.evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
    expect(Math.round(lines)).toBe(1);
  }
});

test("a laptop has a centred layout with the side navigation and a second column instead of the tab bar", async ({
  browser,
  pageErrors,
}) => {
  const page = await open(browser, 1280, pageErrors);
  // A class on today's weekday (KST), to show under 오늘의 수업.
  const kst = new Date(Date.now() + 9 * 3600_000);
  const today = (kst.getUTCDay() + 6) % 7;
  const mine = await page.request.post("/api/timetables/mine").then((r) => r.json());
  const added = await page.request.post("/api/timetables/add-custom", {
    form: { timetable_id: mine.open.summary.id, name: "오늘 듣는 수업", room: "공학관 301", weekday: today, start: "23:00", end: "23:55" },
  });
  expect(added.ok(), await added.text()).toBe(true);
  // HOT and BEST need 10 and 100 공감: their empty states say so.

  // The second column arrives late here, so a shift of the page would show.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/side", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/");
  await hydrated(page);
  await expect(side(page)).toHaveAttribute("data-state", "loading");
  const main = page.getByRole("main");
  const before = await main.boundingBox();
  release();
  await expect(side(page)).toHaveAttribute("data-state", "loaded");
  expect(await main.boundingBox(), "the page does not move when the column arrives").toEqual(before);

  // The side navigation on the left, the page in the middle, the column on the right, centred in ≤ 1,200 px.
  const nav = (await menu(page).boundingBox())!;
  const column = (await side(page).boundingBox())!;
  expect(nav.x + nav.width).toBeLessThanOrEqual(before!.x);
  expect(before!.x + before!.width).toBeLessThanOrEqual(column.x);
  expect(nav.height, "the navigation runs down the side").toBeGreaterThan(nav.width);
  const span = column.x + column.width - nav.x;
  expect(span).toBeLessThanOrEqual(1200);
  expect(Math.abs(nav.x - (1280 - (column.x + column.width)))).toBeLessThanOrEqual(2);

  // The same destinations as the tab bar, the current one marked, and the unread badge (the friend's
  // comment and 쪽지).
  for (const name of ["홈", "게시판", "시간표", "친구", "알림", "내 정보"]) {
    await expect(menu(page).getByRole("link", { name })).toBeVisible();
  }
  await expect(menu(page).getByRole("link", { name: "홈" })).toHaveAttribute("aria-current", "page");
  await expect(menu(page).getByTestId("unread-badge")).toBeVisible();
  await expect(menu(page)).toHaveCount(1);

  await expect(side(page).getByRole("heading", { name: "HOT 게시물" })).toBeVisible();
  await expect(side(page).getByRole("heading", { name: "BEST 게시물" })).toBeVisible();
  await expect(side(page).getByRole("heading", { name: "오늘의 수업" })).toBeVisible();
  await expect(side(page).getByText("오늘 듣는 수업")).toBeVisible();
  await expect(side(page).getByText("23:00–23:55")).toBeVisible();
  await expect(side(page).getByText("공감을 10개")).toBeVisible();

  // The column stays through navigation without fetching again.
  let fetched = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/side")) fetched += 1;
  });
  await menu(page).getByRole("link", { name: "게시판" }).click();
  await expect(page).toHaveURL(/\/boards$/);
  await expect(menu(page).getByRole("link", { name: "게시판" })).toHaveAttribute("aria-current", "page");
  await expect(side(page).getByText("오늘 듣는 수업")).toBeVisible();
  expect(fetched).toBe(0);
});

test("a phone shows the tab bar and never fetches the second column; a tablet one centred column", async ({
  browser,
  pageErrors,
}) => {
  for (const width of [360, 800]) {
    const page = await open(browser, width, pageErrors);
    const asked: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/side")) asked.push(request.url());
    });
    await page.goto("/");
    await hydrated(page);
    await page.waitForTimeout(500);
    expect(asked, `no second column is fetched at ${width} px`).toEqual([]);
    await expect(side(page)).toBeHidden();
    const bar = (await menu(page).boundingBox())!;
    expect(bar.y + bar.height, "the tab bar sits at the bottom").toBeGreaterThanOrEqual(739);
    const main = (await page.getByRole("main").boundingBox())!;
    expect(main.width).toBeLessThanOrEqual(680);
    expect(Math.abs(main.x - (width - main.x - main.width)), "centred").toBeLessThanOrEqual(2);

    // Turned to a wide window, the column appears and loads.
    if (width === 800) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await expect(side(page)).toHaveAttribute("data-state", "loaded");
      expect(asked).toHaveLength(1);
    }
    await page.context().close();
  }
});
