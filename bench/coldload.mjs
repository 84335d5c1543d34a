// The JavaScript and WebAssembly a cold load of each page transfers, as the browser receives it (compressed
// sizes on the wire, brotli where offered): Debian's Chromium with an empty cache per page, until the page
// has hydrated. Prints one JSON line per page: {"label", "url", "bytes", "requests", "files"}.
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
  tab.on("requestfinished", async (request) => {
    const url = request.url();
    if (/\.(js|wasm)(\?|$)/.test(url)) {
      const sizes = await request.sizes();
      files.push({ url: url.replace(base, ""), bytes: sizes.responseBodySize });
    }
  });
  await tab.goto(base + path, { waitUntil: "load" });
  await tab.locator("body[data-hydrated]").waitFor({ state: "attached", timeout: 30_000 });
  await tab.waitForLoadState("networkidle");
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  console.log(JSON.stringify({ label, url: path, bytes, requests: files.length, files }));
  await context.close();
}
await browser.close();
