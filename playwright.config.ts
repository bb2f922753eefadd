import { defineConfig, devices } from "@playwright/test";
import { newE2eDatabaseName } from "./scripts/e2e-db.mjs";

const port = Number(process.env.E2E_PORT ?? 3200);
// The e2e server's database, named here so that the test workers (which inherit this process's
// environment) can give each test file a fresh copy of the demo data (freshDemoData in helpers.ts).
process.env.E2E_DATABASE_NAME ??= newE2eDatabaseName();

// Real UI in real Chromium (Debian's /usr/bin/chromium: Playwright cannot download browsers here).
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "off",
    screenshot: "only-on-failure",
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
