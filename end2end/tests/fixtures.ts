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

export class AccountPages {
  constructor(private page: Page) {}

  async signUp(student: Student, school = "서울대학교", department = "컴퓨터공학부") {
    await this.page.goto("/signup");
    await hydrated(this.page);
    await this.page.getByLabel("아이디").fill(student.username);
    await this.page.getByLabel("비밀번호").fill(student.password);
    await this.page.getByLabel("닉네임").fill(student.nickname);
    await this.page.getByLabel("학교").selectOption({ label: school });
    await this.page.getByLabel("학과").selectOption({ label: department });
    await this.page.getByLabel("학번").fill("2024");
    await this.page.getByRole("button", { name: "가입하기" }).click();
  }

  async logIn(student: Student) {
    await this.page.goto("/login");
    await hydrated(this.page);
    await this.page.getByLabel("아이디").fill(student.username);
    await this.page.getByLabel("비밀번호").fill(student.password);
    await this.page.getByRole("button", { name: "로그인" }).click();
  }

  async logOut() {
    await tab(this.page, "내 정보").click();
    await this.page.getByRole("button", { name: "로그아웃", exact: true }).click();
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
