// The 강의평 screen on a phone: two students review a course on its page, a third finds it on the school's
// newest reviews and by a search of its professor, reads the summary of the answers, and a writer deletes
// their review from 내 강의평.
import { test, expect, newStudent, hydrated, AccountPages } from "./fixtures";
import type { APIRequestContext, Browser } from "@playwright/test";

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
/** A school no other spec writes in, so that its 강의평 screen starts empty whatever ran before. */
const SCHOOL = ["성균관대학교", "경영학과"] as const;

/** A course of the current catalogue: its id, name and professor. */
async function aCourse(request: APIRequestContext) {
  const page = await (await request.post("/api/courses/search", { form: { sort: "code" } })).json();
  const course = page.courses[0];
  return { id: String(course.id), name: course.name as string, professor: course.professor as string };
}

/** Signs a student up in a phone of their own and writes a 강의평 of the course through its page. */
async function reviewOnCoursePage(browser: Browser, courseId: string, stars: string, body: string) {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await new AccountPages(page).signUp(newStudent(), ...SCHOOL);
  await expect(page.getByTestId("greeting")).toBeVisible();
  await page.goto(`/courses/${courseId}`);
  await hydrated(page);
  await page.getByRole("radio", { name: `${stars}점` }).check();
  await page.getByLabel("과제").selectOption({ label: "많음" });
  await page.getByLabel("총평").fill(body);
  await page.getByRole("button", { name: "강의평 등록" }).click();
  await expect(page.getByText("이 강의에 남긴 강의평이 있습니다.")).toBeVisible();
  return page;
}

test("students find a course's 강의평 on the school's newest, by its professor, and delete their own", async ({
  page,
  browser,
  accounts,
}) => {
  page.on("dialog", (dialog) => dialog.accept());
  await accounts.signUp(newStudent(), ...SCHOOL);
  await expect(page.getByTestId("greeting")).toBeVisible();
  const course = await aCourse(page.request);

  // Nothing reviewed yet: the screen says how reviews come to be.
  await page.goto("/reviews");
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "강의평", level: 1 })).toBeVisible();
  await expect(page.getByTestId("no-reviews")).toContainText("아직 우리 학교에 올라온 강의평이 없어요.");

  const writer = await reviewOnCoursePage(browser, course.id, "5", "설명이 친절하고 과제가 적당했어요.");
  await reviewOnCoursePage(browser, course.id, "3", "과제가 많지만 배우는 게 많았어요.");

  // The school's newest: both, newest first, each headed by its course and naming no one.
  await page.reload();
  await hydrated(page);
  const reviews = page.getByTestId("review-list").getByRole("listitem");
  await expect(reviews).toHaveCount(2);
  await expect(reviews.first()).toContainText("과제가 많지만 배우는 게 많았어요.");
  await expect(reviews.first().getByRole("link", { name: `${course.name} · ${course.professor}` })).toBeVisible();
  await expect(reviews.first()).toContainText("익명");
  await expect(page.getByRole("button", { name: "강의평 삭제" })).toHaveCount(0);

  // A search by the professor's name finds the course with its average; its page sums up the answers.
  await page.getByLabel("강의평 검색").fill(course.professor);
  await page.getByRole("button", { name: "검색" }).click();
  const found = page.getByTestId("reviewed-courses").getByRole("link").filter({ hasText: course.name });
  await expect(found).toContainText("★ 4.0 · 강의평 2개");
  await found.click();
  await expect(page).toHaveURL(new RegExp(`/courses/${course.id}$`));
  await expect(page.getByTestId("answer-summary")).toContainText("많음 2");

  // The writer's 내 강의평 has theirs, which they delete.
  await writer.goto("/reviews");
  await hydrated(writer);
  await writer.getByRole("link", { name: "내 강의평" }).click();
  await expect(writer).toHaveURL(/list=mine/);
  const mine = writer.getByTestId("review-list").getByRole("listitem");
  await expect(mine).toHaveCount(1);
  writer.on("dialog", (dialog) => dialog.accept());
  await mine.getByRole("button", { name: "강의평 삭제" }).click();
  await expect(writer.getByTestId("no-reviews")).toContainText("아직 쓴 강의평이 없어요.");

  // No sideways scrolling at 360 px.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});
