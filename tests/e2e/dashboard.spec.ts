import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { seriousViolations } from "./a11y";
import { expectPrefetchedWhenPointedAt, freshDemoData, recordPrefetches, signIn } from "./helpers";

test.beforeAll(freshDemoData);

// The portfolio dashboard on the demo data. Other spec files change the same database, so the
// assertions compare figures with the lists behind them rather than with fixed numbers.
// Screenshots go to SHOTS_DIR when it is set.
const shots = process.env.SHOTS_DIR;

const tileValue = async (page: Page, testId: string) => Number((await page.getByTestId(testId).getByRole("link").first().innerText()).replace(/[^\d]/g, ""));
/** Waits until the charts drawn lazily (below the first screen) are all there, for screenshots. */
const chartsDrawn = (page: Page) => expect(page.locator("[data-chart-pending]")).toHaveCount(0, { timeout: 15_000 });
const drillTotal = async (page: Page) => Number(await page.getByTestId("drill-total").innerText());

test("a senior manager narrows the whole dashboard by region, and the view lives in the URL", async ({ page }) => {
  await signIn(page, "senior", "/dashboard");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Portfolio dashboard" })).toBeVisible();
  const all = await tileValue(page, "stat-accounts");
  expect(all).toBeGreaterThan(10);

  await page.getByLabel("Region").selectOption("DACH");
  await expect(page).toHaveURL(/[?&]region=DACH/);
  await expect(page.getByTestId("dashboard-body")).toHaveAttribute("aria-busy", "false");
  const dach = await tileValue(page, "stat-accounts");
  expect(dach).toBeLessThan(all);
  expect(dach).toBeGreaterThan(0);

  // A bookmark opens the same view.
  await page.reload();
  await expect(page.getByLabel("Region")).toHaveValue("DACH");
  expect(await tileValue(page, "stat-accounts")).toBe(dach);
  if (shots) {
    await chartsDrawn(page);
    await page.screenshot({ path: `${shots}/dashboard-dach.png`, fullPage: true });
  }

  // Filters combine, and clearing them brings the whole portfolio back.
  const firstIndustry = await page.getByLabel("Industry").locator("option").nth(1).getAttribute("value");
  await page.getByLabel("Industry").selectOption(firstIndustry!);
  await expect(page).toHaveURL(/region=DACH/);
  await expect(page).toHaveURL(new RegExp(`industry=${encodeURIComponent(firstIndustry!).replace(/%20/g, "(\\+|%20)")}`));
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect.poll(() => tileValue(page, "stat-accounts")).toBe(all);
});

/** Turns a card to its table view. A click before the page has hydrated does nothing: press until it is on. */
async function showTable(card: Locator) {
  const tableView = card.getByRole("button", { name: "Table" });
  await expect(async () => {
    await tableView.click();
    await expect(tableView).toHaveAttribute("aria-pressed", "true", { timeout: 1_000 });
  }).toPass();
}

