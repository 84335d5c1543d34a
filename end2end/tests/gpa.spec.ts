// 학점계산기 on a phone: a visitor is sent to log in; a student opens it from 내 정보, adds a term and courses
// and reads the GPA, switches to the 4.3 scale, imports a timetable in one tap (its custom entry skipped), and
// nothing scrolls sideways at 360 px. The forms also work before the bundle arrives.
import { test, expect, newStudent, hydrated, tab, signUpForm } from "./fixtures";
import type { APIRequestContext, Page } from "@playwright/test";

/** Makes a timetable of the current semester holding two catalogue courses of different names and a custom
 * entry, through the API (the request shares the page's login). */
async function timetableWithCourses(request: APIRequestContext) {
  const editor = await (await request.post("/api/timetables/mine", { form: {} })).json();
  const semester = String(editor.semester);
  const created = await request.post("/api/timetables/create", {
    form: { semester, name: "이번 학기" },
    maxRedirects: 0,
  });
  expect(created.status()).toBeLessThan(400);
  const timetableId = String((await (await request.post("/api/timetables/mine", { form: {} })).json()).timetables[0].id);
  const catalogue = await (await request.post("/api/courses/search", { form: { sort: "code" } })).json();
  const names: string[] = [];
  for (const course of catalogue.courses) {
    if (names.length === 2) break;
    if (names.includes(course.name)) continue;
    const added = await request.post("/api/timetables/add-course", {
      form: { timetable_id: timetableId, course_id: String(course.id) },
    });
    if (added.ok()) names.push(course.name);
  }
  expect(names).toHaveLength(2);
  const custom = await request.post("/api/timetables/add-custom", {
    form: { timetable_id: timetableId, name: "동아리 모임", weekday: "6", start: "20:00", end: "21:00" },
  });
  expect(custom.ok()).toBe(true);
  return names;
}

