// The timetable journey on a phone: create, search, preview and add in the course sheet, a clash, custom
// entries, a block's details, visibility as a classmate sees it, 강의평, professor lookup, and the timetable
// offline after one visit.
import { test, expect, newStudent, hydrated, AccountPages, TimetablePages, tab } from "./fixtures";

test("a student builds a timetable, meets a clash, hides it, reviews a course and finds its professor", async ({
  page,
  browser,
  accounts,
  pageErrors,
}) => {
  page.on("dialog", (dialog) => dialog.accept());
  const owner = newStudent();
  await accounts.signUp(owner);
  await expect(page.getByTestId("greeting")).toBeVisible();

  // No timetable yet: make one.
  await tab(page, "시간표").click();
  await expect(page.getByText("이 학기의 시간표가 아직 없어요")).toBeVisible();
  await hydrated(page);
  await page.getByLabel("이름", { exact: true }).fill("이번 학기");
  await page.getByRole("button", { name: "만들기" }).click();
  await expect(page.getByRole("link", { name: /이번 학기/ })).toBeVisible();
  await expect(page.getByTestId("total-credits")).toHaveText("총 0학점");

  // Search Tuesday 3-credit courses in the sheet, preview the first and add it.
  const timetable = new TimetablePages(page);
  const sheet = await timetable.openCourseSheet();
  await sheet.getByLabel("요일", { exact: true }).selectOption({ label: "화" });
  await sheet.getByLabel("학점", { exact: true }).selectOption({ label: "3학점" });
  await timetable.resultsShow("3학점", "화 ");
  const first = sheet.getByTestId("course-item").first();
  const courseName = (await first.getByTestId("course-name").textContent())!.trim();
  await first.getByRole("button", { name: "미리보기" }).click();
  await expect(page.getByTestId("preview-block").first()).toBeVisible();
  await first.getByRole("button", { name: "추가", exact: true }).click();
  await expect(first.getByRole("status")).toHaveText("시간표에 추가했습니다.");
  const blocks = page.getByTestId("timetable-block");
  await expect(blocks.first()).toContainText(courseName);
  await expect(page.getByTestId("total-credits")).toHaveText("총 3학점");
  await sheet.getByRole("button", { name: "닫기" }).click();
  await expect(sheet).toBeHidden();
  // The block sits in the Tuesday column, and its position matches its start time.
  const tuesdayBlock = page.locator('.tt-day[data-weekday="1"]').getByTestId("timetable-block");
  await expect(tuesdayBlock).toHaveCount(1);
  const start = Number(await tuesdayBlock.getAttribute("data-start"));
  const style = (await tuesdayBlock.getAttribute("style"))!;
  const top = Number(/top:([\d.]+)%/.exec(style)![1]);
  const dayMinutes = (await page.locator(".tt-hours span").count()) * 60;
  const firstHour = Number(await page.locator(".tt-hours span").first().textContent());
  expect(Math.abs(((start - firstHour * 60) / dayMinutes) * 100 - top)).toBeLessThan(0.01);

  // Adding a custom entry on the same Tuesday time is refused with the clashing course's name.
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  await timetable.addCustom("동아리 회의", hhmm(start), hhmm(start + 30), "화");
  await expect(timetable.sheet("직접 추가").getByRole("alert")).toHaveText(`'${courseName}' 수업과 시간이 겹칩니다.`);
  // On Saturday it fits, and the grid grows a Saturday column.
  await timetable.addCustom("동아리 회의", hhmm(start), hhmm(start + 30), "토");
  await expect(page.locator('.tt-day[data-weekday="5"]').getByTestId("timetable-block")).toContainText("동아리 회의");

  // Tapping a block shows its details: the course, its times, and removal.
  await tuesdayBlock.click();
  const details = timetable.sheet(courseName);
  await expect(details).toContainText(courseName);
  await expect(details).toContainText("화 ");
  await expect(details.getByRole("button", { name: "시간표에서 삭제" })).toBeVisible();
  await details.getByRole("button", { name: "닫기" }).click();
  await expect(details).toBeHidden();

  // Visible to everyone, to friends only, then private: a classmate sees it, then is told it is for
  // friends, then that it is private.
  await timetable.setVisibility("전체공개");
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const other = await context.newPage();
  await new AccountPages(other).signUp(newStudent());
  await expect(other.getByTestId("greeting")).toBeVisible();
  await other.goto(`/users/${owner.username}/timetable`);
  await expect(other.getByTestId("timetable-block").first()).toContainText(courseName);
  await timetable.setVisibility("친구공개");
  await other.reload();
  await expect(other.getByTestId("hidden-timetable")).toHaveText("친구에게만 공개된 시간표입니다");
  await expect(other.getByText(courseName)).toHaveCount(0);
  await timetable.setVisibility("비공개");
  await other.reload();
  await expect(other.getByTestId("hidden-timetable")).toHaveText("비공개 시간표입니다");
  await expect(other.getByText(courseName)).toHaveCount(0);
  await context.close();

  // A review from the block's course page moves the average.
  await tuesdayBlock.click();
  await page.getByRole("link", { name: "강의평 쓰기" }).click();
  await expect(page.getByRole("heading", { name: courseName })).toBeVisible();
  await hydrated(page);
  // A fresh database has no reviews; on a reused one, the count still moves by one.
  const before = Number(await page.getByTestId("rating-count").textContent());
  if (before === 0) await expect(page.getByTestId("rating-average")).toHaveText("-");
  await page.getByLabel("4점").check();
  await page.getByLabel("총평").fill("과제가 많지만 배우는 것이 정말 많은 수업입니다.");
  await page.getByRole("button", { name: "강의평 등록" }).click();
  await expect(page.getByTestId("rating-count")).toHaveText(String(before + 1));
  if (before === 0) await expect(page.getByTestId("rating-average")).toHaveText("4.0");
  await expect(page.getByTestId("reviews")).toContainText("배우는 것이 정말 많은");

  // The professor's page lists their courses with ratings.
  const professor = (await page.getByTestId("course-professor").textContent())!.trim();
  await page.goto("/professors");
  await hydrated(page);
  await page.getByLabel("교수").fill(professor);
  await page.getByRole("button", { name: "검색" }).click();
  await page.getByTestId("professor-results").getByRole("link", { name: new RegExp(professor) }).click();
  await expect(page.getByRole("heading", { name: `${professor} 교수` })).toBeVisible();
  await expect(page.getByTestId("professor-courses")).toContainText(courseName);
});

test("the student's own timetable stays viewable offline once loaded", async ({ browser, baseURL }) => {
  // A fresh non-incognito-like context with its own service worker.
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    serviceWorkers: "allow",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await new AccountPages(page).signUp(newStudent());
  await expect(page.getByTestId("greeting")).toBeVisible();
  const timetable = new TimetablePages(page);
  await timetable.createFirst("오프라인");
  await timetable.addCustom("오프라인 스터디", "10:00", "11:30");
  await expect(page.getByTestId("timetable-block")).toContainText("오프라인 스터디");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Load it once under the active worker, which keeps a copy.
  await page.goto("/timetable");
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.reload();
  await expect(page.getByTestId("timetable-block")).toContainText("오프라인 스터디");

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("timetable-block")).toContainText("오프라인 스터디");
  await expect(page.getByText("오프라인 상태입니다")).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});