test("every figure opens the accounts behind it, keeping the filters", async ({ page }) => {
  await signIn(page, "senior", "/dashboard?region=DACH");
  await page.goto("/dashboard?region=DACH");
  const dach = await tileValue(page, "stat-accounts");

  await page.getByTestId("stat-accounts").getByRole("link").click();
  await expect(page.getByRole("heading", { name: "All accounts" })).toBeVisible();
  expect(await drillTotal(page)).toBe(dach);
  const regions = await page.getByTestId("drill-region").allInnerTexts();
  expect(regions.length).toBe(dach);
  for (const r of regions) expect(r).toMatch(/^DACH · /);

  // Back to the dashboard with the filter still set.
  await page.getByRole("main").getByRole("link", { name: "Dashboard", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\?region=DACH$/);

  // A number in a table: the lifecycle stage with the most accounts.
  await page.goto("/dashboard");
  const stages = page.getByTestId("card-stages");
  await showTable(stages);
  const links = stages.getByRole("table").getByRole("link");
  const counts = await links.allInnerTexts();
  const biggest = counts.map(Number).reduce((best, n, i, xs) => (n > xs[best] ? i : best), 0);
  const label = await links.nth(biggest).getAttribute("aria-label");
  await links.nth(biggest).click();
  await expect(page).toHaveURL(/metric=stage%3A/);
  expect(await drillTotal(page)).toBe(Number(counts[biggest]));
  expect(label).toMatch(/^Accounts in /);

  // A tile in another section: overdue actions drill to the accounts that have them, oldest first.
  await page.goto("/dashboard");
  const overdueAccounts = Number((await page.getByTestId("stat-overdue").innerText()).match(/in (\d+) account/)?.[1] ?? "0");
  await page.getByTestId("stat-overdue").getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Accounts with overdue actions" })).toBeVisible();
  expect(await drillTotal(page)).toBe(overdueAccounts);
  // On a laptop screen the list, with its "Why it counts" column, fits: no sideways scrolling.
  await page.setViewportSize({ width: 1280, height: 800 });
  const table = page.getByTestId("drill-table");
  await expect(table.getByRole("columnheader", { name: "Revenue" })).toBeInViewport();
  expect(await table.evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth)).toBeLessThanOrEqual(0);
  if (shots) await page.screenshot({ path: `${shots}/dashboard-drill-overdue.png`, fullPage: true });
});

