import { expect, test, type Browser, type Page } from "@playwright/test";
import { accountId, DEMO, freshDemoData, holdScripts, loseNextAnswer, signIn, signOutInAnotherTab, submitSignIn } from "./helpers";

test.beforeAll(freshDemoData);

// Demo data (prisma/seed/plans.ts): Marco owns Nordwind Energy (versions 1-3, v3 approved, draft
// edited since), Atlas Aerostructures (v3 submitted, awaiting review) and Borealis Packaging (no
// plan yet). Screenshots go to SHOTS_DIR when it is set.
const shots = process.env.SHOTS_DIR;

const saveState = (page: Page) => page.getByTestId("save-state");

test("an account manager writes a first plan over several years and submits it", async ({ page }) => {
  await signIn(page, "marco");
  const id = await accountId(page, "Borealis Packaging");
  await page.goto(`/accounts/${id}/plan`);
  await expect(page.getByTestId("plan-phase")).toHaveText("No plan yet");
  // Before a first version there is nothing to compare: the panel says what to do instead.
  await expect(page.getByText("Write the plan in the draft and submit it")).toBeVisible();
  const status = page.locator("div", { has: page.getByTestId("plan-phase") }).last();
  await expect(status.getByRole("link", { name: "Edit the draft" })).toBeVisible();
  await expect(status.getByRole("link", { name: /^(Compare versions|Versions)$/ })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Plan", exact: true }).getByRole("link", { name: "Edit draft" }).click();
  await expect(saveState(page)).toHaveText("Nothing to save yet");

  await page.getByLabel("Global").fill("Packaging demand shifts to recyclable fibre; EU packaging regulation tightens from 2027.");
  await page.getByRole("button", { name: "Add objective" }).click();
  await page.getByLabel("Objective 1 title").fill("Become the preferred automation partner for all three mills");
  // An objective with words in it is removed only after a question; Cancel keeps it.
  await page.getByRole("button", { name: "Add objective" }).click();
  await page.getByLabel("Objective 2 title").fill("Open a second site");
  await page.getByRole("button", { name: "Remove objective 2" }).click();
  const question = page.getByRole("alertdialog", { name: "Remove the objective “Open a second site”?" });
  await expect(question).toContainText("Earlier versions keep it");
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("objective")).toHaveCount(2);
  await page.getByRole("button", { name: "Remove objective 2" }).click();
  await question.getByRole("button", { name: "Remove objective" }).click();
  await expect(page.getByTestId("objective")).toHaveCount(1);
  // The removed objective's button is gone: the keyboard carries on from "Add objective".
  await expect(page.getByRole("button", { name: "Add objective" })).toBeFocused();
  const year = new Date().getFullYear();
  for (const y of [year, year + 1, year + 2]) {
    await page.getByRole("button", { name: `Add ${y}` }).click();
    await page.getByLabel(`Target revenue ${y}`).fill(String(2_600_000 + (y - year) * 300_000));
    await page.getByLabel(`Target margin ${y}`).fill(String(650_000 + (y - year) * 80_000));
  }
  await page.getByLabel("Strategy", { exact: true }).fill("Start where the pain is: unplanned stops at the Kemi mill. Prove it in six months, then roll out.");
  // Autosave: unsaved while typing, then saved; the text survives a reload.
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await expect(saveState(page)).toContainText("All changes saved");
  await page.reload();
  await expect(page.getByLabel("Strategy", { exact: true })).toHaveValue(/unplanned stops at the Kemi mill/);
  await expect(page.getByLabel(`Target revenue ${year + 2}`)).toHaveValue("3200000");

  await page.getByTestId("submit-version").click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${id}/plan/versions/1$`));
  await expect(page.getByRole("heading", { name: "Version 1" })).toBeVisible();
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible();
  await expect(page.getByText("Become the preferred automation partner for all three mills")).toBeVisible();
});

test("the draft refuses to submit what is not ready, and says which section to fix", async ({ page }) => {
  await signIn(page, "tom");
  const id = await accountId(page, "Driftwood Furniture");
  await page.goto(`/accounts/${id}/plan/draft`);
  await page.getByLabel("Strategy", { exact: true }).fill("Grow with their online channel.");
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await page.getByTestId("submit-version").click();
  await expect(page.getByText("Our objectives: add at least one objective")).toBeVisible();
  await expect(page.getByText("Financial targets: add targets for at least one year")).toBeVisible();
  await expect(page).toHaveURL(/\/plan\/draft$/);
});

test("on a phone an objective's title and description take the card's width, its year and remove button go below, and the targets fit", async ({ page }) => {
  await signIn(page, "marco");
  const id = await accountId(page, "Solenne Cosmetics");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/accounts/${id}/plan/draft`);
  const first = page.getByTestId("objective").first();
  await first.scrollIntoViewIfNeeded();
  const card = await first.boundingBox();
  const title = await first.getByLabel("Objective 1 title").boundingBox();
  const description = await first.getByLabel("Objective 1 description").boundingBox();
  const year = await first.getByLabel("Objective 1 target year").boundingBox();
  expect(card && title && description && year).toBeTruthy();
  // The year select used to sit beside the text and squeeze it to about 70 px, a word per line.
  expect(title!.width, "title width").toBeGreaterThan(card!.width * 0.75);
  expect(description!.width, "description width").toBeGreaterThan(card!.width * 0.75);
  expect(year!.y, "the year is under the description").toBeGreaterThanOrEqual(description!.y + description!.height);
  // The financial targets fit too (they scrolled sideways): the margin % goes under the margin.
  const targets = page.getByTestId("targets-editor");
  await targets.scrollIntoViewIfNeeded();
  expect(await targets.locator("xpath=..").evaluate((el) => el.scrollWidth - el.clientWidth), "the targets' sideways overflow in px").toBeLessThanOrEqual(0);
  await expect(targets.locator("tbody tr").first()).toContainText(/\d+\.\d% margin/);
  // On a laptop they sit side by side again.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(targets.getByRole("columnheader", { name: "Margin %" })).toBeVisible();
  await expect
    .poll(async () => {
      const wideDescription = await first.getByLabel("Objective 1 description").boundingBox();
      const wideYear = await first.getByLabel("Objective 1 target year").boundingBox();
      return wideYear!.x - (wideDescription!.x + wideDescription!.width);
    }, { message: "the year is beside the text" })
    .toBeGreaterThan(0);
});

