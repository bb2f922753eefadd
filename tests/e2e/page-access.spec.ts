import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoIds } from "./a11y";
import { freshDemoData, signIn, type DemoKey } from "./helpers";
import { PAGES, pagesWithoutLoadingState } from "./pages";

test.beforeAll(freshDemoData);

// A page someone may not open answers like the API does: HTTP 404, with Keystone's not-found page.
// The status matters beyond the screen (monitoring, scripts, a browser's history and caches), and
// it is decided before any loading skeleton is sent: an account's, a review's and an admin page's
// access are checked in layouts that sit outside every loading boundary.

const ACCOUNT_PAGES = Object.keys(PAGES).filter((route) => route.startsWith("/accounts/[id]") || route === "/reviews/[id]");
const MISSING = "00000000-0000-4000-8000-000000000000";

async function as(browser: Browser, who: DemoKey): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, who);
  return page;
}

/** Each address's HTTP status for this user. */
async function statuses(page: Page, urls: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const url of urls) out[url] = (await page.request.get(url, { maxRedirects: 0 })).status();
  return out;
}

/** Opens each address in the browser and expects Keystone's not-found page, title and all. */
async function showsNotFound(page: Page, urls: string[]) {
  for (const url of urls) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" }), url).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to accounts" }), url).toBeVisible();
    await expect(page, url).toHaveTitle("Not found · Keystone");
  }
}

const all = (urls: string[], status: number) => Object.fromEntries(urls.map((u) => [u, status]));

test("every signed-in page shows a loading skeleton while it loads", () => {
  // A page without one leaves the last page on screen, unchanged, until the new one has loaded.
  expect(pagesWithoutLoadingState()).toEqual([]);
  // The tests below prove that the checks that answer 404 sit above the skeletons: one decided
  // inside a skeleton would answer 200.
});

test("every page of an account, and its reviews, answers 404 to someone not on it and 200 to its manager", async ({ browser }) => {
  test.setTimeout(120_000);
  const marco = await as(browser, "marco");
  const ids = await demoIds(marco);
  const urls = ACCOUNT_PAGES.map((route) => PAGES[route](ids));
  expect(urls.length).toBeGreaterThanOrEqual(14);
  // Marco manages Nordwind Energy: every one of its pages opens.
  expect(await statuses(marco, urls)).toEqual(all(urls, 200));
  // Tom manages other accounts and is not on Nordwind's team (the API agrees).
  const tom = await as(browser, "tom");
  expect((await tom.request.get(`/api/accounts/${ids.account}`)).status()).toBe(404);
  expect(await statuses(tom, urls)).toEqual(all(urls, 404));
  await showsNotFound(tom, urls);
});

test("pages for other roles, and addresses that name nothing, answer 404", async ({ browser }) => {
  test.setTimeout(120_000);
  const marco = await as(browser, "marco");
  const ids = await demoIds(marco);
  const refused = [
    `/accounts/${MISSING}`,
    `/accounts/${MISSING}/scorecard`,
    `/accounts/${ids.account}/plan/versions/999`,
    `/accounts/${ids.account}/plan/versions/first`,
    `/accounts/${ids.account}/reviews/proposals/${MISSING}/edit`,
    `/reviews/${MISSING}`,
    // An account manager administers nothing.
    "/admin/users",
    "/admin/audit",
  ];
  expect(await statuses(marco, refused)).toEqual(all(refused, 404));
  await showsNotFound(marco, refused);
  // A mentor proposes no accounts; the administrator opens the admin pages.
  const helen = await as(browser, "helen");
  expect(await statuses(helen, ["/accounts/new"])).toEqual({ "/accounts/new": 404 });
  await showsNotFound(helen, ["/accounts/new"]);
  const admin = await as(browser, "admin");
  expect(await statuses(admin, ["/admin/users", "/admin/audit", "/accounts/new"])).toEqual(all(["/admin/users", "/admin/audit", "/accounts/new"], 200));
});
