// Accessibility on every main screen, checked by axe-core (the engine behind Lighthouse's accessibility
// score) with the WCAG 2.0–2.2 A and AA rules and axe's best practices: as a student whose school has real
// content, and as a visitor, on a phone (360 px) and on a laptop (1,280 px, with the side navigation and the
// second column loaded), in the light and the dark theme (the device's colour scheme). Any violation fails the
// test with the screen, the rule and the elements.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { test, expect, hydrated, watchErrors } from "./fixtures";
import { buildWorld, studentScreens, VISITOR_SCREENS, type World } from "./content";

const WIDTHS = [360, 1280];
const SCHEMES = ["light", "dark"] as const;
const RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

let world: World;
let login: Awaited<ReturnType<BrowserContext["storageState"]>>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  world = await buildWorld(await context.newPage(), browser);
  login = await context.storageState();
  await context.close();
});

/** A browser at `width` (a phone below 1,024 px) in a colour `scheme`, logged in as the world's student or
 * not; what its pages throw or log as errors goes to `errors` (the 403 of the review queue, which a student may
 * not see, is the page's answer, not an error). */
async function screen(
  browser: Browser,
  width: number,
  scheme: (typeof SCHEMES)[number],
  loggedIn: boolean,
  errors: string[],
): Promise<Page> {
  const phone = width < 1024;
  const context = await browser.newContext({
    viewport: { width, height: phone ? 740 : 800 },
    isMobile: phone,
    hasTouch: phone,
    colorScheme: scheme,
    storageState: loggedIn ? login : undefined,
  });
  const page = await context.newPage();
  watchErrors(page, errors, /status of (403|409|422) /);
  return page;
}

/** The violations axe finds on the page, one line each: screen, rule, what it says, where. */
async function violations(page: Page, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(RULES).analyze();
  return results.violations.map((v) => {
    const where = v.nodes.slice(0, 3).map((node) => `${node.target.join(" ")} ${node.failureSummary ?? ""}`.trim());
    return `${name}: ${v.id} (${v.help}) at ${where.join(" | ")}`;
  });
}

for (const scheme of SCHEMES) for (const width of WIDTHS) {
  test(`every main screen of a student has no axe violation at ${width} px, ${scheme}`, async ({ browser, pageErrors }) => {
    test.setTimeout(180_000);
    const page = await screen(browser, width, scheme, true, pageErrors);
    const found: string[] = [];
    for (const [name, path] of studentScreens(world)) {
      await page.goto(path);
      await hydrated(page);
      if (width >= 1024) {
        // The second column loads after hydration: check it as the student sees it.
        await expect(page.getByTestId("side-column")).toHaveAttribute("data-state", "loaded");
      }
      found.push(...(await violations(page, `${name} ${path}`)));
    }
    expect(found).toEqual([]);
    await page.context().close();
  });

  test(`the visitor's screens have no axe violation at ${width} px, ${scheme}`, async ({ browser, pageErrors }) => {
    const page = await screen(browser, width, scheme, false, pageErrors);
    const found: string[] = [];
    for (const [name, path] of VISITOR_SCREENS) {
      await page.goto(path);
      await hydrated(page);
      found.push(...(await violations(page, `${name} ${path}`)));
    }
    expect(found).toEqual([]);
    await page.context().close();
  });
}