/** A term's card by its name. */
function term(page: Page, name: string) {
  return page.getByTestId("gpa-term").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

async function addCourse(page: Page, termName: string, name: string, credits: string, grade: string, major = false) {
  const add = term(page, termName).getByTestId("gpa-add");
  if (!(await add.getByLabel("과목명").isVisible())) await add.locator("summary").click();
  await add.getByLabel("과목명").fill(name);
  await add.getByLabel("학점", { exact: true }).fill(credits);
  await add.getByLabel("성적").selectOption(grade);
  if (major) await add.getByLabel("전공").check();
  await add.getByRole("button", { name: "과목 추가" }).click();
  await expect(term(page, termName).getByTestId("gpa-course").filter({ hasText: name })).toBeVisible();
}

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

test("a visitor is asked to log in", async ({ page }) => {
  await page.goto("/gpa");
  await expect(page).toHaveURL(/\/login\?next=(%2F|\/)gpa$/);
});

test("a student keeps terms and courses, reads the GPA on either scale, and imports a timetable", async ({
  page,
  accounts,
  pageErrors,
}) => {
  page.on("dialog", (dialog) => dialog.accept());
  await accounts.signUp(newStudent());
  await expect(page.getByTestId("greeting")).toBeVisible();
  const imported = await timetableWithCourses(page.request);

  // From 내 정보; an empty book says how it fills.
  await tab(page, "내 정보").click();
  await page.getByRole("link", { name: "학점계산기" }).click();
  await expect(page).toHaveURL(/\/gpa$/);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "학점계산기", level: 1 })).toBeVisible();
  await expect(page.getByTestId("gpa-empty")).toBeVisible();
  await expect(page.getByTestId("gpa-overall")).toHaveText("-");
  await noSidewaysScroll(page);

  // A term and three courses: (4.5×3 + 3.0×3) / 6 = 3.75; 전공 4.50; P earns its 1 credit outside the GPA.
  await page.getByLabel("학기 이름").fill("1학년 1학기");
  await page.getByRole("button", { name: "학기 추가" }).click();
  await expect(term(page, "1학년 1학기")).toBeVisible();
  await addCourse(page, "1학년 1학기", "자료구조", "3", "A+", true);
  await addCourse(page, "1학년 1학기", "글쓰기", "3", "B0");
  await addCourse(page, "1학년 1학기", "채플", "1", "P");
  await expect(page.getByTestId("gpa-overall")).toHaveText("3.75");
  await expect(page.getByTestId("gpa-major")).toHaveText("4.50");
  await expect(page.getByTestId("gpa-earned")).toHaveText("7");
  await expect(term(page, "1학년 1학기").getByTestId("gpa-term-figures")).toContainText("3.75");

  // A refusal shows under its form: 10.5 credits.
  const add = term(page, "1학년 1학기").getByTestId("gpa-add");
  if (!(await add.getByLabel("과목명").isVisible())) await add.locator("summary").click();
  await add.getByLabel("과목명").fill("너무 많은 학점");
  await add.getByLabel("학점", { exact: true }).fill("10.5");
  await add.getByRole("button", { name: "과목 추가" }).click();
  await expect(term(page, "1학년 1학기").getByRole("alert").filter({ hasText: "0.5 단위" })).toBeVisible();

  // Editing a grade: 글쓰기 B0 → A0 gives (13.5 + 12) / 6 = 4.25.
  const course = term(page, "1학년 1학기").getByTestId("gpa-course").filter({ hasText: "글쓰기" });
  await course.getByText("수정", { exact: true }).click();
  await course.getByLabel("성적").selectOption("A0");
  await course.getByRole("button", { name: "저장" }).click();
  await expect(page.getByTestId("gpa-overall")).toHaveText("4.25");

  // The 4.3 scale: A+ is 4.3, so (12.9 + 12) / 6 = 4.15, out of 4.3.
  await page.getByLabel("만점 기준").selectOption("4.3");
  await page.getByRole("button", { name: "기준 바꾸기" }).click();
  await expect(page.getByTestId("gpa-overall")).toHaveText("4.15");
  await expect(page.getByLabel("성적 요약")).toContainText("/ 4.3");

  // One tap imports the timetable's two courses into a term named after its semester, without the custom
  // entry; a second tap adds nothing.
  await page.getByTestId("gpa-import").locator("summary").click();
  await page.getByRole("button", { name: "가져오기", exact: true }).click();
  await expect(page.getByTestId("gpa-imported")).toContainText("2과목을 가져왔어요.");
  await expect(page.getByTestId("gpa-imported")).toContainText("1개는 건너뜀");
  const semesterTerm = page.getByTestId("gpa-term").nth(1);
  await expect(semesterTerm.getByTestId("gpa-course")).toHaveCount(2);
  for (const name of imported) await expect(semesterTerm).toContainText(name);
  await expect(semesterTerm).toContainText("성적 미입력");
  const importButton = page.getByRole("button", { name: "가져오기", exact: true });
  if (!(await importButton.isVisible())) await page.getByTestId("gpa-import").locator("summary").click();
  await importButton.click();
  await expect(page.getByTestId("gpa-imported")).toContainText("0과목을 가져왔어요.");
  await expect(semesterTerm.getByTestId("gpa-course")).toHaveCount(2);

  // Deleting a term (after the confirmation) takes its courses with it.
  const settings = term(page, "1학년 1학기").getByTestId("gpa-term-settings");
  await settings.locator("summary").click();
  await settings.getByRole("button", { name: "학기 삭제" }).click();
  await expect(term(page, "1학년 1학기")).toHaveCount(0);
  await expect(page.getByTestId("gpa-overall")).toHaveText("-");
  await noSidewaysScroll(page);
  expect(pageErrors).toEqual([]);
});

test("the term form works before the bundle arrives", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  const schools = await (await page.request.post("/api/schools", { form: {} })).json();
  const school = schools.schools[0].id;
  const department = schools.departments.find((d: { school_id: number }) => d.school_id === school).id;
  const signedUp = await page.request.post("/api/auth/signup", { form: signUpForm(newStudent(), school, department) });
  expect(signedUp.ok()).toBe(true);
  await page.goto("/gpa");
  await page.getByLabel("학기 이름").fill("2학년 2학기");
  await page.getByRole("button", { name: "학기 추가" }).click();
  await expect(page).toHaveURL(/\/gpa/);
  await expect(page.getByRole("heading", { name: "2학년 2학기" })).toBeVisible();
  await context.close();
});