test("any table exports to CSV, on the dashboard and behind a figure", async ({ page }) => {
  await signIn(page, "senior", "/dashboard");
  await page.goto("/dashboard");
  const lights = page.getByTestId("card-lights");
  const [download] = await Promise.all([page.waitForEvent("download"), lights.getByRole("button", { name: "Export “Traffic lights by area” as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^keystone-traffic-lights-by-area-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8").trim().split("\r\n");
  expect(csv[0]).toBe("Area,Red,Amber,Green,Not set");
  expect(csv.slice(1).map((l) => l.split(",")[0])).toEqual(["Relationship", "Delivery", "Financial", "Strategic position", "Competitive threat"]);
  // Each row adds up to the accounts in view.
  const all = await tileValue(page, "stat-accounts");
  for (const line of csv.slice(1)) expect(line.split(",").slice(1).map(Number).reduce((a, b) => a + b, 0)).toBe(all);

  await page.getByTestId("stat-key").getByRole("link").click();
  await expect(page).toHaveURL(/\/dashboard\/accounts/);
  await expect(page.getByRole("heading", { name: "Key accounts", exact: true })).toBeVisible();
  const total = await drillTotal(page);
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(file.suggestedFilename()).toMatch(/^keystone-key-accounts-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = readFileSync((await file.path())!, "utf8").trim().split("\r\n");
  expect(rows[0]).toBe("Account,Key account manager,Tier,Stage,Score,Revenue this year,Margin this year,Region,Industry,Detail");
  expect(rows.length - 1).toBe(total);
});

test("'Figures as of' keeps counting while the dashboard stays open", async ({ page }) => {
  await page.clock.install();
  await signIn(page, "senior", "/dashboard");
  await page.goto("/dashboard");
  const asOf = page.getByText(/^Figures as of/);
  await expect(asOf).toHaveText("Figures as of just now");
  // The page is live once a button answers; the clock moves only then.
  await showTable(page.getByTestId("card-stages"));
  await page.clock.runFor("05:00");
  await expect(asOf).toHaveText("Figures as of 5 minutes ago");
});

test("charts have a table view, and the page passes an accessibility check", async ({ page }) => {
  await signIn(page, "senior", "/dashboard");
  await page.goto("/dashboard");
  const scores = page.getByTestId("card-scores");
  await expect(scores.getByTestId("chart")).toBeVisible();
  await scores.getByRole("button", { name: "Table" }).click();
  await expect(scores.getByRole("button", { name: "Table" })).toHaveAttribute("aria-pressed", "true");
  await expect(scores.getByRole("table")).toBeVisible();
  await expect(scores.getByRole("table").locator("tbody tr")).toHaveCount(11);
  expect(await seriousViolations(page, ".recharts-wrapper")).toEqual([]);
});

test("charts below the first screen wait for an idle browser or a scroll, printing draws them all, and none is left behind after moving away and back", async ({ page }) => {
  // A browser that is never idle: only the charts near the viewport are drawn, one after another.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
    window.cancelIdleCallback = () => {};
  });
  await signIn(page, "senior", "/dashboard");
  await page.goto("/dashboard");
  const drawn = (testId: string) => page.getByTestId(testId).getByTestId("chart").locator("svg").first();
  await expect(drawn("card-scores")).toBeVisible();
  const pending = page.locator("[data-chart-pending]");
  await expect(pending.first()).toBeAttached();
  const waiting = await pending.count();
  expect(waiting).toBeGreaterThan(3);
  // The first screen answers while they wait.
  await page.getByTestId("card-scores").getByRole("button", { name: "Table" }).click();
  await expect(page.getByTestId("card-scores").getByRole("table")).toBeVisible();

  // Scrolled to, a chart is drawn.
  const returns = page.getByTestId("card-returns");
  await returns.scrollIntoViewIfNeeded();
  await expect(drawn("card-returns")).toBeVisible();
  expect(await pending.count()).toBeLessThan(waiting);

  // Printing draws every chart at once.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(pending).toHaveCount(0);

  // Away and back in the same tab, with charts still waiting when it left: the new page's charts are drawn too.
  await page.goto("/dashboard");
  await expect(drawn("card-scores")).toBeVisible();
  await expect(pending.first()).toBeAttached();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" }).click();
  await expect(page).toHaveURL(/\/accounts$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard$/);
  for (const card of ["card-scores", "card-returns"]) {
    await page.getByTestId(card).scrollIntoViewIfNeeded();
    await expect(drawn(card)).toBeVisible();
  }
});

test("the dashboard's figures are prefetched when pointed at, not all at once when the page opens", async ({ page }) => {
  const prefetched = recordPrefetches(page);
  await signIn(page, "senior", "/dashboard");
  await page.goto("/dashboard");
  const key = page.getByTestId("stat-key").getByRole("link");
  await expectPrefetchedWhenPointedAt(page, prefetched, key, (u) => u.startsWith("/dashboard/accounts?"));
  // And it still opens the accounts behind it.
  await key.click();
  await expect(page).toHaveURL(/\/dashboard\/accounts\?metric=key/);
  await expect(page.getByTestId("drill-total")).toBeVisible();
});

test("a chart's legend lists its series in the order they are drawn, not alphabetically", async ({ page }) => {
  await signIn(page, "senior", "/dashboard");
  // The traffic lights stack red, amber, green, then not set; the legend said "Amber, Green, Not set, Red".
  const lights = page.getByTestId("card-lights");
  await lights.scrollIntoViewIfNeeded();
  await expect(lights.locator(".recharts-legend-item-text")).toHaveText(["Red", "Amber", "Green", "Not set"]);
  const returns = page.getByTestId("card-returns");
  await returns.scrollIntoViewIfNeeded();
  await expect(returns.locator(".recharts-legend-item-text")).toHaveText(["Target revenue", "Actual revenue", "Target margin", "Actual margin"]);
  // The same on an account's plan.
  const list = await (await page.request.get("/api/accounts?q=Nordwind")).json();
  await page.goto(`/accounts/${list.items[0].id}/plan`);
  await expect(page.getByTestId("targets-chart").locator(".recharts-legend-item-text")).toHaveText(["Target revenue", "Actual revenue", "Target margin", "Actual margin"]);
});

test("no figure's label breaks inside a word, from a phone to a wide screen", async ({ page }) => {
  await signIn(page, "senior", "/dashboard");
  const moves = page.getByTestId("card-moves");
  const broken = async () => {
    // Render every lazily drawn card, then check each word of each label starts and ends on one line.
    for (const card of await page.locator('[data-testid^="card-"]').all()) await card.scrollIntoViewIfNeeded();
    return page.locator('[data-part="stat-label"]').evaluateAll((els) =>
      els.flatMap((el) => {
        const text = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as Text | undefined;
        if (!text) return [];
        const top = (i: number) => {
          const r = document.createRange();
          r.setStart(text, i);
          r.setEnd(text, i + 1);
          return Math.round(r.getBoundingClientRect().top);
        };
        const words = [...text.data.matchAll(/\S+/g)];
        return words.some((w) => top(w.index) !== top(w.index + w[0].length - 1)) ? [text.data.trim()] : [];
      }),
    );
  };
  for (const width of [390, 768, 1024, 1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(moves.locator('[data-part="stat-label"]').first()).toBeVisible();
    expect(await broken(), `labels broken inside a word at ${width} px`).toEqual([]);
  }
  // At 1280 px the tier moves card sits beside another: its four figures go two by two.
  await page.setViewportSize({ width: 1280, height: 900 });
  const tiles = moves.locator('[data-part="stat-label"]');
  const [first, third] = [await tiles.nth(0).boundingBox(), await tiles.nth(2).boundingBox()];
  expect(third!.y, "the third figure is on the second row").toBeGreaterThan(first!.y);
});

test("on a phone the accounts behind a figure fit: manager, tier, stage, score and revenue go under the name", async ({ page }) => {
  await signIn(page, "senior");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard/accounts?metric=overdue");
  const table = page.getByTestId("drill-table");
  await expect(table).toBeVisible();
  // It scrolled 573 px sideways, with everything but the name off the screen.
  expect(await table.locator("xpath=..").evaluate((el) => el.scrollWidth - el.clientWidth), "the drill-down's sideways overflow in px").toBeLessThanOrEqual(0);
  await expect(table.getByRole("columnheader", { name: "Key account manager" })).toBeHidden();
  const first = table.locator("tbody tr").first();
  const facts = first.getByTestId("drill-phone-facts");
  await expect(facts).toBeVisible();
  await expect(facts).toContainText(/score (\d+(\.\d)?|—)/);
  await expect(facts).toContainText(/€[\d,]+/);
  // Why the account counts (its overdue actions) is there too.
  await expect(facts.locator("p").first()).not.toBeEmpty();
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(table.getByRole("columnheader", { name: "Key account manager" })).toBeVisible();
  await expect(facts).toBeHidden();
});

test("an account manager sees their own accounts and a mentor the accounts they mentor", async ({ page }) => {
  for (const who of ["marco", "helen"] as const) {
    await signIn(page, who, "/accounts");
    await page.goto("/accounts");
    const visible = Number(await page.getByTestId("total").innerText());
    await page.goto("/dashboard");
    await expect(page.getByText(who === "marco" ? /The accounts you own or are on the team of/ : /The accounts you mentor/)).toBeVisible();
    expect(await tileValue(page, "stat-accounts")).toBe(visible);
    if (shots) {
      await chartsDrawn(page);
      await page.screenshot({ path: `${shots}/dashboard-${who}.png`, fullPage: true });
    }
  }
});

test("on a tablet held upright (768 px) the tier and manager tables fit without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signIn(page, "senior", "/dashboard");
  for (const card of ["card-tiers", "card-managers"]) {
    const table = page.getByTestId(card).getByRole("table");
    await expect(table).toBeVisible();
    const overflow = await table.locator("xpath=..").evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `${card}: the table's sideways overflow in px`).toBeLessThanOrEqual(0);
  }
  // An over-capacity tier keeps its badge (under the figure when narrow); a tier whose name says
  // it is not key gets no "(not key)" beside it.
  const tiers = page.getByTestId("card-tiers").getByRole("table");
  await expect(tiers.getByText(/^Over by \d+$/)).toBeVisible();
  const notKey = tiers.getByRole("row").filter({ hasText: "Not a key account" });
  await expect(notKey).toBeVisible();
  await expect(notKey.getByText("(not key)")).toHaveCount(0);
});
