import { expect, test, type Browser, type Page } from "@playwright/test";
import { seriousViolations } from "./a11y";
import { addDays, localToday } from "../../lib/days";
import { freshDemoData, signIn, type DemoKey } from "./helpers";

test.beforeAll(freshDemoData);

// The mentor review loop with two people in two browsers: Marco (account manager) and Helen
// (mentor). Each test makes its own account so that it does not depend on the demo plans.
// Screenshots go to SHOTS_DIR when it is set.
const shots = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};
/** No serious or critical accessibility violation on the page as it stands. */
async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

async function person(page: Page, name: string): Promise<string> {
  const res = await page.request.get("/api/people");
  const hit = (await res.json()).items.find((p: { name: string }) => p.name === name);
  expect(hit, name).toBeTruthy();
  return hit.id;
}

const plan = (strategy: string) => ({
  keyInformation: { global: "Nordic paper demand is flat; energy costs dominate.", corporate: "New COO since spring, cost programme under way.", project: "Retrofit of line 3 at Kemi." },
  customerObjectives: "Cut unplanned downtime by a third within two years.",
  objectives: [{ id: "obj-1", title: "Become the preferred automation partner for both mills", description: "", horizonYear: new Date().getFullYear() + 2 }],
  financialTargets: [{ year: new Date().getFullYear(), revenue: 1_800_000, margin: 420_000 }],
  strategy,
  opportunities: "Service contract extension to the Oulu mill.",
  risks: "A competitor offers service at cost to win the retrofit.",
});

/** An account of Marco's with Helen as mentor and a draft ready to submit. */
async function accountWithDraft(manager: Page, name: string): Promise<string> {
  const helen = await person(manager, "Helen Carter");
  const res = await manager.request.post("/api/accounts", { data: { name, industry: "Manufacturing", region: "Nordics", mentorId: helen } });
  expect(res.status()).toBe(201);
  const id = (await res.json()).id;
  const draft = await manager.request.put(`/api/accounts/${id}/plan/draft`, { data: { content: plan("Start with the Kemi retrofit, prove uptime in six months, then extend service to Oulu."), version: 0 } });
  expect(draft.status()).toBe(200);
  return id;
}

async function twoPeople(browser: Browser, a: DemoKey, b: DemoKey) {
  const [ca, cb] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [pa, pb] = await Promise.all([ca.newPage(), cb.newPage()]);
  await signIn(pa, a);
  await signIn(pb, b);
  return { pa, pb, close: () => Promise.all([ca.close(), cb.close()]) };
}