test("on a phone the plan's targets and actuals, a version's targets and a comparison of versions fit", async ({ page }) => {
  await signIn(page, "marco");
  const id = await accountId(page, "Nordwind Energy");
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = (table: ReturnType<Page["getByTestId"]>) => table.locator("xpath=..").evaluate((el) => el.scrollWidth - el.clientWidth);

  // Targets and actuals (it scrolled 236 px): each target goes under its actual, rounded.
  await page.goto(`/accounts/${id}/plan`);
  const actuals = page.getByTestId("targets-actuals");
  await expect(actuals).toBeVisible();
  expect(await overflow(actuals), "targets and actuals: sideways overflow in px").toBeLessThanOrEqual(0);
  await expect(actuals.getByRole("columnheader", { name: "Target revenue" })).toBeHidden();
  await expect(actuals.locator("tbody tr").first()).toContainText(/target €[\d.]+m.*target €[\d.]+[mk]/);
  const edit = actuals.getByRole("button", { name: /^Edit \d{4}$/ }).first();
  const box = (await edit.boundingBox())!;
  expect(box.x + box.width, "the edit button is on the screen").toBeLessThanOrEqual(390);

  // A version's targets (140 px): the margin % goes under the margin.
  await page.goto(`/accounts/${id}/plan/versions/1`);
  const targets = page.locator("#section-financialTargets table");
  await expect(targets).toBeVisible();
  expect(await overflow(targets), "a version's targets: sideways overflow in px").toBeLessThanOrEqual(0);
  // Fitting, its scroller is a plain box, not a scrolling region with a Tab stop.
  await expect(page.getByRole("region", { name: "Financial targets by year" })).toHaveCount(0);
  await expect(targets.locator("tbody tr").first()).toContainText(/\d+\.\d% margin/);

  // Two versions compared (228 px): only the later figures show, with what a changed one was.
  await page.goto(`/accounts/${id}/plan/versions?a=1&b=3`);
  const diff = page.getByTestId("targets-diff");
  await expect(diff).toBeVisible();
  expect(await overflow(diff), "the comparison's targets: sideways overflow in px").toBeLessThanOrEqual(0);
  await expect(diff.getByRole("columnheader", { name: "Revenue before" })).toBeHidden();
  // Version 2 raised the later years' targets: the changed figure says what it was.
  const changed = diff.locator("tbody tr").nth(1);
  await expect(changed).toContainText(/€[\d,]+\s*was €[\d,]+/);
  await expect(diff.locator("tbody tr").first().getByText(/^was /)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Financial targets compared" })).toHaveCount(0);

  // On a laptop every column is back.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(diff.getByRole("columnheader", { name: "Revenue before" })).toBeVisible();
  await page.goto(`/accounts/${id}/plan`);
  await expect(actuals.getByRole("columnheader", { name: "Target revenue" })).toBeVisible();
  await expect(actuals.locator("tbody tr").first().getByText(/^target /).filter({ visible: true })).toHaveCount(0);
});

test("on a phone a traffic light's reason takes the row, and its buttons go under it", async ({ page }) => {
  await signIn(page, "marco");
  const id = await accountId(page, "Solenne Cosmetics");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/accounts/${id}/plan`);
  const light = page.getByTestId("light-relationship");
  const reasonText = light.getByText("Two meetings with the new COO");
  const updateButton = light.getByRole("button", { name: "Update Relationship" });
  await expect(reasonText).toBeVisible();
  await expect(updateButton).toBeVisible();
  const row = await light.boundingBox();
  const reason = await reasonText.boundingBox();
  const update = await updateButton.boundingBox();
  // The buttons used to sit beside the reason and leave it about 130 px: four words a line.
  expect(reason!.width, "reason width").toBeGreaterThan(row!.width * 0.6);
  expect(update!.y, "Update is under the reason").toBeGreaterThanOrEqual(reason!.y + reason!.height);
  expect(update!.x + update!.width, "Update stays on the screen").toBeLessThanOrEqual(390);
});

test("the plan's section list shows each section's whole name, in a version and in the draft", async ({ page }) => {
  await signIn(page, "marco");
  const id = await accountId(page, "Nordwind Energy");
  await page.setViewportSize({ width: 1024, height: 800 });
  for (const path of ["plan/versions/1", "plan/draft"]) {
    await page.goto(`/accounts/${id}/${path}`);
    const links = page.getByRole("navigation", { name: "Plan sections" }).getByRole("link");
    await expect(links.filter({ hasText: "Customer's business objectives" })).toBeVisible();
    // "Customer's business objecti…" was cut at the column's edge.
    const cut = await links.evaluateAll((as) => as.flatMap((a) => [a, ...a.querySelectorAll("span")]).filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
    expect(cut, path).toEqual([]);
  }
});

test("editing an approved plan, submitting the change and comparing versions", async ({ page }) => {
  await signIn(page, "marco");
  const id = await accountId(page, "Nordwind Energy");
  await page.goto(`/accounts/${id}/plan/draft`);
  await expect(page.getByText(/sections? changed since version 3/)).toBeVisible();
  const strategy = page.getByLabel("Strategy", { exact: true });
  await strategy.click();
  await strategy.press("Control+End");
  await strategy.pressSequentially("\n\nFrom next year we bundle the analytics add-on into the renewal.", { delay: 5 });
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  if (shots) await page.screenshot({ path: `${shots}/plan-draft.png`, fullPage: true });

  await page.getByTestId("submit-version").click();
  await expect(page).toHaveURL(new RegExp(`/plan/versions\\?a=3&b=4$`));
  const diff = page.getByTestId("plan-diff");
  await expect(diff.locator('[data-section="strategy"]')).toHaveAttribute("data-status", "changed");
  await expect(diff.locator('[data-section="strategy"] ins')).toContainText("bundle the analytics add-on");
  await expect(diff.locator('[data-section="resources"]')).toHaveAttribute("data-status", "unchanged");
  await expect(page.getByTestId("version-list")).toContainText("Version 4");

  // Any two versions: 1 against 2 shows the objective added in version 2.
  await page.getByLabel("Older version").selectOption("1");
  await expect(page).toHaveURL(/a=1&b=4/);
  await page.getByLabel("Newer version").selectOption("2");
  await expect(page).toHaveURL(/a=1&b=2/);
  await expect(diff.locator('[data-section="objectives"] [data-testid="objective-diff"][data-status="added"]')).toContainText("Renew the master agreement");
  if (shots) await page.screenshot({ path: `${shots}/plan-compare.png`, fullPage: true });

  // The submitted version is awaiting review; the approved version 3 is still the current plan.
  await page.goto(`/accounts/${id}/plan`);
  await expect(page.getByTestId("plan-phase")).toHaveText("Version 4 submitted, awaiting review");
});

test("two people saving the same draft: the second sees both texts and loses nothing", async ({ browser }) => {
  const laptop = await browser.newPage();
  const tablet = await browser.newPage();
  await signIn(laptop, "marco");
  await signIn(tablet, "marco");
  const id = await accountId(laptop, "Solenne Cosmetics");
  await laptop.goto(`/accounts/${id}/plan/draft`);
  await tablet.goto(`/accounts/${id}/plan/draft`);
  const field = (p: Page) => p.getByLabel("Critical success factors", { exact: true });

  await field(laptop).fill("Laptop: the launch of the new skincare line in March.");
  await expect(saveState(laptop)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await field(tablet).fill("Tablet: a named contact in their sustainability team.");
  await expect(saveState(tablet)).toHaveAttribute("data-state", "conflict", { timeout: 15_000 });
  const panel = tablet.getByTestId("conflict-panel");
  await expect(panel).toContainText("Laptop: the launch of the new skincare line in March.");
  await expect(panel).toContainText("Tablet: a named contact in their sustainability team.");
  await panel.getByRole("button", { name: "Save the chosen texts" }).click();
  await expect(saveState(tablet)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });

  await laptop.reload();
  await expect(field(laptop)).toHaveValue("Tablet: a named contact in their sustainability team.");
  await laptop.close();
  await tablet.close();
});

test("a senior manager approves a submitted version and the team commits to it", async ({ page }) => {
  await signIn(page, "senior");
  const id = await accountId(page, "Atlas Aerostructures");
  await page.goto(`/accounts/${id}/plan`);
  await expect(page.getByTestId("plan-phase")).toHaveText("Version 3 submitted, awaiting review");
  await page.getByRole("button", { name: "Approve version 3" }).click();
  await page.getByRole("alertdialog", { name: "Approve version 3?" }).getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("plan-phase")).toHaveText("Version 3 approved");
  await expect(page.getByTestId("commit-button")).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  // Let the sign-out finish its own navigation before the next sign-in starts one.
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("Work email")).toBeVisible();
  await signIn(page, "marco", "/actions");
  await expect(page.getByText("Plans waiting for your commitment")).toBeVisible();
  await page.goto(`/accounts/${id}/plan`);
  const commitments = page.getByTestId("commitments");
  await expect(commitments).toContainText("Marco Rossi");
  await page.getByTestId("commit-button").click();
  await expect(commitments.locator("li", { hasText: "Marco Rossi" })).toContainText("committed");
  await expect(page.getByTestId("commit-button")).toHaveCount(0);
});

test("keeping actions and lights current, and My actions across accounts", async ({ page }) => {
  await signIn(page, "marco");
  const id = await accountId(page, "Nordwind Energy");
  await page.goto(`/accounts/${id}/plan`);
  await expect(page.locator('[data-testid="action-row"][data-overdue]').first()).toBeVisible();

  await page.getByRole("button", { name: "Add action" }).click();
  await page.getByLabel("What needs doing").fill("Walk the new COO through the pilot results");
  await page.getByLabel("Serves objective").selectOption({ label: "Be the COO's partner of choice for operations" });
  await page.getByRole("button", { name: "Add action", exact: true }).last().click();
  const row = page.getByTestId("action-row").filter({ hasText: "Walk the new COO through the pilot results" });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: /Mark .* done/ }).click();
  await expect(page.getByTestId("action-row").filter({ hasText: "Walk the new COO" })).toHaveCount(0);

  await page.getByRole("button", { name: "Update Delivery" }).click();
  const lightForm = page.getByRole("form", { name: "Set Delivery light" });
  await lightForm.getByText("Red", { exact: true }).click();
  // A light without its reason is refused beside the field, and nothing changes.
  await lightForm.getByRole("button", { name: "Set light" }).click();
  const reason = lightForm.getByLabel("Reason");
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription("Say in one line why the light is this colour now");
  await expect(page.getByTestId("light-delivery")).not.toHaveAttribute("data-color", "RED");
  await lightForm.getByLabel("Reason").fill("Data migration failed twice; recovery plan agreed");
  await lightForm.getByRole("button", { name: "Set light" }).click();
  await expect(page.getByTestId("light-delivery")).toHaveAttribute("data-color", "RED");
  await page.getByRole("button", { name: "Delivery history" }).click();
  await expect(page.getByRole("list", { name: "Delivery history" })).toContainText("Integration with their ERP slipped");
  if (shots) {
    await page.screenshot({ path: `${shots}/plan-overview.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${shots}/plan-overview-tablet.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /My actions/ }).click();
  await expect(page.getByRole("heading", { name: "My actions" })).toBeVisible();
  const first = page.getByTestId("action-row").first();
  await expect(first).toHaveAttribute("data-overdue", "true");
  await expect(first).toContainText("overdue");
  if (shots) await page.screenshot({ path: `${shots}/my-actions.png`, fullPage: true });
});

