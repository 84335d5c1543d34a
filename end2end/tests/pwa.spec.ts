// The installed-app requirements: manifest, icons, service worker, zero installability errors, offline page.
import { chromium } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, hydrated, newStudent } from "./fixtures";
import { chromiumArgs } from "../playwright.config";

test("the manifest names the app and its icons", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(href!)).json();
  expect(manifest.short_name).toBe("Campus");
  expect(manifest.display).toBe("standalone");
  expect(manifest.theme_color).toBe("#c62917");
  const sizes = manifest.icons.map((icon: { sizes: string; purpose?: string }) => `${icon.sizes}:${icon.purpose ?? "any"}`);
  expect(sizes).toEqual(expect.arrayContaining(["192x192:any", "512x512:any", "512x512:maskable"]));
  for (const icon of manifest.icons) {
    expect((await request.get(icon.src)).status()).toBe(200);
  }
});

test("Chromium reports no installability errors and the offline page answers offline", async ({ baseURL }) => {
  // An incognito context always reports "in-incognito", so this test uses a persistent profile.
  const profile = mkdtempSync(join(tmpdir(), "campus-pwa-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: chromiumArgs,
    baseURL,
    viewport: { width: 360, height: 740 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto("/");
    await hydrated(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Reload so that the page is controlled by the now active worker.
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);

    await context.setOffline(true);
    await page.goto("/me").catch(() => undefined);
    await expect(page.getByText("오프라인 상태입니다")).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

// The chunks a server-rendered page has the browser fetch beside the main bundle: the response's Link header
// names each chunk of the page's lazily loaded group as a preload (with the context's cookies).
async function chunkPreloads(page: import("@playwright/test").Page, path: string): Promise<string[]> {
  const response = await page.request.get(path);
  const links = response.headersArray().filter(({ name }) => name.toLowerCase() === "link");
  return links
    .flatMap(({ value }) => value.split(/\n|,\s*(?=<)/))
    .filter((link) => link.includes("rel=preload"))
    .map((link) => link.match(/^<([^>]+)>/)![1])
    .sort();
}

test("a first load fetches its own page group's chunk, and the other groups only once it is live", async ({
  page,
  accounts,
  pageErrors,
}) => {
  test.skip(process.env.CAMPUS_E2E_PROFILE !== "release", "only the release build is split (scripts/test)");
  // A visitor's home (the welcome) is in the shell: the first page a newcomer opens needs no chunk at all.
  expect(await chunkPreloads(page, "/")).toEqual([]);
  const people = await chunkPreloads(page, "/login");
  await accounts.signUp(newStudent());
  await expect(page.getByTestId("greeting")).toBeVisible();
  // Each group's own chunk is named after its lazily loaded function (src/pages/lazy.rs); a student's home
  // is one of its own.
  const home = await chunkPreloads(page, "/");
  const community = await chunkPreloads(page, "/boards");
  // Every response names them, however many pages render at once.
  const paths = ["/", "/boards", "/", "/boards", "/", "/boards"];
  const together = await Promise.all(paths.map((path) => chunkPreloads(page, path)));
  expect(together).toEqual([home, community, home, community, home, community]);
  const timetables = await chunkPreloads(page, "/timetable");
  const own = (chunks: string[]) => chunks.flatMap((chunk) => chunk.match(/\/split_([a-z_]+)_\d+\./)?.[1] ?? []);
  expect(own(home)).toEqual(["student_home"]);
  expect(own(community)).toEqual(["community"]);
  expect(own(people)).toEqual(["people"]);
  expect(own(timetables)).toEqual(["timetables"]);

  // Once the page is live, the idle prefetch fetches the other groups' chunks, so a navigation waits for none.
  const fetched = new Set<string>();
  page.on("request", (request) => fetched.add(new URL(request.url()).pathname));
  await page.goto("/timetable");
  await hydrated(page);
  for (const chunk of [...home, ...community, ...people]) {
    await expect.poll(() => fetched.has(chunk) || timetables.includes(chunk), { message: chunk }).toBe(true);
  }
  await page.getByRole("link", { name: "홈" }).first().click();
  await expect(page.getByTestId("greeting")).toBeVisible();
  expect(pageErrors).toEqual([]);
});
