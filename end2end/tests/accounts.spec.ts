import { test, expect, newStudent, hydrated, tab } from "./fixtures";

test("a new student signs up, logs out, logs back in and stays logged in", async ({ page, accounts, pageErrors }) => {
  const student = newStudent();

  await accounts.signUp(student);
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("greeting")).toContainText(student.nickname);
  await expect(page.getByTestId("school-name")).toHaveText("서울대학교");

  await tab(page, "내 정보").click();
  await expect(page.getByTestId("profile-nickname")).toHaveText(student.nickname);
  await expect(page.getByText("컴퓨터공학부")).toBeVisible();
  await expect(page.getByText("24학번")).toBeVisible();

  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await expect(page.getByRole("link", { name: "시작하기" })).toBeVisible();
  await expect(tab(page, "내 정보")).toHaveCount(0);

  await accounts.logIn(student);
  await expect(page.getByTestId("greeting")).toContainText(student.nickname);

  await page.reload();
  await expect(page.getByTestId("greeting")).toContainText(student.nickname);
  expect(pageErrors).toEqual([]);
});

test("the sign-up form narrows departments to the chosen school once hydrated", async ({ page, pageErrors }) => {
  await page.goto("/signup");
  await hydrated(page);
  const departments = page.getByLabel("학과");
  expect(await departments.locator("optgroup").count()).toBeGreaterThan(1);

  await page.getByLabel("학교").selectOption({ label: "연세대학교" });

  await expect(departments.locator("optgroup")).toHaveCount(1);
  await expect(departments.locator("optgroup")).toHaveAttribute("label", "연세대학교");
  expect(pageErrors).toEqual([]);
});

test("invalid sign-up input is explained next to each field", async ({ page }) => {
  await page.goto("/signup");
  await hydrated(page);
  await page.getByLabel("아이디").fill("ab");
  await page.getByLabel("비밀번호", { exact: true }).fill("onlyletters");
  await page.getByRole("button", { name: "가입하기" }).click();

  await expect(page.getByText("아이디는 4~20자여야 합니다.")).toBeVisible();
  await expect(page.getByText("비밀번호는 영문, 숫자, 기호 중 2가지 이상을 섞어야 합니다.")).toBeVisible();
  await expect(page.getByText("학교를 선택해 주세요.")).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});

test("a wrong password is refused with a clear message", async ({ page, accounts }) => {
  const student = newStudent();
  await accounts.signUp(student);
  await expect(page.getByTestId("greeting")).toBeVisible();
  await accounts.logOut();

  await accounts.logIn({ ...student, password: "wrong-pass-9" });

  await expect(page.getByTestId("login-error")).toHaveText("아이디 또는 비밀번호가 올바르지 않습니다.");
});

test("a visitor opening a protected page logs in and comes back to it", async ({ page, accounts }) => {
  const student = newStudent();
  await accounts.signUp(student);
  await expect(page.getByTestId("greeting")).toBeVisible();
  await accounts.logOut();
  await expect(page.getByRole("link", { name: "시작하기" })).toBeVisible();

  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?next=\/me/);
  await hydrated(page);
  await page.getByLabel("아이디").fill(student.username);
  await page.getByLabel("비밀번호", { exact: true }).fill(student.password);
  await page.getByRole("button", { name: "로그인" }).click();

  await expect(page).toHaveURL("/me");
  await expect(page.getByTestId("profile-nickname")).toHaveText(student.nickname);
});

