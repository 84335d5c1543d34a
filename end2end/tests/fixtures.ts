// Shared fixtures: page objects for the account pages, a unique student per test, and a guard that fails a
// test when the page throws (a hydration error shows up as a page error).
import { test as base, expect, type Page } from "@playwright/test";

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

/** The timetable editor (/timetable) as a page object. */
export class TimetablePages {
  constructor(private page: Page) {}

  /** Opens the editor and makes the semester's first timetable. */
  async createFirst(name: string) {
    await this.page.goto("/timetable");
    await hydrated(this.page);
    await this.page.getByLabel("이름", { exact: true }).fill(name);
    await this.page.getByRole("button", { name: "만들기" }).click();
    await expect(this.page.getByTestId("total-credits")).toBeVisible();
  }

  /** Adds a custom entry (on Monday unless a weekday label such as "토" is given) and waits for its block. */
  async addCustom(name: string, start: string, end: string, weekday?: string) {
    const form = this.page.getByText("직접 추가");
    if (!(await this.page.getByLabel("일정 이름").isVisible())) await form.click();
    await this.page.getByLabel("일정 이름").fill(name);
    if (weekday) await this.page.getByLabel("요일", { exact: true }).selectOption({ label: weekday });
    await this.page.getByLabel("시작").fill(start);
    await this.page.getByLabel("종료").fill(end);
    await this.page.getByRole("button", { name: "추가", exact: true }).last().click();
  }

  /** Sets 공개 범위 of the open timetable (called `name`) and waits until the page shows it. */
  async setVisibility(name: string, visibility: "전체공개" | "친구공개" | "비공개") {
    // The settings may have closed when the timetable was fetched again.
    if (!(await this.page.getByLabel("공개 범위").isVisible())) await this.page.getByText(`${name} · `).click();
    await this.page.getByLabel("공개 범위").selectOption({ label: visibility });
    await expect(this.page.getByText(`${name} · ${visibility}`)).toBeVisible();
  }
}

export const test = base.extend<{ accounts: AccountPages; pageErrors: string[] }>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      // Chromium logs every 4xx fetch. A 409 or 422 is a refusal the page shows to the student (a time
      // clash, a rule), which tests assert on screen; anything else is an error.
      const refusal = /status of (409|422) /.test(message.text());
      if (message.type() === "error" && !refusal) errors.push(message.text());
    });
    await use(errors);
    expect(errors, "the page reported errors").toEqual([]);
  },
  accounts: async ({ page }, use) => {
    await use(new AccountPages(page));
  },
});

export { expect };
