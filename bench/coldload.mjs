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
  const files = [];
  let hydrated = false;
  const sized = [];
  tab.on("request", (request) => {
    const url = request.url();
    if (!/\.(js|wasm)(\?|$)/.test(url)) return;
    const file = { url: url.replace(base, ""), bytes: 0, before_hydration: !hydrated };
    files.push(file);
    sized.push(request.response().then(async (response) => {
      if (response) file.bytes = (await request.sizes()).responseBodySize;
    }));
  });
  await tab.goto(base + path, { waitUntil: "load" });
  await tab.locator("body[data-hydrated]").waitFor({ state: "attached", timeout: 30_000 });
  hydrated = true;
  await tab.waitForLoadState("networkidle");
  await Promise.all(sized);
  const sum = (list) => list.reduce((total, file) => total + file.bytes, 0);
  const needed = files.filter((file) => file.before_hydration);
  const idle = files.filter((file) => !file.before_hydration);
  console.log(JSON.stringify({ label, url: path, bytes: sum(needed), requests: needed.length,
    idle_bytes: sum(idle), files }));
  await context.close();
}
await browser.close();