test("the login form works before the bundle loads (no JavaScript)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const student = newStudent();
  await page.goto("/signup");
  // The show-password toggle needs the bundle: before it, there is none to tap.
  await expect(page.getByRole("button", { name: "비밀번호 보기" })).toHaveCount(0);
  await page.getByLabel("아이디").fill(student.username);
  await page.getByLabel("비밀번호", { exact: true }).fill(student.password);
  await page.getByLabel("비밀번호 확인").fill(student.password);
  await page.getByLabel("닉네임").fill(student.nickname);
  await page.getByLabel("학교").selectOption({ label: "고려대학교" });
  await page.getByLabel("학과").selectOption({ label: "경영학과" });
  await page.getByLabel("학번").selectOption({ label: "2023년" });
  await page.getByRole("button", { name: "가입하기" }).click();

  await expect(page.getByTestId("greeting")).toContainText(student.nickname);

  // Log-in too, with 로그인 유지: the form posts without the bundle, and the box is honoured.
  await context.clearCookies();
  await page.goto("/login");
  await page.getByLabel("아이디").fill(student.username);
  await page.getByLabel("비밀번호", { exact: true }).fill(student.password);
  await page.getByLabel("로그인 유지").check();
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByTestId("greeting")).toContainText(student.nickname);
  const refresh = (await context.cookies()).find((cookie) => cookie.name === "campus_refresh");
  expect(refresh?.expires, "a lasting cookie").toBeGreaterThan(Date.now() / 1000 + 6 * 86_400);
  await context.close();
});

test("sign-up asks for the password twice, shows it on request, and offers 학번 as a list", async ({
  page,
  pageErrors,
}) => {
  const student = newStudent();
  await page.goto("/signup");
  await hydrated(page);
  const password = page.getByLabel("비밀번호", { exact: true });
  const confirmation = page.getByLabel("비밀번호 확인", { exact: true });

  // 학번: this year back to 15 years before, newest first, after a prompt.
  const year = new Date().getFullYear();
  const years = page.getByLabel("학번").locator("option");
  await expect(years).toHaveCount(17);
  await expect(years.nth(1)).toHaveText(`${year}년`);
  await expect(years.last()).toHaveText(`${year - 15}년`);

  // The toggle shows both fields' text, says so with aria-pressed, and hides it again; it is a 44 px target.
  const toggle = page.getByRole("button", { name: "비밀번호 보기" });
  await password.fill("campus-pass-1");
  await expect(password).toHaveAttribute("type", "password");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const box = await toggle.boundingBox();
  expect(box && box.width >= 44 && box.height >= 44, `44 × 44 px: ${JSON.stringify(box)}`).toBe(true);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(password).toHaveAttribute("type", "text");
  await expect(confirmation).toHaveAttribute("type", "text");
  await expect(password).toHaveValue("campus-pass-1");
  await page.screenshot({ path: "/tmp/forms-signup-shown.png" });
  await toggle.click();
  await expect(password).toHaveAttribute("type", "password");

  // A confirmation that differs is refused by the server, and the message sits under its field.
  await page.getByLabel("아이디").fill(student.username);
  await confirmation.fill("campus-pass-2");
  await page.getByLabel("닉네임").fill(student.nickname);
  await page.getByLabel("학교").selectOption({ label: "서울대학교" });
  await page.getByLabel("학과").selectOption({ label: "컴퓨터공학부" });
  await page.getByLabel("학번").selectOption({ label: `${year - 1}년` });
  await page.getByRole("button", { name: "가입하기" }).click();
  // Under its field: the message describes the field (aria-describedby) and marks it invalid.
  await expect(confirmation).toHaveAccessibleDescription("비밀번호가 일치하지 않습니다.");
  await expect(confirmation).toHaveAttribute("aria-invalid", "true");
  await expect(password).not.toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/signup/);
  await page.screenshot({ path: "/tmp/forms-signup-mismatch.png" });

  await confirmation.fill("campus-pass-1");
  await page.getByRole("button", { name: "가입하기" }).click();
  await expect(page.getByTestId("greeting")).toContainText(student.nickname);
  expect(pageErrors).toEqual([]);
});

