// `npm run outage:pages`: what a person in the browser sees when PostgreSQL goes away and comes
// back. Signed in on an account's plan, the database stops: reloading shows Keystone's own "This
// page could not be loaded" (not the framework's bare error page), answered 503 with Retry-After,
// and moving to another tab shows it inside the app's frame. Once the database is back, "Try
// again" brings the page back without restarting the app (in the frame, without a reload). Runs
// on its own embedded PostgreSQL (temporary folder and port) and Chromium (as `npm test` does:
// /usr/bin/chromium, or CHROMIUM_PATH). Takes about a minute. OUTAGE_SCREENSHOT=file.png saves
// what the reload while it was down showed.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { applyMigrations } from "./db/migrations";
import { createPrisma } from "../prisma/client";
import { seedDemo } from "../prisma/seed";
import { ensureBuild, freePort, startServer } from "../bench/lib/server";

const dir = mkdtempSync(path.join(os.tmpdir(), "keystone-outage-pages-"));
process.env.KEYSTONE_PG_DIR = dir;
process.env.KEYSTONE_PG_PORT = String(await freePort());
const { startEmbeddedPostgres } = await import("./embedded-db.mjs");
const log = (m: string) => console.log(`[outage:pages] ${m}`);
const startDb = () => startEmbeddedPostgres({ database: "keystone", log: () => {} });

let db = await startDb();
await applyMigrations(db.url);
const prisma = createPrisma(db.url);
log("seeding demo data …");
await seedDemo(prisma, () => {});
const account = await prisma.account.findFirstOrThrow({ where: { name: "Nordwind Energy" }, select: { id: true } });
await prisma.$disconnect();
ensureBuild(process.argv.includes("--rebuild"));
const server = await startServer({ port: await freePort(), databaseUrl: db.url });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage({ baseURL: server.base, viewport: { width: 1280, height: 800 } });

/** Whether `what` becomes visible within `ms`. */
const shows = (p: Page, what: ReturnType<Page["getByRole"]>, ms = 10_000) =>
  what.first().waitFor({ state: "visible", timeout: ms }).then(() => true, () => false);
const planShown = () => shows(page, page.getByRole("heading", { name: "Nordwind Energy" }));
const errorShown = () => shows(page, page.getByRole("heading", { name: "This page could not be loaded" }));

const checks: [string, boolean][] = [];
try {
  await page.goto("/login");
  await page.getByLabel("Work email").fill("marco.rossi@keystone.demo");
  await page.getByLabel("Password").fill("keystone-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("current-user").waitFor();
  await page.goto(`/accounts/${account.id}/plan`);
  checks.push(["the plan shows while the database is up", await planShown()]);

  log("stopping PostgreSQL");
  await db.stop();
  const reload = await page.reload();
  checks.push(["reloading while it is down shows Keystone's error page", await errorShown()]);
  checks.push([
    `… answered 503 with Retry-After (got ${reload?.status()}, Retry-After ${reload?.headers()["retry-after"]})`,
    reload?.status() === 503 && Number(reload.headers()["retry-after"]) > 0,
  ]);
  checks.push(["… with a way to try again", await shows(page, page.getByRole("button", { name: "Try again" }), 2_000)]);
  if (process.env.OUTAGE_SCREENSHOT) await page.screenshot({ path: process.env.OUTAGE_SCREENSHOT });
  log("starting PostgreSQL again");
  db = await startDb();
  await page.getByRole("button", { name: "Try again" }).click();
  checks.push(["once it is back, Try again brings the plan back", await planShown()]);

  log("stopping PostgreSQL again");
  await db.stop();
  await page.getByRole("link", { name: "Scorecard" }).click();
  checks.push(["moving to another tab while it is down shows the error page in the app's frame", (await errorShown()) && (await page.getByTestId("current-user").isVisible())]);
  db = await startDb();
  await page.getByRole("button", { name: "Try again" }).click();
  checks.push(["once it is back, Try again brings that tab", await shows(page, page.getByRole("heading", { name: "Nordwind Energy" })) && page.url().endsWith("/scorecard")]);
} finally {
  await browser.close();
  await server.stop();
  await db.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
for (const [name, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"}  ${name}`);
process.exit(checks.length === 7 && checks.every(([, ok]) => ok) ? 0 : 1);
