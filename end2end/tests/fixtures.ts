// Shared fixtures: page objects for the account pages, a unique student per test, and a guard that fails a
// test when the page throws (a hydration error shows up as a page error).
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

export type Student = { username: string; password: string; nickname: string };

let counter = 0;
export function newStudent(): Student {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}`;
  return { username: `e2e_${id}`, password: "campus-pass-1", nickname: `학생${id.slice(-6)}` };
}

/** A link of the bottom tab bar. */
export function tab(page: Page, name: string) {
  return page.getByRole("navigation", { name: "주요 메뉴" }).getByRole("link", { name });
}

/** Waits until the WebAssembly bundle has hydrated the server-rendered page. */
export async function hydrated(page: Page) {
  await expect(page.locator("body[data-hydrated]")).toBeAttached({ timeout: 20_000 });
}

/** The sign-up form's fields for a student (as the form posts them), for a sign-up through the API. */
export function signUpForm(student: Student, schoolId: number, departmentId: number) {
  return {
    username: student.username,
    password: student.password,
    password_confirm: student.password,
    nickname: student.nickname,
    school_id: String(schoolId),
    department_id: String(departmentId),
    admission_year: "2024",
  };
}

/** Signs a student up through the API on `request` (whose context keeps the login cookies). */
export async function signUpThroughApi(request: APIRequestContext, student: Student) {
  const directory = await (await request.post("/api/schools")).json();
  const school = directory.schools.find((s: { name: string }) => s.name === "서울대학교");
  const department = directory.departments.find(
    (d: { school_id: number; name: string }) => d.school_id === school.id && d.name === "컴퓨터공학부",
  );
  const response = await request.post("/api/auth/signup", { form: signUpForm(student, school.id, department.id) });
  expect(response.ok(), await response.text()).toBe(true);
}

export class AccountPages {
  constructor(private page: Page) {}

  // Labels are matched exactly where one contains another: "비밀번호" is also in "비밀번호 확인" and in the
  // show-password toggle's name, "비밀번호 보기".
  async signUp(student: Student, school = "서울대학교", department = "컴퓨터공학부") {
    await this.page.goto("/signup");
    await hydrated(this.page);
    await this.page.getByLabel("아이디").fill(student.username);
    await this.page.getByLabel("비밀번호", { exact: true }).fill(student.password);
    await this.page.getByLabel("비밀번호 확인", { exact: true }).fill(student.password);
    await this.page.getByLabel("닉네임").fill(student.nickname);
    await this.page.getByLabel("학교").selectOption({ label: school });
    await this.page.getByLabel("학과").selectOption({ label: department });
    await this.page.getByLabel("학번").selectOption("2024");
    await this.page.getByRole("button", { name: "가입하기" }).click();
  }

  /** Logs in; `keep` ticks 로그인 유지 (unticked by default, as on the form). */
  async logIn(student: Student, { keep = false } = {}) {
    await this.page.goto("/login");
    await hydrated(this.page);
    await this.page.getByLabel("아이디").fill(student.username);
    await this.page.getByLabel("비밀번호", { exact: true }).fill(student.password);
    if (keep) await this.page.getByLabel("로그인 유지").check();
    await this.page.getByRole("button", { name: "로그인" }).click();
  }

  async logOut() {
    await tab(this.page, "내 정보").click();
    await this.page.getByRole("button", { name: "로그아웃", exact: true }).click();
  }
}

/** The timetable screen (/timetable) and the sheets it opens over the grid, as a page object. */
export class TimetablePages {
  constructor(private page: Page) {}

  /** A sheet (a modal dialog) by its heading: "수업 추가", "직접 추가", "시간표 설정", or a course's name. */
  sheet(name: string) {
    return this.page.getByRole("dialog", { name });
  }

  /** Opens the screen and makes the semester's first timetable. */
  async createFirst(name: string) {
    await this.page.goto("/timetable");
    await hydrated(this.page);
    await this.page.getByLabel("이름", { exact: true }).fill(name);
    await this.page.getByRole("button", { name: "만들기" }).click();
    await expect(this.page.getByTestId("total-credits")).toBeVisible();
  }

  /** Opens the catalogue sheet (수업 추가) and waits for its first results. */
  async openCourseSheet() {
    await this.page.getByRole("button", { name: "수업 추가", exact: true }).click();
    const sheet = this.sheet("수업 추가");
    await expect(sheet.getByTestId("course-item").first()).toBeVisible();
    return sheet;
  }

  /** Waits until every result in the sheet shows each of `texts` (a search's results have arrived). */
  async resultsShow(...texts: string[]) {
    const results = this.sheet("수업 추가").getByTestId("course-item");
    await expect(results.first()).toBeVisible();
    await expect
      .poll(async () => (await results.allTextContents()).every((item) => texts.every((text) => item.includes(text))))
      .toBe(true);
  }

  /** Adds a custom entry (on Monday unless a weekday label such as "토" is given) from the 직접 추가 sheet. */
  async addCustom(name: string, start: string, end: string, weekday?: string) {
    const sheet = this.sheet("직접 추가");
    if (!(await sheet.isVisible())) await this.page.getByRole("button", { name: "직접 추가" }).click();
    await sheet.getByLabel("일정 이름").fill(name);
    if (weekday) await sheet.getByLabel("요일", { exact: true }).selectOption({ label: weekday });
    await sheet.getByLabel("시작").fill(start);
    await sheet.getByLabel("종료").fill(end);
    await sheet.getByRole("button", { name: "추가", exact: true }).click();
  }

  /** Sets 공개 범위 of the open timetable in the settings sheet, and waits until the screen shows it. */
  async setVisibility(visibility: "전체공개" | "친구공개" | "비공개") {
    const sheet = this.sheet("시간표 설정");
    if (!(await sheet.isVisible())) await this.page.getByRole("button", { name: "설정", exact: true }).click();
    const choice = sheet.getByRole("radio", { name: visibility });
    if (!(await choice.isChecked())) {
      await choice.check();
      await expect(sheet.getByRole("status")).toHaveText(`공개 범위를 ${visibility}로 바꿨습니다.`);
    }
    await sheet.getByRole("button", { name: "닫기" }).click();
    await expect(sheet).toBeHidden();
    await expect(this.page.getByTestId("timetable-about")).toContainText(visibility);
  }
}

/** Collects into `errors` what `page` throws and the errors it logs, except fetches refused with `allowed`. */
export function watchErrors(page: Page, errors: string[], allowed = /status of (409|422) /) {
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !allowed.test(message.text())) errors.push(message.text());
  });
}

export const test = base.extend<{ accounts: AccountPages; pageErrors: string[] }>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    // Chromium logs every 4xx fetch. A 409 or 422 is a refusal the page shows to the student (a time
    // clash, a rule), which tests assert on screen; anything else is an error.
    watchErrors(page, errors);
    await use(errors);
    expect(errors, "the page reported errors").toEqual([]);
  },
  accounts: async ({ page }, use) => {
    await use(new AccountPages(page));
  },
});

export { expect };