test("an action marked done again after a failed try: its outcome replaces the failure's message", async ({ page }) => {
  await signIn(page, "marco");
  const created = await page.request.post("/api/accounts", { data: { name: `Retry Done Foods ${Date.now()}`, industry: "Food", region: "Nordics" } });
  const { id } = await created.json();
  await page.goto(`/accounts/${id}/plan`);
  await page.getByRole("button", { name: "Add action" }).click();
  await page.getByLabel("What needs doing").fill("Send the pilot report");
  await page.getByRole("button", { name: "Add action", exact: true }).last().click();
  const row = page.getByTestId("action-row").filter({ hasText: "Send the pilot report" });
  await expect(row).toBeVisible();
  // The first try never reaches the server.
  let dropped = 0;
  await page.route(`**/api/accounts/${id}/plan/actions/*`, (route) => (route.request().method() === "PATCH" && dropped++ === 0 ? route.abort("connectionreset") : route.continue()));
  await row.getByRole("button", { name: /Mark .* done/ }).click();
  await expect(page.getByText("may not have been saved")).toBeVisible();
  await row.getByRole("button", { name: /Mark .* done/ }).click();
  await expect(page.getByText("Done: Send the pilot report")).toBeVisible();
  // Counted at once: the old message would still be there for the rest of its four seconds.
  expect(await page.getByText("may not have been saved").count()).toBe(0);
  expect(dropped).toBe(2);
});