test("without 로그인 유지 the login cookies end with the browser; with it they last", async ({
  page,
  context,
  accounts,
}) => {
  const student = newStudent();
  await accounts.signUp(student);
  await expect(page.getByTestId("greeting")).toBeVisible();
  await accounts.logOut();
  await expect(page.getByRole("link", { name: "시작하기" })).toBeVisible();

  await page.goto("/login");
  await hydrated(page);
  await expect(page.getByLabel("로그인 유지")).not.toBeChecked();
  await page.screenshot({ path: "/tmp/forms-login.png" });
  await accounts.logIn(student);
  await expect(page.getByTestId("greeting")).toContainText(student.nickname);
  const session = (await context.cookies()).filter((cookie) => cookie.name.startsWith("campus_"));
  expect(session.map((cookie) => cookie.name).sort()).toEqual(["campus_access", "campus_refresh"]);
  for (const cookie of session) expect(cookie.expires, `${cookie.name} is a session cookie`).toBe(-1);

  await accounts.logOut();
  await expect(page.getByRole("link", { name: "시작하기" })).toBeVisible();
  await accounts.logIn(student, { keep: true });
  await expect(page.getByTestId("greeting")).toContainText(student.nickname);
  const kept = (await context.cookies()).filter((cookie) => cookie.name.startsWith("campus_"));
  const now = Date.now() / 1000;
  const expiry = (name: string) => kept.find((cookie) => cookie.name === name)?.expires ?? -1;
  expect(expiry("campus_access")).toBeGreaterThan(now + 25 * 60);
  expect(expiry("campus_refresh")).toBeGreaterThan(now + 6 * 86_400);
});

test("a nickname changes once, then the cooldown is explained; deleting the account logs out for good", async ({
  page,
  accounts,
  pageErrors,
}) => {
  page.on("dialog", (dialog) => dialog.accept());
  const student = newStudent();
  await accounts.signUp(student);
  await expect(page.getByTestId("greeting")).toBeVisible();
  await tab(page, "내 정보").click();
  await hydrated(page);

  const fresh = `새${student.nickname.slice(-6)}`;
  await page.getByText("닉네임 변경").click();
  await page.getByLabel("새 닉네임").fill(fresh);
  await page.getByRole("button", { name: "저장" }).first().click();
  await expect(page.getByTestId("profile-nickname")).toHaveText(fresh);
  await page.getByLabel("새 닉네임").fill(`또${student.nickname.slice(-6)}`);
  await page.getByRole("button", { name: "저장" }).first().click();
  await expect(page.getByTestId("nickname-error")).toContainText("닉네임은 30일에 한 번만 바꿀 수 있습니다.");
  await expect(page.getByTestId("profile-nickname")).toHaveText(fresh);

  await page.getByText("회원 탈퇴", { exact: true }).first().click();
  await page.getByLabel("비밀번호", { exact: true }).fill(student.password);
  await page.getByRole("button", { name: "회원 탈퇴" }).click();
  await expect(page.getByRole("link", { name: "시작하기" })).toBeVisible();
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?next=\/me/);
  expect(pageErrors).toEqual([]);
});

test("when the server cannot be reached, a page says so instead of logging the student out", async ({
  page,
  accounts,
}) => {
  const student = newStudent();
  await accounts.signUp(student);
  await expect(page.getByTestId("greeting")).toBeVisible();
  await tab(page, "내 정보").click();
  await hydrated(page);
  // A nickname change asks the server who is logged in again; that answer never arrives.
  await page.route("**/api/auth/current", (route) => route.abort("connectionrefused"));
  await page.getByText("닉네임 변경").click();
  await page.getByLabel("새 닉네임").fill(`새${student.nickname.slice(-6)}`);
  await page.getByRole("button", { name: "저장" }).first().click();

  await expect(page.getByRole("alert").filter({ hasText: "서버에 연결할 수 없습니다" })).toBeVisible();
  await expect(page).toHaveURL(/\/me$/);
  // Once the server answers again, the student is still logged in.
  await page.unroute("**/api/auth/current");
  await page.reload();
  await expect(page.getByTestId("profile-nickname")).toBeVisible();
});