test("manager submits, mentor comments and asks for changes, manager answers and resubmits, mentor endorses, team asked to commit", async ({ browser }) => {
  test.setTimeout(180_000);
  const { pa: manager, pb: mentor, close } = await twoPeople(browser, "marco", "helen");
  const name = `Kemi Board ${Date.now().toString(36)}`;
  const id = await accountWithDraft(manager, name);

  // 1. The manager submits the draft for review from the account's Reviews tab.
  await manager.goto(`/accounts/${id}/reviews`);
  await expect(manager.getByRole("heading", { name: "Plan review", exact: true })).toBeVisible();
  await manager.getByTestId("submit-for-review").click();
  await expect(manager).toHaveURL(/\/reviews\/[a-z0-9]+$/);
  await expect(manager.getByRole("heading", { name: "Plan version 1" })).toBeVisible();
  await expect(manager.getByText("Waiting for Helen Carter's verdict")).toBeVisible();
  const review1 = manager.url();

  // 2. The mentor finds it in her queue, with the account's tier and score beside it.
  await mentor.goto("/reviews");
  const row = mentor.getByTestId("review-queue").getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText("Plan version 1");
  await expect(row).toContainText("Score");
  await shot(mentor, "reviews-queue-mentor");
  await row.getByRole("link", { name: "Plan version 1" }).click();
  await expect(mentor.getByRole("heading", { name: "Plan version 1" })).toBeVisible();
  await expect(mentor.getByRole("complementary").getByText("Traffic lights")).toBeVisible();

  // She selects a passage in the strategy and comments on it, then comments on the risks.
  await mentor.locator('[data-quote-scope="strategy"] p').first().selectText();
  await mentor.getByRole("button", { name: "Comment on the selected passage in Strategy" }).click();
  await expect(mentor.getByLabel("Passage (optional)")).toHaveValue(/Kemi retrofit/);
  await mentor.getByLabel("Your comment on Strategy").fill("Six months is tight for proof. What do we show them at month three?");
  await mentor.getByRole("button", { name: "Add comment" }).click();
  const strategyThread = mentor.locator('[data-review-section="strategy"]').getByTestId("thread");
  await expect(strategyThread).toContainText("What do we show them at month three?");
  await expect(strategyThread).toContainText("Waiting for the team");
  await mentor.getByRole("button", { name: "Comment on Risks and competitive activity" }).click();
  await mentor.getByLabel("Your comment on Risks and competitive activity").fill("How do we answer service at cost?");
  await mentor.getByRole("button", { name: "Add comment" }).click();
  await expect(mentor.locator('[data-review-section="risks"]').getByTestId("thread")).toContainText("service at cost");

  // A verdict needs a summary; then she asks for changes.
  await mentor.getByLabel("Request changes").check();
  await mentor.getByRole("button", { name: "Request changes" }).click();
  await expect(mentor.getByText("A summary is required")).toBeVisible();
  await mentor.getByLabel("Summary").fill("Good direction. Make the first six months concrete and answer the price risk.");
  await mentor.getByRole("button", { name: "Request changes" }).click();
  await expect(mentor.getByTestId("verdict")).toHaveAttribute("data-status", "changes-requested");
  await shot(mentor, "review-screen-changes-requested");

  // 3. The manager sees what waits for him on his home page and in the navigation, answers the
  //    thread, revises the draft and resubmits.
  await manager.goto("/");
  await expect(manager.getByText(/\d+ comments? to answer/)).toBeVisible();
  await expect(manager.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Reviews/ })).toContainText(/[1-9]/);
  await shot(manager, "reviews-home-manager");
  // The home page lists the first few; its link leads to all of them on the reviews page.
  const toAnswer = Number((await manager.getByText(/\d+ comments? to answer/).textContent())?.match(/(\d+) comments? to answer/)?.[1]);
  await manager.getByRole("main").getByRole("link", { name: /more on the reviews page|Open the reviews page/ }).click();
  await expect(manager).toHaveURL(/\/reviews$/);
  const toAnswerList = manager.getByTestId("threads-to-answer");
  await expect(toAnswerList.getByRole("listitem")).toHaveCount(toAnswer);
  await expect(toAnswerList).toContainText("Six months is tight for proof");
  await manager.goto(review1);
  await expect(manager.getByTestId("verdict")).toContainText("Make the first six months concrete");
  const mThread = manager.locator('[data-review-section="strategy"]').getByTestId("thread");
  await mThread.getByRole("button", { name: /Answer Helen Carter's comment/ }).click();
  await manager.getByLabel("Your answer").fill("At month three: uptime on line 3 against the baseline, reviewed with their plant manager.");
  await manager.getByRole("button", { name: "Post answer" }).click();
  await expect(mThread).toContainText("Answered, waiting for the mentor");

  await manager.getByRole("link", { name: "Revise the draft" }).click();
  await expect(manager).toHaveURL(new RegExp(`/accounts/${id}/plan/draft$`));
  await manager.getByLabel("Strategy", { exact: true }).fill("Kemi retrofit first. Month three: uptime on line 3 against the baseline with their plant manager. Month six: extend service to Oulu.");
  await expect(manager.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await manager.goto(`/accounts/${id}/reviews`);
  await expect(manager.getByText("Helen Carter asked for changes on version 1")).toBeVisible();
  // The comment on the changed section is ticked as answered; the risks one is not.
  await expect(manager.getByRole("checkbox", { name: /Strategy:/ })).toBeChecked();
  await expect(manager.getByRole("checkbox", { name: /Risks and competitive activity:/ })).not.toBeChecked();
  await shot(manager, "reviews-account-tab-resubmit");
  await manager.getByTestId("submit-for-review").click();
  await expect(manager.getByRole("heading", { name: "Plan version 2" })).toBeVisible();
  const changes = manager.getByTestId("changes-since");
  await expect(changes.locator('[data-change-section="strategy"]')).toContainText("Answers Helen Carter");
  await expect(changes.locator('[data-change-section="strategy"]')).toContainText("What do we show them at month three?");
  await expect(changes).toContainText("1 thread of the previous review is still open");

  // 4. The mentor opens the resubmission from her queue and endorses it.
  await mentor.goto("/reviews");
  await mentor.getByTestId("review-queue").getByRole("listitem").filter({ hasText: name }).getByRole("link", { name: "Plan version 2" }).click();
  await expect(mentor.getByRole("heading", { name: "What changed since version 1" })).toBeVisible();
  await shot(mentor, "review-screen-resubmission");
  await mentor.getByLabel("Endorse").check();
  await mentor.getByLabel("Summary").fill("Concrete and honest. Endorsed.");
  await mentor.getByRole("button", { name: "Endorse version 2" }).click();
  await expect(mentor.getByTestId("verdict")).toHaveAttribute("data-status", "endorsed");
  await expect(mentor.getByTestId("commitment-ask")).toContainText("The team is asked to commit");

  // 5. The plan is approved and the manager is asked to commit.
  await manager.goto(`/accounts/${id}/plan`);
  await expect(manager.getByTestId("plan-phase")).toHaveText("Version 2 approved");
  await expect(manager.getByTestId("commit-button")).toBeVisible();
  await manager.goto("/");
  await expect(manager.getByRole("link", { name: `Commit to version 2 of the ${name} plan` })).toBeVisible();
  await close();
});

test("nobody outside the account sees a review, and a stored script never runs", async ({ browser }) => {
  const { pa: manager, pb: mentor, close } = await twoPeople(browser, "marco", "helen");
  const id = await accountWithDraft(manager, `Script Test ${Date.now().toString(36)}`);
  const res = await manager.request.post(`/api/accounts/${id}/proposals`, {
    data: {
      title: "Proposal with a surprise",
      kind: "proposal",
      body: `<p>Offer</p><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><a href="javascript:window.__pwned=3">link</a>`,
      requestReview: true,
    },
  });
  expect(res.status()).toBe(201);
  const reviewId = (await res.json()).review.id;
  let dialogs = 0;
  mentor.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await mentor.goto(`/reviews/${reviewId}`);
  await expect(mentor.getByTestId("proposal-body")).toContainText("Offer");
  await mentor.getByTestId("proposal-body").getByText("link").click();
  expect(await mentor.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await mentor.getByTestId("proposal-body").locator("script, img, [onerror]").count()).toBe(0);
  expect(dialogs).toBe(0);

  // David mentors other accounts: this review is a 404 for him, in the page and the API.
  const davidContext = await browser.newContext();
  const david = await davidContext.newPage();
  await signIn(david, "david");
  await david.goto(`/reviews/${reviewId}`);
  await expect(david.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(david.getByTestId("proposal-body")).toHaveCount(0);
  expect((await david.request.get(`/api/reviews/${reviewId}`)).status()).toBe(404);
  await davidContext.close();
  await close();
});

test("a manager writes a proposal in the rich text editor and the mentor reads it", async ({ browser }) => {
  const { pa: manager, pb: mentor, close } = await twoPeople(browser, "marco", "helen");
  const id = await accountWithDraft(manager, `Proposal Co ${Date.now().toString(36)}`);
  await manager.goto(`/accounts/${id}/reviews`);
  await manager.getByRole("link", { name: "New proposal" }).click();
  await manager.getByLabel("Title").fill("Line 3 retrofit offer");
  await manager.getByLabel("Kind").selectOption("tender");
  await manager.getByLabel("Value (EUR)").fill("1150000");
  // Five days from the person's today (the browser and the server share this machine's zone).
  await manager.getByLabel("Customer's decision date").fill(addDays(localToday(), 5));
  const editor = manager.getByRole("textbox", { name: "The proposal" });
  await editor.click();
  await manager.keyboard.type("## Scope\nRetrofit of line 3 with ");
  await manager.keyboard.press("Control+b");
  await manager.keyboard.type("guaranteed uptime");
  await manager.getByRole("button", { name: "Save and ask for review" }).click();
  await expect(manager.getByRole("heading", { name: "Line 3 retrofit offer" })).toBeVisible();
  await expect(manager.getByTestId("proposal-body").getByRole("heading", { name: "Scope" })).toBeVisible();
  await expect(manager.getByTestId("proposal-body").locator("strong")).toHaveText("guaranteed uptime");
  await shot(manager, "review-screen-proposal");

  await mentor.goto("/reviews");
  const row = mentor.getByTestId("review-queue").getByRole("listitem").filter({ hasText: "Line 3 retrofit offer" });
  await expect(row).toContainText("customer decides in 5 days");
  await close();
});

test("overdue periodic reviews are flagged, and recording the meeting turns next steps into actions", async ({ page }) => {
  await signIn(page, "helen");
  await shot(page, "reviews-home-mentor");
  await page.goto("/reviews");
  const overdue = page.getByTestId("review-queue").locator('[data-kind="periodic-review"]').filter({ hasText: "overdue" }).first();
  await expect(overdue).toBeVisible();
  const accountName = (await overdue.getByRole("link").nth(1).textContent())!.trim();
  await overdue.getByRole("link", { name: "Periodic plan review" }).click();
  await expect(page.getByTestId("periodic-schedule")).toHaveAttribute("data-state", "overdue");
  await page.getByRole("link", { name: "Record a meeting" }).click();
  await page.getByLabel("Others (customer people, guests), one per line").fill("Their plant manager");
  await page.getByLabel("Outcome").selectOption("adjust");
  await page.getByLabel("Notes").fill("Plan holds; the Oulu extension moves to next year.");
  await page.getByRole("button", { name: "Add a next step" }).click();
  await page.getByLabel("Next step 1", { exact: true }).fill("Re-forecast Oulu for next year");
  await shot(page, "reviews-periodic-form");
  await page.getByRole("button", { name: "Record the review" }).click();
  await expect(page.getByTestId("periodic-schedule")).toHaveAttribute("data-state", "scheduled");
  await expect(page.getByText("Re-forecast Oulu for next year")).toBeVisible();
  // The next step is an open action on the plan.
  await page.getByRole("link", { name: "Plan", exact: true }).click();
  await expect(page.getByText("Re-forecast Oulu for next year")).toBeVisible();
  await page.goto("/reviews");
  await expect(page.getByTestId("review-queue").locator('[data-kind="periodic-review"]').filter({ hasText: accountName })).toHaveCount(0);
});

test("a mentor narrows her queue to one kind of item, and the tabs keep the choice", async ({ page }) => {
  await signIn(page, "helen", "/reviews");
  const queue = page.getByTestId("review-queue");
  const kinds = page.getByRole("navigation", { name: "Kind of item" });
  const api = async (qs: string) => (await (await page.request.get(`/api/reviews?assignedTo=me&${qs}`)).json()) as { total: number; items: { kind: string; subjectType?: string }[] };
  const all = await api("status=pending");
  const periodic = all.items.filter((i) => i.kind === "periodic-review").length;
  const proposals = all.items.filter((i) => i.subjectType === "proposal").length;
  expect(periodic, "the demo mentor has periodic reviews due").toBeGreaterThan(0);
  expect(proposals, "and proposals to review").toBeGreaterThan(0);
  await expect(kinds.getByRole("link", { name: "All" })).toHaveAttribute("aria-current", "page");
  await expect(queue.getByRole("listitem")).toHaveCount(all.items.length);
  // Each tab says how many it holds.
  const plansWaiting = all.items.filter((i) => i.subjectType === "plan-version").length;
  await expect(kinds.getByRole("link")).toHaveText([`All ${all.total}`, `Plans ${plansWaiting}`, `Proposals ${proposals}`, `Periodic ${periodic}`]);

  await kinds.getByRole("link", { name: "Periodic" }).click();
  await expect(page).toHaveURL(/type=periodic-review/);
  await expect(kinds.getByRole("link", { name: "Periodic" })).toHaveAttribute("aria-current", "page");
  await expect(queue.getByRole("listitem")).toHaveCount(periodic);
  await expect(queue.locator('[data-kind="review"]')).toHaveCount(0);
  await expect(page.getByText(`${periodic} item${periodic === 1 ? "" : "s"} · most urgent first`)).toBeVisible();

  await kinds.getByRole("link", { name: "Proposals" }).click();
  await expect(queue.getByRole("listitem")).toHaveCount(proposals);
  await expect(queue.locator('[data-kind="periodic-review"]')).toHaveCount(0);
  // "Decided" keeps the kind; it has no periodic tab (held meetings are the account's history).
  await page.getByRole("navigation", { name: "Review status" }).getByRole("link", { name: "Decided" }).click();
  await expect(page).toHaveURL(/status=decided/);
  await expect(page).toHaveURL(/type=proposal/);
  await expect(kinds.getByRole("link", { name: "Periodic" })).toHaveCount(0);
  const decided = await api("status=decided&type=proposal");
  if (decided.total) await expect(queue.getByRole("listitem")).toHaveCount(Math.min(decided.total, 50));
  else await expect(page.getByRole("heading", { name: "No verdicts on proposal reviews yet" })).toBeVisible();

  // A kind with nothing in it says so, with a way back to every kind.
  const plans = await api("status=pending&type=plan-version");
  await page.goto("/reviews?status=pending&assignedTo=me&type=plan-version");
  if (plans.total === 0) {
    await expect(page.getByRole("heading", { name: "No plan reviews wait" })).toBeVisible();
    await page.getByRole("link", { name: "Show every kind" }).click();
    await expect(queue.getByRole("listitem")).toHaveCount(all.items.length);
  } else {
    await expect(queue.getByRole("listitem")).toHaveCount(plans.items.length);
    await expect(queue.locator('[data-kind="periodic-review"]')).toHaveCount(0);
  }
});

test("the demo data shows resubmissions with what changed and which comments each change answers", async ({ page }) => {
  // David's queue holds resubmitted plan versions (demo: version 3 after an endorsed version 2).
  await signIn(page, "david");
  await page.goto("/reviews");
  await page.getByTestId("review-queue").getByRole("link", { name: "Plan version 3" }).first().click();
  await expect(page.getByRole("heading", { name: "What changed since version 2" })).toBeVisible();
  await expect(page.getByTestId("changes-since")).toContainText("Answers David Okafor");
  await shot(page, "review-screen-demo-plan");
  await expectAccessible(page);

  // Helen's queue holds a proposal revised after she asked for changes.
  await signIn(page, "helen");
  await page.goto("/reviews");
  await page.getByTestId("review-queue").getByRole("link", { name: "Spare-parts pooling proposal" }).first().click();
  await expect(page.getByRole("heading", { name: "What changed since the last review" })).toBeVisible();
  await expect(page.getByTestId("changes-since")).toContainText("Value");
  await expect(page.getByTestId("changes-since").locator('[data-change-section="commercials"]')).toContainText("Answers Helen Carter");
  await shot(page, "review-screen-demo-proposal");
  await page.goto("/reviews?status=decided");
  await expect(page.getByTestId("review-queue").getByText("Endorsed").first()).toBeVisible();
  await shot(page, "reviews-queue-decided");

  // The senior manager sees the portfolio: what waits, overdue plan reviews, turnaround per mentor.
  await signIn(page, "senior");
  await page.goto("/reviews");
  await expect(page.getByTestId("turnaround").getByRole("rowheader", { name: /Helen Carter/ })).toBeVisible();
  await expect(page.getByTestId("turnaround").getByRole("rowheader", { name: /David Okafor/ })).toBeVisible();
  // At 1280 px the side column is narrow: the waiting count goes under the mentor, nothing scrolls,
  // and the oldest wait reads "oldest 12 d" (it once showed a literal "\u00a0").
  await page.setViewportSize({ width: 1280, height: 1000 });
  const turnaround = page.getByTestId("turnaround");
  await expect(turnaround.getByRole("columnheader", { name: "Waiting" })).toBeHidden();
  expect(await turnaround.locator("xpath=..").evaluate((el) => el.scrollWidth - el.clientWidth), "the turnaround table's sideways overflow").toBeLessThanOrEqual(0);
  const helen = turnaround.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Helen Carter/ }) });
  await expect(helen.getByTestId("turnaround-waiting")).toHaveText(/^\d+ waiting · oldest \d+\sd$/);
  expect(await helen.getByTestId("turnaround-waiting").textContent(), "a no-break space before the unit").toMatch(/oldest \d+\u00a0d$/);
  await expect(turnaround).not.toContainText("\\u00a0");
  // In the narrow side column a duration keeps its unit: "longest 14.0 d" never puts the "d" on a
  // line of its own (at 1920 px the summary wraps in the side column).
  await page.setViewportSize({ width: 1920, height: 1000 });
  // Wide enough there for its own column again.
  await expect(turnaround.getByRole("columnheader", { name: "Waiting" })).toBeVisible();
  await expect(helen.getByTestId("turnaround-waiting")).toBeHidden();
  const apart = await page.getByTestId("turnaround-summary").evaluateAll((els) =>
    els.flatMap((el) => {
      const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).at(-1) as Text | undefined;
      if (!text || !/\d\s?d$/.test(text.data)) return [];
      const at = (i: number) => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return Math.round(r.getBoundingClientRect().top);
      };
      const end = text.data.length - 1;
      return at(end) === at(end - 2) ? [] : [el.textContent];
    }),
  );
  expect(apart).toEqual([]);
  await shot(page, "reviews-queue-senior");
  await expectAccessible(page);
  await page.goto("/");
  await expect(page.getByText(/periodic reviews? overdue/).first()).toBeVisible();
});