test("a draft submitted again after a failed try: the submission's outcome replaces the failure's message", async ({ browser }) => {
  const { context, page, id } = await marcosFreshDraft(browser, "Retry Submit");
  // A draft ready to submit, saved through the API.
  const { draft } = await (await page.request.get(`/api/accounts/${id}/plan/draft`)).json();
  const content = {
    ...draft.content,
    objectives: [{ id: "o1", title: "Become their automation partner", description: "" }],
    financialTargets: [{ year: new Date().getFullYear(), revenue: 1_000_000, margin: 250_000 }],
    strategy: "Prove it at one mill, then roll out.",
  };
  expect((await page.request.put(`/api/accounts/${id}/plan/draft`, { data: { content, version: draft.version } })).status()).toBe(200);
  await page.reload();
  await expect(page.getByLabel("Strategy", { exact: true })).toHaveValue("Prove it at one mill, then roll out.");
  // The first submission never reaches the server.
  let dropped = 0;
  await page.route(`**/api/accounts/${id}/plan/versions`, (route) => (route.request().method() === "POST" && dropped++ === 0 ? route.abort("connectionreset") : route.continue()));
  await page.getByTestId("submit-version").click();
  await expect(page.getByText("may not have been saved")).toBeVisible();
  await page.getByTestId("submit-version").click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${id}/plan/versions/1$`));
  await expect(page.getByText("Version 1 submitted")).toBeVisible();
  // Counted at once: the old message would still be there for the rest of its four seconds.
  expect(await page.getByText("may not have been saved").count()).toBe(0);
  expect(dropped).toBe(2);
  await context.close();
});

test("the print view shows the current plan as a clean document", async ({ page }) => {
  await signIn(page, "marco");
  const id = await accountId(page, "Nordwind Energy");
  await page.goto(`/accounts/${id}/plan`);
  await page.getByRole("link", { name: "Print view" }).click();
  const doc = page.getByTestId("plan-print");
  await expect(doc.getByRole("heading", { level: 1 })).toHaveText("Nordwind Energy");
  await expect(doc).toContainText("Version 3 · Approved");
  await expect(doc).toContainText("Strategy");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Account sections" })).toBeHidden();
  await expect(page.getByRole("button", { name: /Print or save as PDF/ })).toBeHidden();
  if (shots) {
    await page.screenshot({ path: `${shots}/plan-print.png`, fullPage: true });
    await page.pdf({ path: `${shots}/plan-print.pdf`, format: "A4", printBackground: true });
    // Roughly what lands on paper: A4 width at 96 dpi minus the page margins.
    await page.setViewportSize({ width: 680, height: 1000 });
    await page.screenshot({ path: `${shots}/plan-print-a4.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  }
  await page.emulateMedia({ media: "screen" });
  await page.getByTestId("print-audience").click();
  await expect(doc).not.toContainText("At a glance");
  await expect(doc).not.toContainText("Risks and competitive activity");
});

