import { expect, test, type Page } from "@playwright/test";
import { freshDemoData, signIn } from "./helpers";
import { demoIds, open } from "./a11y";
import { PAGES } from "./pages";

test.beforeAll(freshDemoData);

// A person whose browser is in another time zone than the server: eleven hours behind UTC (or
// fourteen ahead, when the server itself runs eleven behind), so that the hours always differ and
// the day does for half of it. A page is written twice, on the server and again in the browser; if
// the two disagree on a date, React throws the server's page away (a hydration error) and the
// person may see another day than the one entered.
const serverZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const browserZone = serverZone === "Pacific/Pago_Pago" ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
test.use({ timezoneId: browserZone });

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

/** Every page Marco can open, each loaded afresh; the script errors thrown while each loads. */
async function walk(page: Page): Promise<Record<string, string[]>> {
  const errors = collectErrors(page);
  await signIn(page, "marco");
  const ids = await demoIds(page);
  const found: Record<string, string[]> = {};
  for (const [route, url] of Object.entries(PAGES)) {
    if (route === "/login" || route.startsWith("/admin")) continue;
    errors.length = 0;
    await open(page, url(ids));
    if (errors.length) found[route] = [...errors];
  }
  return found;
}

test(`in a browser in ${browserZone}, every page loads without a script error`, async ({ page }) => {
  test.setTimeout(240_000);
  expect(await walk(page)).toEqual({});
});

// "3 days ago" is written by the server and again by the browser, from each one's clock. A
// person's clock may be off (here a day and a half ahead): the page keeps the server's words.
test("with the browser's clock a day and a half ahead of the server's, every page loads without a script error", async ({ page }) => {
  test.setTimeout(240_000);
  await page.clock.setFixedTime(Date.now() + 36 * 3600_000);
  expect(await walk(page)).toEqual({});
});

test(`in a browser in ${browserZone}, an action is due on the day entered`, async ({ page }) => {
  const errors = collectErrors(page);
  await signIn(page, "marco");
  const ids = await demoIds(page);
  const plan = await (await page.request.get(`/api/accounts/${ids.account}/plan`)).json();
  const action = plan.actions.find((a: { status: string }) => a.status === "OPEN");
  expect(action, "an open action on Nordwind Energy's plan").toBeTruthy();
  // A date column arrives as UTC midnight: the day entered is its UTC day.
  const due = new Date(action.dueDate).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  await open(page, `/accounts/${ids.account}/plan`);
  await expect(page.getByTestId("action-row").filter({ hasText: action.title }).first()).toContainText(`Due ${due}`);
  expect(errors).toEqual([]);
});

test(`in a browser in ${browserZone}, the audit log shows the server's date and time, and names its zone`, async ({ page }) => {
  const errors = collectErrors(page);
  await signIn(page, "admin");
  await open(page, "/admin/audit");
  const zone = /^(Etc\/)?(UTC|GMT|Universal|Zulu)$/.test(serverZone) ? "UTC" : serverZone;
  await expect(page.getByRole("columnheader", { name: `When (${zone})` })).toBeVisible();
  const shown = (await page.getByTestId("audit-table").locator("tbody tr").first().locator("td").first().innerText()).replace(/\s+/g, " ").trim();
  // The same words the server wrote into the page's HTML, not the browser's own clock.
  const html = await (await page.request.get("/admin/audit")).text();
  const [, day, time] = shown.match(/^(.*?),? (\d{2}:\d{2}:\d{2})$/) ?? [];
  expect(time, shown).toBeDefined();
  expect(day, "the day names its month").toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
  expect(html).toContain(`>${day}<`);
  expect(html).toContain(`>${time}<`);
  expect(errors).toEqual([]);
});
