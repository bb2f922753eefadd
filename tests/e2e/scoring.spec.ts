import { expect, test, type Page } from "@playwright/test";
import { expectPrefetchedWhenPointedAt, freshDemoData, holdScripts, loseNextAnswer, recordPrefetches, signIn } from "./helpers";

test.beforeAll(freshDemoData);

// The whole selection path on the demo data (prisma/seed/scoring.ts): an account manager scores
// an account and sees why it lands in its tier; a senior manager tries a what-if and applies it;
// the history shows the change; an override survives a later re-score; the ranking exports.
// Screenshots go to SHOTS_DIR when it is set.
const shots = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

async function marcosAccount(page: Page): Promise<{ id: string; name: string }> {
  const res = await page.request.get("/api/accounts?pageSize=200&sort=name");
  const body = await res.json();
  const own = body.items.filter((a: { owner: { name: string }; score: number | null }) => a.owner.name === "Marco Rossi" && a.score !== null);
  expect(own.length).toBeGreaterThan(0);
  return own[0];
}

const row = (page: Page, criterion: string) => page.getByTestId("criterion-row").filter({ has: page.getByRole("heading", { name: criterion }) });

async function rescore(page: Page, criterion: string, rationale: string) {
  const r = row(page, criterion);
  const point = (await r.getByRole("radio", { name: /^5:/ }).isChecked()) ? 3 : 5;
  const radio = page.getByRole("radio", { name: new RegExp(`^${point}:`) });
  // People click the scale point's card (the radio inside it is visually hidden).
  await r.locator("label").filter({ has: radio }).click();
  await expect(r.locator("label").filter({ has: radio }).getByRole("radio")).toBeChecked();
  await r.getByLabel("Why this score?").fill(rationale);
  await expect(page.getByTestId("scorecard-save-state")).toContainText("1 unsaved change");
  await expect(page.getByTestId("score-if-saved")).toBeVisible();
  await page.getByRole("button", { name: "Save scores" }).click();
  await expect(page.getByTestId("scorecard-save-state")).toHaveText("All scores saved");
}

/** Each tier's name in the threshold bar: shown (wholly inside its band) or hidden (below the band, clipped). */
async function tierNames(page: Page) {
  return page.getByTestId("tier-scale-name").evaluateAll((names) =>
    names.map((n) => {
      const band = n.parentElement!.getBoundingClientRect();
      const box = n.getBoundingClientRect();
      const inside = box.left >= band.left - 0.5 && box.right <= band.right + 0.5 && box.top >= band.top - 0.5 && box.bottom <= band.bottom + 0.5;
      return { name: n.textContent, state: inside ? "shown" : box.top >= band.bottom - 0.5 ? "hidden" : "cut" };
    }),
  );
}

test("the threshold bar names each tier in its band wherever the name fits, never half-cut", async ({ page }) => {
  await signIn(page, "marco");
  const account = await marcosAccount(page);
  await page.goto(`/accounts/${account.id}/scorecard`);
  await expect(page.getByTestId("what-moves-it")).toBeVisible();
  // On a laptop the 15-point bands of Silver and Bronze are wide enough: every tier is named (they
  // used to be left blank at every width).
  expect(await tierNames(page)).toEqual(["Not a key account", "Bronze", "Silver", "Gold"].map((name) => ({ name, state: "shown" })));
  // On a small phone a name that does not fit is hidden whole, and the legend names its tier.
  await page.setViewportSize({ width: 320, height: 700 });
  const narrow = await tierNames(page);
  expect(narrow.filter((n) => n.state === "cut")).toEqual([]);
  expect(narrow.find((n) => n.name === "Not a key account")?.state).toBe("shown");
  expect(narrow.some((n) => n.state === "hidden")).toBe(true);
  await expect(page.getByTestId("tier-scale-legend")).toContainText("Bronze");
});

test("on a laptop the selection model shows each criterion's whole name", async ({ page }) => {
  await signIn(page, "senior", "/settings/selection");
  const names = page.getByTestId("criterion-editor").getByRole("textbox", { name: /^Criterion \d+ name$/ });
  await expect(names.first()).toBeVisible();
  // "Revenue growth potential", "Appetite for partnership" and "Ease of doing business" were cut off.
  const cut = await names.evaluateAll((inputs) => (inputs as HTMLInputElement[]).filter((i) => i.scrollWidth > i.clientWidth).map((i) => i.value));
  expect(cut).toEqual([]);
  expect(await names.count()).toBeGreaterThanOrEqual(8);
});