test("on a phone a page's title shows in full, wrapping rather than cut off", async ({ page }) => {
  await signIn(page, "helen", "/reviews");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("link", { name: "Board presentation: automation roadmap" }).first().click();
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toHaveText("Board presentation: automation roadmap");
  // It was cut to "Board presentatio…" on one line.
  expect(await title.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
  expect((await title.boundingBox())!.height).toBeGreaterThan(40);
});

test("a periodic item reads on one line beside its due text on a desktop, and under it on a phone", async ({ page }) => {
  await signIn(page, "helen", "/reviews?type=periodic-review");
  const item = page.getByTestId("review-queue").locator('[data-kind="periodic-review"]').first();
  const title = item.getByRole("link", { name: "Periodic plan review" });
  const cadence = item.getByText(/^every \d+ months$/);
  const due = item.getByText(/^Periodic review (overdue by|due in|due today)/);
  const box = async (l: typeof title) => (await l.boundingBox())!;

  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(due).toBeVisible();
  // The cadence stays beside the title (it went under it when the due text beside them was long),
  // and the due text is to the right of both.
  expect(Math.abs((await box(cadence)).y - (await box(title)).y)).toBeLessThan(8);
  expect((await box(due)).x).toBeGreaterThan((await box(cadence)).x + (await box(cadence)).width);

  // On a phone the due text goes under the account instead of squeezing the title into a column.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(async () => {
    expect((await box(due)).y).toBeGreaterThan((await box(title)).y + (await box(title)).height);
    expect((await box(title)).width).toBeGreaterThan(120);
  }).toPass();
  expect(await item.evaluate((li) => li.scrollWidth <= li.clientWidth)).toBe(true);
});

test.describe("on a laptop screen", () => {
  test.use({ viewport: { width: 1280, height: 600 } });

  test("a comment to answer opens its review scrolled to that comment", async ({ page }) => {
    await signIn(page, "marco");
    await page.goto("/reviews");
    const link = page.getByTestId("threads-to-answer").getByRole("link").first();
    const commentId = (await link.getAttribute("href"))!.split("#")[1];
    expect(commentId).toMatch(/^comment-/);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/reviews/[^/#]+#${commentId}$`));
    // The review streams in after its loading state, after the router has looked for the comment.
    const comment = page.locator(`#${commentId}`);
    await expect(comment).toBeInViewport();
    // …and it is below the first screen, so it is in view because the page went down to it.
    expect(await comment.evaluate((el) => el.getBoundingClientRect().top + window.scrollY > window.innerHeight)).toBe(true);
  });
});