test("a mentor reads the plan, its draft and its versions, but changes nothing", async ({ page }) => {
  await signIn(page, "helen");
  const id = await accountId(page, "Nordwind Energy");
  await page.goto(`/accounts/${id}/plan`);
  await expect(page.getByRole("heading", { name: "Traffic lights" })).toBeVisible();
  await expect(page.getByTestId("action-row").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Update / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add action" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Change stage" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Mark .* done/ })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Plan", exact: true }).getByRole("link", { name: "Draft" }).click();
  await expect(page.getByText("Work in progress by the account team, not submitted")).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await page.getByRole("navigation", { name: "Plan", exact: true }).getByRole("link", { name: "Versions" }).click();
  await expect(page.getByTestId("plan-diff")).toBeVisible();
});

/** A new account of Marco's (so the test does not lean on the demo plans), with `members` on its team. */
async function freshAccount(page: Page, name: string, members: string[] = []): Promise<string> {
  const created = await page.request.post("/api/accounts", { data: { name, industry: "Manufacturing", region: "Nordics" } });
  expect(created.status()).toBe(201);
  const { id, version } = await created.json();
  if (members.length) {
    const people = (await (await page.request.get("/api/people")).json()).items as { id: string; name: string }[];
    const ids = members.map((m) => people.find((p) => p.name === m)?.id);
    const team = await page.request.put(`/api/accounts/${id}/team`, { data: { members: ids.map((userId) => ({ userId, role: "MEMBER" })), version } });
    expect(team.status()).toBe(200);
  }
  return id;
}

