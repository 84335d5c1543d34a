// Playwright drives Debian's Chromium (no browser download) at a 360-pixel phone viewport against the build
// that `cargo leptos build` produced (debug, or release with CAMPUS_E2E_PROFILE=release as scripts/test
// runs it), on a fresh SQLite database per run (see scripts/e2e-server).
import { defineConfig } from "@playwright/test";

const port = Number(process.env.CAMPUS_E2E_PORT ?? 3100);
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: "ko-KR",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  webServer: {
    command: "../scripts/e2e-server",
    url: `http://127.0.0.1:${port}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Stop the server with SIGINT, or it may survive and a later run would test a stale build.
    gracefulShutdown: { signal: "SIGINT", timeout: 5_000 },
    env: { CAMPUS_E2E_PORT: String(port) },
  },
});
