import { expect, test } from "@playwright/test";
import { freshDemoData, DEMO, signIn, type DemoKey } from "./helpers";
import { demoIds, open, scrollsSideways, splitSentences, violations } from "./a11y";
import { PAGES, pageRoutes } from "./pages";

test.beforeAll(freshDemoData);

// Every page of the app, as each kind of user sees it, checked by axe-core against WCAG 2.1 A and
// AA and axe's best practices: contrast, names of controls, heading order, landmarks, keyboard
// reach of scrolling regions. Any violation fails, whatever its impact. Each page is also narrowed
// to 320 CSS pixels (WCAG 1.4.10, reflow: a phone held upright) and must not scroll sideways; wide
// tables and the map scroll inside their own regions instead. The list of pages is
// checked against the app directory, so a new page fails this test until it is added here. A page
// that throws in the browser while it loads (a hydration mismatch above all) fails as well, and so
// does a sentence that a flex box tears apart around its "3 days ago".
// What a page shows after clicks (dialogs, panels, forms with errors) is walked in
// accessibility-states.spec.ts.
//
// The pages are filled with the demo data: Nordwind Energy is Marco's account (Helen mentors it),
// with approved plan versions, a proposal, a pending review and relationships.

// The account manager (every editing control) and a senior manager (every page has content) walk
// all pages. The mentor and the administrator walk the pages that look different for them: the
// read-only account, the verdict and the meeting forms; the user and audit administration.
const ROLES: { who: DemoKey; as: string; pages?: string[] }[] = [
  { who: "marco", as: "the account manager" },
  { who: "senior", as: "a senior manager" },
  {
    who: "helen",
    as: "the mentor",
    pages: ["/", "/reviews", "/reviews/[id]", "/accounts/[id]", "/accounts/[id]/scorecard", "/accounts/[id]/relationships", "/accounts/[id]/plan/draft", "/accounts/[id]/reviews", "/accounts/[id]/reviews/periodic/new", "/accounts/[id]/reviews/proposals/new"],
  },
  { who: "admin", as: "the administrator", pages: ["/", "/accounts", "/admin/users", "/admin/audit", "/settings/selection"] },
];

test("every page of the app is in the accessibility walk", () => {
  expect(pageRoutes().sort()).toEqual(Object.keys(PAGES).sort());
  for (const role of ROLES) expect(role.pages?.filter((p) => !(p in PAGES)) ?? [], role.who).toEqual([]);
});

test("the sign-in page has no accessibility violations", async ({ page }) => {
  await page.context().clearCookies();
  await open(page, "/login");
  expect(await violations(page)).toEqual([]);
  expect(await scrollsSideways(page)).toBeNull();
});

for (const { who, as, pages } of ROLES) {
  test(`${pages ? "the pages that differ" : "every page"}, as ${as} (${DEMO[who].name}) sees it, has no accessibility violations and reflows to a phone`, async ({ page }) => {
    // About two minutes here for the longest walk; room for a slower machine.
    test.setTimeout(360_000);
    await signIn(page, who);
    const ids = await demoIds(page);
    const found: Record<string, string[]> = {};
    // A script error on the page fails it too: above all React's hydration mismatch (#418), which
    // throws the server's HTML away and loses the clicks made while the page is drawn again.
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`script error: ${e.message}`));
    for (const [route, url] of Object.entries(PAGES)) {
      if (route === "/login" || (pages && !pages.includes(route))) continue;
      errors.length = 0;
      await open(page, url(ids));
      const v = await violations(page);
      v.push(...(await splitSentences(page)));
      const wide = await scrollsSideways(page);
      if (wide) v.push(wide);
      v.push(...errors);
      if (v.length) found[route] = v;
    }
    expect(found).toEqual({});
  });
}

test("a keyboard user skips the navigation and lands in the page's content", async ({ page }) => {
  await signIn(page, "marco");
  await page.goto("/accounts");
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  // The next stop is the first control of the page itself, not a link of the navigation.
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")) && document.activeElement !== document.querySelector("main"))).toBe(true);
  // Once focus has moved on, the link is hidden again (a one-pixel, screen-reader-only box).
  expect((await skip.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
});

test("a table wider than the screen scrolls by keyboard, and one that fits is no extra Tab stop", async ({ page }) => {
  await signIn(page, "senior", "/dashboard");
  await page.goto("/dashboard");
  const card = page.getByTestId("card-tiers");
  await expect(card.getByRole("table")).toBeVisible();
  const scroller = card.getByRole("region", { name: "Accounts, revenue and margin per tier" });
  // At 1440 px the table fits: a plain box, not a region and not focusable.
  await expect(scroller).toHaveCount(0);
  await expect(card.locator("[tabindex='0']")).toHaveCount(0);
  // On a phone it does not fit: the box becomes a named region that takes focus, and arrow keys scroll it.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(scroller).toHaveAttribute("tabindex", "0");
  await scroller.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