test("on a tablet the selection model's bar says what a change would do and leads to the what-if", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1000 });
  await signIn(page, "senior", "/settings/selection");
  const jump = page.getByTestId("what-if-jump");
  await expect(jump).toHaveCount(0);
  await page.getByRole("textbox", { name: "Weight of Current revenue" }).fill("40");
  // The what-if sits under the tiers, two screens down: the sticky bar carries its counts.
  const summary = page.getByTestId("what-if-summary");
  await expect(summary).toBeAttached();
  const up = (await summary.textContent())?.match(/(\d+) up/)?.[1];
  await expect(jump).toHaveText(new RegExp(`^${up} up, \\d+ down: see what if$`));
  await expect(summary).not.toBeInViewport();
  await jump.click();
  await expect(summary).toBeInViewport();
  // Nothing was saved: discarding leaves the model as it was.
  await page.getByRole("button", { name: "Discard draft" }).click();
  await expect(jump).toHaveCount(0);
});

test("the ranking's managers over their limit are prefetched when pointed at, not all as the page opens", async ({ page }) => {
  const prefetched = recordPrefetches(page);
  await signIn(page, "senior", "/ranking");
  await page.goto("/ranking");
  const over = page.getByTestId("managers-over-limit").getByRole("link");
  await expectPrefetchedWhenPointedAt(page, prefetched, over.first(), (u) => u.startsWith("/ranking?ownerId="));
});

test("on a phone the ranking fits: the manager goes under the account, the tier under the score", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "senior", "/ranking");
  const table = page.getByTestId("ranking-table");
  await expect(table.getByRole("columnheader", { name: "Manager" })).toBeHidden();
  const row = page.getByTestId("ranking-row").filter({ hasText: "Pelican Shipping" });
  await expect(row.getByTestId("ranking-phone-manager")).toHaveText("Marco Rossi");
  await expect(row.getByRole("cell").nth(2).getByText("Gold", { exact: true })).toBeVisible();
  const overflow = () => table.locator("xpath=..").evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(await overflow(), "the ranking's sideways overflow in px").toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(table.getByRole("columnheader", { name: "Manager" })).toBeVisible();
  await expect(row.getByTestId("ranking-phone-manager")).toBeHidden();
});

