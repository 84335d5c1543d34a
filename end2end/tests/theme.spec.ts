// 화면 테마: the dark theme follows the phone's own setting until the student picks one in 내 정보, which
// applies at once, is kept by this device across reloads, and works as a form before the bundle arrives.
import { test, expect, hydrated, newStudent, signUpThroughApi } from "./fixtures";
import type { Page } from "@playwright/test";

const LIGHT_BACKGROUND = "rgb(246, 246, 246)";
const DARK_BACKGROUND = "rgb(18, 18, 18)";

/** Waits until the page is drawn on `colour` (checked from outside the page: it works with JavaScript off). */
async function drawnOn(page: Page, colour: string) {
  await expect(page.locator("body")).toHaveCSS("background-color", colour);
}

test("the theme follows the phone until one is chosen in 내 정보, and the choice is kept", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signUpThroughApi(context.request, newStudent());

  await page.goto("/");
  await hydrated(page);
  await drawnOn(page, DARK_BACKGROUND);

  await page.goto("/me");
  await hydrated(page);
  const choice = page.getByRole("region", { name: "화면 테마" });
  await expect(choice.getByLabel("기기 설정")).toBeChecked();
  // Live, a tap applies at once (the 적용 button is only for a page that is not live yet).
  await expect(choice.getByRole("button", { name: "적용" })).toBeHidden();
  await choice.getByLabel("라이트").check();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await drawnOn(page, LIGHT_BACKGROUND);
  await page.screenshot({ path: "/tmp/theme-light-me.png" });

  // The cookie is written in the background; a reload comes back light from the server.
  await expect.poll(async () => (await context.cookies()).find((c) => c.name === "campus_theme")?.value).toBe("light");
  await page.goto("/");
  await drawnOn(page, LIGHT_BACKGROUND);

  await page.goto("/me");
  await hydrated(page);
  await expect(choice.getByLabel("라이트")).toBeChecked();
  await choice.getByLabel("기기 설정").check();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.*/);
  await drawnOn(page, DARK_BACKGROUND);
  await page.screenshot({ path: "/tmp/theme-dark-me.png" });
  await expect.poll(async () => (await context.cookies()).some((c) => c.name === "campus_theme")).toBe(false);
  expect(errors).toEqual([]);
  await context.close();
});

test("before the bundle arrives, 적용 posts the choice and the page comes back in it", async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    colorScheme: "light",
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  await signUpThroughApi(context.request, newStudent());
  await page.goto("/me");
  const choice = page.getByRole("region", { name: "화면 테마" });
  await choice.getByLabel("다크").check();
  await choice.getByRole("button", { name: "적용" }).click();
  await expect(page).toHaveURL(/\/me\??$/);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await drawnOn(page, DARK_BACKGROUND);
  await context.close();
});