/** Marco, in a browser context of his own, on the draft of a fresh account of his; `before` runs before the first page loads. */
async function marcosFreshDraft(browser: Browser, name: string, before?: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await before?.(page);
  await signIn(page, "marco");
  const id = await freshAccount(page, `${name} ${Date.now().toString(36)}`);
  await page.goto(`/accounts/${id}/plan/draft`);
  return { context, page, id, strategy: page.getByLabel("Strategy", { exact: true }) };
}

test("a session that ends while the draft is open: the page says so, and signing in again saves the text kept on the device", async ({ browser }) => {
  const { context, page, id, strategy } = await marcosFreshDraft(browser, "Session Ends");
  await strategy.fill("Win the Kemi retrofit first.");
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await expect(page.getByTestId("submit-version")).toBeVisible();

  await (await signOutInAnotherTab(context)).close();

  await strategy.fill("Win the Kemi retrofit first, then extend service to Oulu.");
  await expect(saveState(page)).toHaveAttribute("data-state", "signedOut", { timeout: 15_000 });
  await expect(saveState(page)).toHaveText("Not saved: you are signed out. Your text is kept on this device.");
  // Nothing can be submitted until then; the message takes the button's place.
  await expect(page.getByTestId("submit-version")).toHaveCount(0);
  // It does not pretend to retry: a minute of waiting would change nothing.
  await page.waitForTimeout(3_000);
  await expect(saveState(page)).toHaveAttribute("data-state", "signedOut");

  await page.getByRole("link", { name: "Sign in again to save it" }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await submitSignIn(page, "marco");
  await expect(page).toHaveURL(new RegExp(`/accounts/${id}/plan/draft$`));
  await expect(page.getByText("Restored text you typed on this device")).toBeVisible();
  await expect(strategy).toHaveValue("Win the Kemi retrofit first, then extend service to Oulu.");
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  const saved = await (await page.request.get(`/api/accounts/${id}/plan/draft`)).json();
  expect(saved.draft.content.strategy).toBe("Win the Kemi retrofit first, then extend service to Oulu.");
  await context.close();
});

test("signed out while the draft is open, then signed in again in another tab: coming back to the draft saves it", async ({ browser }) => {
  const { context, page, id, strategy } = await marcosFreshDraft(browser, "Back Again");
  const other = await signOutInAnotherTab(context);
  await strategy.fill("Written while signed out.");
  await expect(saveState(page)).toHaveAttribute("data-state", "signedOut", { timeout: 15_000 });
  // No banner on top of the save state's own message.
  await expect(page.getByTestId("session-ended")).toHaveCount(0);

  await submitSignIn(other, "marco");
  await expect(other.getByTestId("current-user")).toHaveText(DEMO.marco.name);
  // The person comes back to the draft's tab (the window gets the focus again).
  await page.bringToFront();
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  const saved = await (await page.request.get(`/api/accounts/${id}/plan/draft`)).json();
  expect(saved.draft.content.strategy).toBe("Written while signed out.");
  await context.close();
});

test("taken off the account's team while editing the draft: the page says it can no longer save, and keeps the text", async ({ browser }) => {
  const [mc, pc] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [marco, priya] = await Promise.all([mc.newPage(), pc.newPage()]);
  await signIn(marco, "marco");
  await signIn(priya, "priya");
  const id = await freshAccount(marco, `Team Change ${Date.now().toString(36)}`, ["Priya Nair"]);
  await priya.goto(`/accounts/${id}/plan/draft`);
  const strategy = priya.getByLabel("Strategy", { exact: true });
  await strategy.fill("Priya's first line.");
  await expect(saveState(priya)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });

  // Marco takes Priya off the team.
  const account = await (await marco.request.get(`/api/accounts/${id}`)).json();
  expect((await marco.request.put(`/api/accounts/${id}/team`, { data: { members: [], version: account.version } })).status()).toBe(200);

  await strategy.fill("Priya's first line, and a second.");
  await expect(saveState(priya)).toHaveAttribute("data-state", "noAccess", { timeout: 15_000 });
  await expect(saveState(priya)).toHaveText("Not saved: you can no longer edit this plan. Your text is kept on this device.");
  const kept = await priya.evaluate((key) => localStorage.getItem(key), `keystone:plan-draft:${id}`);
  expect(JSON.parse(kept ?? "{}").content?.strategy).toBe("Priya's first line, and a second.");
  // Nothing reached the account.
  const draft = await (await marco.request.get(`/api/accounts/${id}/plan/draft`)).json();
  expect(draft.draft.content.strategy).toBe("Priya's first line.");
  await Promise.all([mc.close(), pc.close()]);
});