test("score an account, try a what-if, apply it, override a tier and export the ranking", async ({ page }) => {
  // 1. The key account manager scores a criterion with a reason and sees why the account is where it is.
  await signIn(page, "marco");
  const account = await marcosAccount(page);
  await page.goto(`/accounts/${account.id}/scorecard`);
  await expect(page.getByRole("heading", { name: "Selection criteria" })).toBeVisible();
  await expect(page.getByTestId("scorecard-completeness")).toContainText("of 8 criteria scored");
  await expect(page.getByTestId("what-moves-it")).toBeVisible();
  // The narrow tiers of the threshold bar (Bronze and Silver span 15 points each) are named in a legend
  // with their ranges, lowest tier last.
  const legend = page.getByTestId("tier-scale-legend").locator("li");
  await expect(legend).toHaveText([/^Gold\s*\d+–100$/, /^Silver\s*\d+–\d+$/, /^Bronze\s*\d+–\d+$/, /^Not a key account\s*0–\d+$/]);
  await rescore(page, "Strategic fit", "Their five-year roadmap matches our platform strategy (board deck, March).");
  await expect(row(page, "Strategic fit").getByLabel("Why this score?")).toHaveValue(/five-year roadmap/);
  await page.reload();
  await expect(row(page, "Strategic fit").getByLabel("Why this score?")).toHaveValue(/five-year roadmap/);
  await shot(page, "scorecard-manager");

  // 2. The senior manager changes a weight, sees who would move before saving, and saves.
  await signIn(page, "senior", "/settings/selection");
  await expect(page.getByRole("heading", { name: "Selection model" })).toBeVisible();
  const versionBefore = Number((await page.getByTestId("model-state").textContent())?.match(/Version (\d+)/)?.[1]);
  await page.getByRole("textbox", { name: "Weight of Strategic fit" }).fill("60");
  await expect(page.getByTestId("criterion-share").nth(3)).not.toHaveText("15%");
  await expect(page.getByTestId("what-if-summary")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("what-if-tiers")).toContainText("Gold");
  await shot(page, "settings-what-if");
  await page.getByRole("button", { name: "Save model" }).click();
  // The question before saving says how many accounts move, as the what-if counted them.
  const question = page.getByRole("alertdialog", { name: "Save the selection model?" });
  await expect(question).toContainText(/\d+ accounts? moves? up and \d+ down\. Every account is re-tiered now/);
  await question.getByRole("button", { name: "Save and re-tier" }).click();
  await expect(page.getByTestId("model-state")).toContainText(`Version ${versionBefore + 1}`);
  await expect(page.getByTestId("model-state")).not.toContainText("Unsaved draft");

  // 3. History shows the model change on the account.
  await page.goto(`/accounts/${account.id}/scorecard`);
  await page.getByText("Show as a table").click();
  await expect(page.getByRole("cell", { name: `Selection model changed (v${versionBefore + 1})` })).toBeVisible();
  await expect(page.getByTestId("score-history-chart")).toBeVisible();

  // 4. The senior manager overrides the tier with a reason …
  await page.getByLabel("Serve this account as").selectOption({ label: "Gold" });
  await page.getByLabel("Reason").fill("Launch partner for the 2027 platform; CEO sponsors the programme.");
  await page.getByRole("button", { name: "Override tier" }).click();
  await expect(page.getByTestId("override-note")).toContainText("Overridden to Gold");
  await shot(page, "scorecard-override");

  // … and a later re-score by the manager does not undo it.
  await signIn(page, "marco", `/accounts/${account.id}/scorecard`);
  await rescore(page, "Reference value", "Named reference in the trade press this quarter.");
  await expect(page.getByTestId("override-note")).toContainText("Overridden to Gold");
  await expect(page.getByTestId("scorecard-tier")).toContainText("Gold*");
  await expect(page.getByText("Override the tier")).toHaveCount(0);

  // A score that no longer holds can be taken back: the criterion is "not scored" again.
  const scored = Number((await page.getByTestId("scorecard-completeness").textContent())?.match(/^(\d+) of/)?.[1]);
  await row(page, "Reference value").getByRole("button", { name: "Clear the score for Reference value" }).click();
  await expect(row(page, "Reference value").getByText("Not scored")).toBeVisible();
  await page.getByRole("button", { name: "Save scores" }).click();
  await expect(page.getByTestId("scorecard-save-state")).toHaveText("All scores saved");
  await expect(page.getByTestId("scorecard-completeness")).toHaveText(`${scored - 1} of 8 criteria scored`);
  await page.reload();
  await expect(row(page, "Reference value").getByText("Not scored")).toBeVisible();

  // 5. The accounts list sorts by tier: the overridden account sits with the Gold accounts on top.
  await signIn(page, "senior", "/accounts?pageSize=100");
  await page.getByRole("link", { name: "Tier", exact: true }).click();
  await expect(page.getByRole("columnheader", { name: "Tier", exact: true })).toHaveAttribute("aria-sort", "ascending");
  const tierCells = page.getByTestId("accounts-table").locator("tbody tr td:nth-child(6)");
  await expect(tierCells.first()).toContainText("Gold");
  const tiers = await tierCells.allTextContents();
  const firstNonGold = tiers.findIndex((t) => !t.includes("Gold"));
  expect(tiers.slice(firstNonGold).some((t) => t.includes("Gold"))).toBe(false);
  const overriddenAt = (await page.getByTestId("accounts-table").locator("tbody tr td:first-child").allTextContents()).findIndex((n) => n.includes(account.name));
  expect(overriddenAt).toBeGreaterThanOrEqual(0);
  expect(overriddenAt).toBeLessThan(firstNonGold);
  await shot(page, "accounts-by-tier");

  // 6. The ranking shows tier bands and capacity, and exports as CSV.
  await signIn(page, "senior", "/ranking");
  await expect(page.getByTestId("tier-band").first()).toBeVisible();
  await expect(page.getByTestId("capacity-card")).toHaveCount(4);
  await expect(page.getByTestId("ranking-row").filter({ hasText: account.name })).toContainText("score says");
  await shot(page, "ranking");
  const csv = await page.request.get("/ranking/export");
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain("Position,Account,");
  expect(text).toContain(account.name);

  // 7. The override can be taken back, after a question that says where the account goes.
  await page.goto(`/accounts/${account.id}/scorecard`);
  await page.getByRole("button", { name: "Remove override" }).click();
  const undo = page.getByRole("alertdialog", { name: "Remove the override?" });
  await expect(undo).toContainText(new RegExp(`^Remove the override\\?${account.name} goes back to \\S`));
  await undo.getByRole("button", { name: "Remove override" }).click();
  await expect(page.getByText("Override removed")).toBeVisible();
  await expect(page.getByTestId("override-note")).toHaveCount(0);
  await expect(page.getByTestId("scorecard-tier")).not.toContainText("*");
});

