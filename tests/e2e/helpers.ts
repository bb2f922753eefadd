import { expect, request, type BrowserContext, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { demoTemplateOf } from "../../scripts/e2e-db.mjs";

export const DEMO_PASSWORD = "keystone-demo";
export const DEMO = {
  admin: { email: "admin@keystone.demo", name: "Alex Morgan" },
  senior: { email: "sofia.lindqvist@keystone.demo", name: "Sofia Lindqvist" },
  marco: { email: "marco.rossi@keystone.demo", name: "Marco Rossi" },
  priya: { email: "priya.nair@keystone.demo", name: "Priya Nair" },
  tom: { email: "tom.becker@keystone.demo", name: "Tom Becker" },
  elena: { email: "elena.garcia@keystone.demo", name: "Elena García" },
  james: { email: "james.oconnor@keystone.demo", name: "James O'Connor" },
  aiko: { email: "aiko.tanaka@keystone.demo", name: "Aiko Tanaka" },
  helen: { email: "helen.carter@keystone.demo", name: "Helen Carter" },
  david: { email: "david.okafor@keystone.demo", name: "David Okafor" },
} as const;
export type DemoKey = keyof typeof DEMO;

/** Every prefetch the page's router sends from now on, as path and query (without `_rsc`). */
export function recordPrefetches(page: Page): string[] {
  const prefetched: string[] = [];
  page.on("request", (r) => {
    if (!r.headers()["next-router-prefetch"]) return;
    const url = new URL(r.url());
    prefetched.push(url.pathname + url.search.replace(/[?&]_rsc=[^&]*/, ""));
  });
  return prefetched;
}

/**
 * `link` is prefetched on intent (`IntentLink`): once the sidebar's links have been prefetched (as
 * they come into view, by which time the page's other links in view would have been too) and the
 * network is quiet, nothing `alike` has been prefetched; pointed at, `link` is, and nothing else
 * alike. `prefetched` comes from recordPrefetches, started before the page opened. Returns the
 * link's address.
 */
export async function expectPrefetchedWhenPointedAt(page: Page, prefetched: string[], link: Locator, alike: (path: string) => boolean): Promise<string> {
  await expect.poll(() => prefetched.includes("/reviews"), { message: "the sidebar's Reviews link is prefetched" }).toBe(true);
  await page.waitForLoadState("networkidle");
  const prefetchedAlike = () => new Set(prefetched.filter(alike));
  expect(prefetchedAlike(), "prefetched before anything was pointed at").toEqual(new Set());
  const href = (await link.getAttribute("href"))!;
  await link.hover();
  await expect.poll(prefetchedAlike).toEqual(new Set([href]));
  return href;
}

/** The id of the demo account called `name`, as the signed-in page's user finds it. */
export async function accountId(page: Page, name: string): Promise<string> {
  const res = await page.request.get(`/api/accounts?q=${encodeURIComponent(name)}`);
  const body = await res.json();
  const hit = body.items.find((a: { name: string }) => a.name === name);
  expect(hit, `account ${name}`).toBeTruthy();
  return hit.id;
}

/** Signs in through the real sign-in page and waits for the signed-in layout. */
export async function signIn(page: Page, who: DemoKey, path = "/") {
  // Start signed out: the sign-in page sends a signed-in visitor straight on.
  await page.context().clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent(path)}`);
  await submitSignIn(page, who);
  await expect(page.getByTestId("current-user")).toHaveText(DEMO[who].name);
}

/** Fills and sends the sign-in form of a page that shows it. */
export async function submitSignIn(page: Page, who: DemoKey) {
  await page.getByLabel("Work email").fill(DEMO[who].email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs out in another tab of the browser `context`, which ends the session every tab of it uses.
 * Returns that tab, on the sign-in page.
 */
export async function signOutInAnotherTab(context: BrowserContext): Promise<Page> {
  const other = await context.newPage();
  await other.goto("/actions");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other).toHaveURL(/\/login/);
  return other;
}

/**
 * Puts the demo data back as the e2e server seeded it: the server's database is dropped and copied
 * again from its template (scripts/e2e-server.mjs). Every test file calls it in `beforeAll`, so a
 * file depends on no other file and on no order of files. The app's pool loses its connections
 * and opens new ones, as after a database restart; this waits until the app answers again.
 */
export async function freshDemoData() {
  const name = process.env.E2E_DATABASE_NAME;
  if (!name) throw new Error("E2E_DATABASE_NAME is not set (playwright.config.ts sets it)");
  const server = new URL(process.env.KEYSTONE_TEST_SERVER_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const admin = new pg.Client({ connectionString: Object.assign(server, { pathname: "/postgres" }).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${demoTemplateOf(name)}"`);
  } finally {
    await admin.end();
  }
  const api = await request.newContext({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3200}` });
  try {
    // Two healthy answers in a row: the first may still have met a connection the drop closed.
    await expect
      .poll(async () => {
        const ok = async () => (await api.get("/api/health")).ok();
        return (await ok()) && (await ok());
      }, { timeout: 30_000 })
      .toBe(true);
  } finally {
    await api.dispose();
  }
}

/**
 * Holds the page's scripts back until `release()`: the page shows as the server drew it and React
 * has not taken it over, as on a slow phone in its first seconds. Styles still load.
 */
export async function holdScripts(page: Page): Promise<() => Promise<void>> {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const pattern = /\/_next\/static\/chunks\/.*\.js/;
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  // Once open, later scripts pass at once.
  return async () => open();
}

/**
 * The next `method` request to `url` reaches the server, which does it, but its answer is cut off
 * before the browser (as when the connection drops at that moment). Later ones pass. Returns how
 * many answers were lost so far.
 */
export async function loseNextAnswer(page: Page, url: string, method: string): Promise<() => number> {
  let lost = 0;
  await page.route(url, async (route) => {
    if (route.request().method() !== method || lost > 0) return route.continue();
    lost++;
    await route.fetch();
    await route.abort("connectionreset");
  });
  return () => lost;
}
