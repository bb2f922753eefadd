// Shared by the accessibility specs: axe-core with the WCAG 2.1 A/AA and best-practice rules, a
// page opened until it has drawn its content, the 320 px reflow check and the demo data's ids.
import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export type Ids = { account: string; proposal: string; review: string };

export async function violations(page: Page): Promise<string[]> {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
}

/** The serious and critical violations of every axe rule, optionally leaving a part of the page out. */
export async function seriousViolations(page: Page, exclude?: string): Promise<string[]> {
  await settleAnimations(page);
  const builder = new AxeBuilder({ page });
  const results = await (exclude ? builder.exclude(exclude) : builder).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  return serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * Waits for the page's finite animations and transitions (a toast fading in, a dialog opening) to
 * end, so that axe measures colours as a person reads them, not a text at half its opacity.
 * Endless ones (a spinner, a skeleton's pulse) are left running.
 */
async function settleAnimations(page: Page) {
  await page.evaluate(() => {
    const finite = document.getAnimations().filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)));
    const done = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    return Promise.race([done, new Promise((resolve) => setTimeout(resolve, 3_000))]);
  });
}

/** Opens a page and waits until it has drawn its content (streamed parts and client fetches). */
export async function open(page: Page, url: string) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(500);
  await page.waitForLoadState("networkidle");
  await expect(page.locator("main h1, h1").first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** Whether the page, narrowed to 320 px, scrolls sideways (after charts have followed the resize). */
export async function scrollsSideways(page: Page): Promise<string | null> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    await page.waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, { timeout: 3_000 });
    return null;
  } catch {
    return await page.evaluate(() => `reflow: the page is ${document.documentElement.scrollWidth} px wide at 320 px`);
  } finally {
    if (size) await page.setViewportSize(size);
  }
}

/**
 * Sentences torn apart by a flex or grid box: a `<time>` ("3 days ago") whose parent lays out its
 * children as items while loose words sit beside it, so the words and the time become separate
 * columns or lines ("Asked" / "2 days ago" / "."). The sentence needs a wrapper of its own.
 */
export async function splitSentences(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    for (const time of Array.from(document.querySelectorAll("time"))) {
      const parent = time.parentElement;
      if (!parent || !/flex|grid/.test(getComputedStyle(parent).display)) continue;
      const words = Array.from(parent.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "");
      if (words) found.add(`split sentence: "${parent.innerText.replace(/\s*\n\s*/g, " / ")}" (a <time> among loose words in a ${getComputedStyle(parent).display} box)`);
    }
    return [...found];
  });
}

export async function demoIds(page: Page): Promise<Ids> {
  const accounts = await (await page.request.get("/api/accounts?q=Nordwind")).json();
  const account = accounts.items.find((a: { name: string }) => a.name === "Nordwind Energy");
  expect(account, "the demo account Nordwind Energy").toBeTruthy();
  const proposals = await (await page.request.get(`/api/accounts/${account.id}/proposals`)).json();
  expect(proposals.length, "a proposal on Nordwind Energy").toBeGreaterThan(0);
  const reviews = await (await page.request.get(`/api/reviews?accountId=${account.id}&status=all`)).json();
  const review = reviews.items.find((r: { kind: string }) => r.kind === "review");
  expect(review, "a review of Nordwind Energy").toBeTruthy();
  return { account: account.id, proposal: proposals[0].id, review: review.id };
}