test("removing a tier or a criterion from the selection model asks first, and Cancel leaves the draft as it was", async ({ page }) => {
  await signIn(page, "senior", "/settings/selection");
  const tiers = page.getByTestId("tier-editor");
  const count = await tiers.count();
  expect(count).toBeGreaterThan(2);
  await page.getByRole("button", { name: "Remove the tier Bronze" }).click();
  const tierQuestion = page.getByRole("alertdialog", { name: "Remove the tier “Bronze”?" });
  await expect(tierQuestion).toContainText("Its accounts are re-tiered when you save");
  await tierQuestion.getByRole("button", { name: "Cancel" }).click();
  await expect(tiers).toHaveCount(count);
  await expect(page.getByTestId("model-state")).not.toContainText("Unsaved draft");

  await page.getByRole("button", { name: "Remove Strategic fit" }).click();
  const criterionQuestion = page.getByRole("alertdialog", { name: "Remove “Strategic fit”?" });
  await expect(criterionQuestion).toContainText("make it inactive instead");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("textbox", { name: "Weight of Strategic fit" })).toBeVisible();

  // Going ahead takes the tier out of the draft only; nothing is saved until "Save model".
  await page.getByRole("button", { name: "Remove the tier Bronze" }).click();
  await tierQuestion.getByRole("button", { name: "Remove tier" }).click();
  await expect(tiers).toHaveCount(count - 1);
  await expect(page.getByTestId("model-state")).toContainText("Unsaved draft");
  // Leaving with an unsaved draft is the browser's own question (beforeunload); leaving drops it.
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.type();
    void d.accept();
  });
  await page.reload();
  expect(asked).toBe("beforeunload");
  await expect(tiers).toHaveCount(count);
});

test("two people override one tier at once: the second sees the first's decision, keeps what they wrote, and decides again", async ({ browser }) => {
  const sofia = await (await browser.newContext()).newPage();
  const alex = await (await browser.newContext()).newPage();
  await signIn(sofia, "senior");
  const account = await marcosAccount(sofia);
  await sofia.goto(`/accounts/${account.id}/scorecard`);
  await signIn(alex, "admin", `/accounts/${account.id}/scorecard`);
  await expect(alex.getByRole("heading", { name: "Override the tier" })).toBeVisible();

  // Sofia decides first; Alex's page still shows the account as it was when he opened it.
  await sofia.getByLabel("Serve this account as").selectOption({ label: "Gold" });
  await sofia.getByLabel("Reason").fill("Reference customer for the whole region.");
  await sofia.getByRole("button", { name: /Override tier|Change override/ }).click();
  await expect(sofia.getByTestId("override-note")).toContainText("Overridden to Gold by Sofia Lindqvist");

  await alex.getByLabel("Serve this account as").selectOption({ label: "Bronze" });
  await alex.getByLabel("Reason").fill("Budget freeze until the merger closes.");
  await alex.getByRole("button", { name: /Override tier|Change override/ }).click();
  await expect(alex.getByRole("alert").filter({ hasText: "Someone else changed the override" })).toContainText("Sofia Lindqvist set it to Gold");
  // Her decision is on his page now; his choice and reason are still in the form.
  await expect(alex.getByTestId("override-note")).toContainText("Overridden to Gold by Sofia Lindqvist");
  await expect(alex.getByTestId("override-note")).toContainText("Reference customer for the whole region.");
  await expect(alex.getByLabel("Reason")).toHaveValue("Budget freeze until the merger closes.");
  await shot(alex, "scorecard-override-conflict");
  await expect(alex.getByLabel("Serve this account as")).toHaveValue(await alex.getByLabel("Serve this account as").locator("option", { hasText: "Bronze" }).getAttribute("value") ?? "");

  // Having read it, he decides again, and this time his decision stands.
  await alex.getByRole("button", { name: "Change override" }).click();
  await expect(alex.getByTestId("override-note")).toContainText("Overridden to Bronze by Alex Morgan");
  await expect(alex.getByRole("alert").filter({ hasText: "Someone else changed the override" })).toHaveCount(0);

  // Sofia's page is now the stale one: removing "her" override would remove his, so it is refused.
  await sofia.getByRole("button", { name: "Remove override" }).click();
  await sofia.getByRole("alertdialog", { name: "Remove the override?" }).getByRole("button", { name: "Remove override" }).click();
  await expect(sofia.getByRole("alert").filter({ hasText: "Someone else changed the override" })).toContainText("Alex Morgan set it to Bronze");
  await expect(sofia.getByTestId("override-note")).toContainText("Overridden to Bronze by Alex Morgan");
  await sofia.reload();
  await expect(sofia.getByTestId("override-note")).toContainText("Overridden to Bronze by Alex Morgan");
  await sofia.context().close();
  await alex.context().close();
});