test("'saved … ago' keeps counting while the draft stays open, on the server's clock even with the browser's a day and a half ahead", async ({ browser }) => {
  const { context, page, strategy } = await marcosFreshDraft(browser, "Clock", (p) => p.clock.install({ time: Date.now() + 36 * 3600_000 }));
  await strategy.fill("Start at the Kemi mill.");
  await expect(saveState(page)).toContainText("All changes saved just now", { timeout: 15_000 });
  // Three minutes on, the page says so without a reload, counted on the server's clock.
  await page.clock.runFor("03:00");
  await expect(saveState(page)).toContainText("All changes saved 3 minutes ago");
  await context.close();
});

/** Counts the draft saves that did not get through (a dropped connection, or a refusal `route` made). */
function countDraftSaves(page: Page, id: string) {
  const seen = { failed: 0 };
  page.on("requestfailed", (r) => {
    if (r.method() === "PUT" && r.url().endsWith(`/api/accounts/${id}/plan/draft`)) seen.failed++;
  });
  return seen;
}

test("the connection drops while writing: the draft says it is retrying, keeps the text, and saves the moment the browser is online again", async ({ browser }) => {
  const { context, page, id, strategy } = await marcosFreshDraft(browser, "Tunnel");
  await strategy.fill("Before the tunnel.");
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  const saves = countDraftSaves(page, id);

  await context.setOffline(true);
  await strategy.fill("Before the tunnel. Written in the tunnel.");
  await expect(saveState(page)).toHaveAttribute("data-state", "offline", { timeout: 15_000 });
  await expect(saveState(page)).toHaveText("Not saved: retrying. Your text is kept on this device.");
  const kept = await page.evaluate((key) => localStorage.getItem(key), `keystone:plan-draft:${id}`);
  expect(JSON.parse(kept ?? "{}").content?.strategy).toBe("Before the tunnel. Written in the tunnel.");
  // It retries by itself, waiting longer each time: 2 s, 4 s, then 8 s after the third failure.
  await expect.poll(() => saves.failed, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);

  await context.setOffline(false);
  // Online again, it saves at once rather than waiting out the 8 s.
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 4_000 });
  const saved = await (await page.request.get(`/api/accounts/${id}/plan/draft`)).json();
  expect(saved.draft.content.strategy).toBe("Before the tunnel. Written in the tunnel.");
  expect(await page.evaluate((key) => localStorage.getItem(key), `keystone:plan-draft:${id}`)).toBeNull();
  await context.close();
});

