// The JavaScript and WebAssembly a cold load of each page transfers, as the browser receives it (compressed
// sizes on the wire, brotli where offered): Debian's Chromium with an empty cache per page. `bytes` counts
// the files requested until the page has hydrated (what it needs to work); `idle_bytes` the files fetched
// after that, until the network is idle (other routes' code, prefetched for later navigation). Prints one
// JSON line per page: {"label", "url", "bytes", "requests", "idle_bytes", "files"}.
//
//   node bench/coldload.mjs BASE COOKIE LABEL=PATH...     (COOKIE: the access token, or "-" for a visitor)
import { createRequire } from "node:module";

const require = createRequire(new URL("../end2end/package.json", import.meta.url));
const { chromium } = require("@playwright/test");

const [base, cookie, ...pages] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});
for (const page of pages) {
  const [label, path] = page.split(/=(.*)/s);
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  if (cookie !== "-") {
    await context.addCookies([{ name: "campus_access", value: cookie, url: base }]);
  }
  const tab = await context.newPage();
  // The moment the app marks itself hydrated, in wall-clock milliseconds as request timings give them: the
  // idle prefetch starts right after it, before a poll from here could notice.
  await tab.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body?.hasAttribute("data-hydrated")) {
        window.__hydratedAt = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-hydrated"] });
  });
  const requests = [];
  tab.on("requestfinished", (request) => {
    if (/\.(js|wasm)(\?|$)/.test(request.url())) requests.push(request);
  });
  await tab.goto(base + path, { waitUntil: "load" });
  await tab.locator("body[data-hydrated]").waitFor({ state: "attached", timeout: 30_000 });
  await tab.waitForLoadState("networkidle");
  const hydratedAt = await tab.evaluate(() => window.__hydratedAt);
  // Each file once (a preloaded chunk is requested again when used, and served from the preload).
  const files = new Map();
  for (const request of requests) {
    const url = request.url().replace(base, "");
    const bytes = Math.max(0, (await request.sizes()).responseBodySize);
    const before_hydration = request.timing().startTime < hydratedAt;
    const known = files.get(url);
    if (!known) files.set(url, { url, bytes, before_hydration });
    else known.bytes = Math.max(known.bytes, bytes);
  }
  const sum = (list) => list.reduce((total, file) => total + file.bytes, 0);
  const needed = [...files.values()].filter((file) => file.before_hydration);
  const idle = [...files.values()].filter((file) => !file.before_hydration);
  console.log(JSON.stringify({ label, url: path, bytes: sum(needed), requests: needed.length,
    idle_bytes: sum(idle), files: [...files.values()] }));
  await context.close();
}
await browser.close();