test("scores whose save lost its answer are saved by pressing Save again, not taken for someone else's", async ({ page }) => {
  await signIn(page, "marco");
  const created = await page.request.post("/api/accounts", { data: { name: `Lost Answer Foods ${Date.now()}`, industry: "Food", region: "Nordics" } });
  const { id } = await created.json();
  await page.goto(`/accounts/${id}/scorecard`);
  const first = page.getByTestId("criterion-row").first();
  // People click the scale point's card (the radio inside it is visually hidden).
  await first.locator("label").filter({ has: page.getByRole("radio", { name: /^4:/ }) }).click();
  await first.getByLabel("Why this score?").fill("Three sites, one contract");
  await expect(page.getByTestId("scorecard-save-state")).toContainText("1 unsaved change");

  // The server stores the scores, but the answer is cut off before the browser.
  const lost = await loseNextAnswer(page, `**/api/accounts/${id}/scorecard`, "PUT");
  await page.getByRole("button", { name: "Save scores" }).click();
  await expect(page.getByText("may not have been saved")).toBeVisible();
  // The edit is still on the page, unsaved as far as it knows; saving again finishes it.
  await expect(page.getByTestId("scorecard-save-state")).toContainText("1 unsaved change");
  await page.getByRole("button", { name: "Save scores" }).click();
  await expect(page.getByTestId("scorecard-save-state")).toHaveText("All scores saved");
  await expect(page.getByText("Someone else saved this scorecard")).toHaveCount(0);
  // The outcome replaces the first attempt's warning (counted at once, before its time runs out).
  await expect(page.getByText(/^Scores saved/)).toBeVisible();
  expect(await page.getByText("may not have been saved").count()).toBe(0);
  expect(lost()).toBe(1);
  const card = await (await page.request.get(`/api/accounts/${id}/scorecard`)).json();
  expect(card.breakdown.filter((b: { value: number | null }) => b.value !== null)).toEqual([expect.objectContaining({ value: 4, rationale: "Three sites, one contract" })]);
  expect(card.version).toBe(2);
});

test("a weight typed before the page has finished loading counts: the form, its shares and the what-if see it", async ({ page }) => {
  await signIn(page, "senior");
  const release = await holdScripts(page);
  await page.goto("/settings/selection", { waitUntil: "commit" });
  const weight = page.getByRole("textbox", { name: "Weight of Strategic fit" });
  // The page as the server drew it: the person types before its scripts have run.
  await expect(weight).toBeVisible();
  const share = page.getByTestId("criterion-share").nth(3);
  const before = await share.textContent();
  // A weight other than the saved one (an earlier test in this file may have saved 60).
  const typed = (await weight.inputValue()) === "60" ? "5" : "60";
  await weight.fill(typed);
  await release();
  await expect(page.getByTestId("model-state")).toContainText("Unsaved draft");
  await expect(share).not.toHaveText(before!);
  await expect(weight).toHaveValue(typed);
  await expect(page.getByTestId("what-if-summary")).toBeVisible({ timeout: 15_000 });
});