test("the server cannot save for a while: \"Try now\" saves at once when it is back, from the keyboard too", async ({ browser }) => {
  const { context, page, id, strategy } = await marcosFreshDraft(browser, "Try Now");
  await strategy.fill("First thoughts.");
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  const saves = countDraftSaves(page, id);
  // The database is away: every save is refused with the app's 503.
  await page.route(`**/api/accounts/${id}/plan/draft`, (route) =>
    route.request().method() === "PUT"
      ? route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: "The database is unavailable. Please try again in a moment." }) })
      : route.continue(),
  );
  let refused = 0;
  page.on("response", (r) => {
    if (r.request().method() === "PUT" && r.url().endsWith(`/api/accounts/${id}/plan/draft`) && r.status() === 503) refused++;
  });
  await strategy.fill("First thoughts, and second ones.");
  await expect(saveState(page)).toHaveAttribute("data-state", "offline", { timeout: 15_000 });
  const tryNow = page.getByRole("button", { name: "Try now" });
  await expect(tryNow).toBeVisible();
  await expect.poll(() => refused, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  expect(saves.failed).toBe(0);

  // It is back. The next retry would be 8 s away; the person does not wait.
  await page.unroute(`**/api/accounts/${id}/plan/draft`);
  await tryNow.focus();
  await page.keyboard.press("Enter");
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 4_000 });
  await expect(tryNow).toHaveCount(0);
  const saved = await (await page.request.get(`/api/accounts/${id}/plan/draft`)).json();
  expect(saved.draft.content.strategy).toBe("First thoughts, and second ones.");
  await context.close();
});

test("a save whose answer is lost on the way is sent again, and is not taken for someone else's", async ({ browser }) => {
  const { context, page, id, strategy } = await marcosFreshDraft(browser, "Lost Answer");
  await strategy.fill("Before the drop.");
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  // The next save reaches the server, which stores it; the answer is cut off before the browser.
  const lost = await loseNextAnswer(page, `**/api/accounts/${id}/plan/draft`, "PUT");
  await strategy.fill("Before the drop. After it.");
  // The browser cannot know the save landed: it says so and sends it again, with the version it had.
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  expect(lost()).toBe(1);
  const saved = await (await page.request.get(`/api/accounts/${id}/plan/draft`)).json();
  expect(saved.draft.content.strategy).toBe("Before the drop. After it.");
  await context.close();
});

test("the stage moved in another tab meanwhile: the move from the page as it was is refused, says where the account is, and keeps the choice", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, "marco");
  const id = await freshAccount(first, `Stage Race ${Date.now().toString(36)}`);
  await first.goto(`/accounts/${id}/plan`);
  const second = await context.newPage();
  await second.goto(`/accounts/${id}/plan`);

  // The second tab moves the account on to contract negotiation.
  await second.getByLabel("Move to").selectOption({ label: "Contract negotiation" });
  await second.getByLabel("Why (optional)").fill("Shortlisted by procurement");
  await second.getByRole("button", { name: "Change stage" }).click();
  await expect(second.getByTestId("stage-history")).toContainText("Pre-sales → Contract negotiation");

  // The first tab, still showing pre-sales, tries to jump to delivery.
  await first.getByLabel("Move to").selectOption({ label: "Implementation / delivery" });
  await first.getByLabel("Why (optional)").fill("Kick-off booked");
  await first.getByRole("button", { name: "Change stage" }).click();
  const alert = first.getByRole("alert").filter({ hasText: "after you opened this page" });
  await expect(alert).toContainText("The account is in Contract negotiation now: Marco Rossi moved it there after you opened this page.");
  // The page now shows where the account is; the choice and the note are still there to send.
  await expect(first.getByTestId("stage-history")).toContainText("Pre-sales → Contract negotiation");
  await expect(first.getByRole("list", { name: "Lifecycle" })).toContainText("Contract negotiation (current)");
  await expect(first.getByLabel("Move to")).toHaveValue("IMPLEMENTATION");
  await expect(first.getByLabel("Why (optional)")).toHaveValue("Kick-off booked");
  if (shots) await first.screenshot({ path: `${shots}/plan-stage-conflict.png`, fullPage: true });
  await first.getByRole("button", { name: "Change stage" }).click();
  await expect(first.getByTestId("stage-history")).toContainText("Contract negotiation → Implementation / delivery");
  await expect(alert).toHaveCount(0);
  await context.close();
});

test("text typed into the draft before the page has finished loading is kept and saved", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "marco");
  const id = await freshAccount(page, `Early Typing ${Date.now().toString(36)}`);
  const release = await holdScripts(page);
  await page.goto(`/accounts/${id}/plan/draft`, { waitUntil: "commit" });
  const strategy = page.getByLabel("Strategy", { exact: true });
  await expect(strategy).toBeVisible();
  await strategy.fill("Typed while the page was still loading.");
  await release();
  await expect(strategy).toHaveValue("Typed while the page was still loading.");
  // Saved by the autosave, as if typed a moment later.
  await expect.poll(async () => (await (await page.request.get(`/api/accounts/${id}/plan/draft`)).json()).draft?.content.strategy, { timeout: 15_000 }).toBe("Typed while the page was still loading.");
  await expect(saveState(page)).toHaveAttribute("data-state", "saved");
  await context.close();
});
