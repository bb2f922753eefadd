// `npm run outage:pages`: what a person in the browser sees when PostgreSQL goes away and comes
// back. Signed in on an account's plan, the database stops: reloading shows Keystone's own "This
// page could not be loaded" (not the framework's bare error page), and so does moving to another
// tab. Once the database is back, "Try again" brings the page back without reloading or restarting
// the app. Runs on its own embedded PostgreSQL (temporary folder and port) and Chromium (as
// `npm test` does: /usr/bin/chromium, or CHROMIUM_PATH). Takes about a minute.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { applyMigrations } from "./db/migrations";
import { createPrisma } from "../prisma/client";
import { seedDemo } from "../prisma/seed";
import { ensureBuild, startServer } from "../bench/lib/server";

const dir = mkdtempSync(path.join(os.tmpdir(), "keystone-outage-pages-"));
process.env.KEYSTONE_PG_DIR = dir;
process.env.KEYSTONE_PG_PORT = String(57000 + Math.floor(Math.random() * 1000));
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
const server = await startServer({ port: 3360 + Math.floor(Math.random() * 30), databaseUrl: db.url });
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
  await page.reload();
  checks.push(["reloading while it is down shows Keystone's error page", await errorShown()]);
  checks.push(["… with a way to try again", await shows(page, page.getByRole("button", { name: "Try again" }), 2_000)]);
  log("starting PostgreSQL again");
  db = await startDb();
  await page.getByRole("button", { name: "Try again" }).click();
  checks.push(["once it is back, Try again brings the plan back (no reload)", await planShown()]);

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
process.exit(checks.length === 6 && checks.every(([, ok]) => ok) ? 0 : 1);
