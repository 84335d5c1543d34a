// Sharing a timetable on a phone: the owner opens 공유, sees who can open the link as the timetable is shared
// now and changes it there, and sends the link; a friend opens it and sees the grid and saves the image; a
// classmate who is not a friend is told it is for friends; a visitor is sent to log in first.
import type { Browser, Page } from "@playwright/test";
import { test, expect, newStudent, hydrated, AccountPages, TimetablePages, type Student } from "./fixtures";

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

// The link is copied where the browser has no share sheet (Chromium on Linux has none).
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** A second student on a phone of their own, signed up through the form. */
async function anotherStudent(browser: Browser): Promise<[Page, Student]> {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const student = newStudent();
  await new AccountPages(page).signUp(student);
  await expect(page.getByTestId("greeting")).toBeVisible();
  return [page, student];
}

test("a shared link shows the timetable to a friend, the 친구공개 note to a classmate, and saves as an image", async ({
  page,
  browser,
  accounts,
  pageErrors,
}) => {
  test.setTimeout(120_000);
  const owner = newStudent();
  await accounts.signUp(owner);
  await expect(page.getByTestId("greeting")).toBeVisible();
  const timetable = new TimetablePages(page);
  await timetable.createFirst("공유할 시간표");
  await timetable.addCustom("공유 스터디", "10:00", "11:30");
  await expect(page.getByTestId("timetable-block")).toContainText("공유 스터디");

  // 공유: the link, who opens it (a new timetable is 친구공개), and 공개 범위 beside it.
  await page.getByRole("button", { name: "공유", exact: true }).click();
  const sheet = timetable.sheet("시간표 공유");
  await expect(sheet.getByTestId("visibility-hint")).toHaveText("친구공개: 친구만 이 링크로 볼 수 있어요.");
  await sheet.getByRole("radio", { name: "비공개" }).check();
  await expect(sheet.getByTestId("visibility-hint")).toContainText("비공개면 나만 볼 수 있어요");
  await sheet.getByRole("radio", { name: "친구공개" }).check();
  await expect(sheet.getByTestId("visibility-hint")).toHaveText("친구공개: 친구만 이 링크로 볼 수 있어요.");
  const link = await sheet.getByLabel("공유 링크").inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/timetables\/\d+$/);
  await sheet.getByRole("button", { name: "링크 보내기" }).click();
  await expect(sheet.getByTestId("share-status")).toHaveText(/링크를 (복사했어요|보냈어요)\./);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await sheet.getByRole("button", { name: "닫기" }).click();
  await expect(sheet).toBeHidden();
  const path = new URL(link).pathname;

  // A friend opens the link and sees the grid, and 이미지로 저장 downloads the SVG.
  const [friendPage, friend] = await anotherStudent(browser);
  const asked = await friendPage.request.post("/api/friends/request", { form: { username: owner.username } });
  expect(asked.ok()).toBe(true);
  const accepted = await page.request.post("/api/friends/accept", { form: { username: friend.username } });
  expect(accepted.ok()).toBe(true);
  await friendPage.goto(path);
  await hydrated(friendPage);
  await expect(friendPage.getByRole("heading", { name: `${owner.nickname}님의 시간표` })).toBeVisible();
  await expect(friendPage.getByTestId("timetable-block")).toContainText("공유 스터디");
  expect(await friendPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const [download] = await Promise.all([
    friendPage.waitForEvent("download"),
    friendPage.getByTestId("save-image").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  const image = await friendPage.request.get(`${path}/image.svg`);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toContain("image/svg+xml");
  expect(await image.text()).toContain("공유 스터디");

  // A classmate who is not a friend is told it is for friends, and gets no image.
  const [classmatePage] = await anotherStudent(browser);
  await classmatePage.goto(path);
  await expect(classmatePage.getByTestId("hidden-timetable")).toHaveText("친구에게만 공개된 시간표입니다");
  await expect(classmatePage.getByText("공유 스터디")).toHaveCount(0);
  expect((await classmatePage.request.get(`${path}/image.svg`)).status()).toBe(404);

  // A visitor is sent to log in, and back to the link afterwards.
  const visitor = await (await browser.newContext(phone)).newPage();
  await visitor.goto(path);
  await expect(visitor).toHaveURL(new RegExp(`/login\\?next=${path.replace(/\//g, "(/|%2F)")}$`));
});
