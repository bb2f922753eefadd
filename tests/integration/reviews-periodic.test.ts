// Proposals (sanitised bodies, frozen while reviewed), the mentor's queue order, periodic reviews
// on the tier's cadence, the attention counts and turnaround per mentor.
import { beforeAll, describe, expect, it } from "vitest";
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import * as proposalsRoute from "@/app/api/accounts/[id]/proposals/route";
import * as proposalRoute from "@/app/api/accounts/[id]/proposals/[proposalId]/route";
import * as periodicRoute from "@/app/api/accounts/[id]/periodic-reviews/route";
import * as reviewsRoute from "@/app/api/reviews/route";
import * as commentsRoute from "@/app/api/reviews/[id]/comments/route";
import * as verdictRoute from "@/app/api/reviews/[id]/verdict/route";
import * as turnaroundRoute from "@/app/api/reviews/turnaround/route";
import { reviewAttention } from "@/lib/reviews/attention";
import * as dashboardRoute from "@/app/api/dashboard/route";
import { addDays, localDay, localToday } from "@/lib/days";
import { addMonthsToDay as addMonths } from "@/lib/days";
import { createAccount, unique } from "../../prisma/factories";
import { call, type TestUser } from "../support/http";
import { daysBefore, makeUser, makeWorld, testDb } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;
const DAY = 86_400_000;
// Days as people count them, from their today (a decision date is a day in their calendar).
const dayOffset = (n: number) => addDays(localToday(), n);

const proposal = (extra: Record<string, unknown> = {}) => ({
  title: "Five-year service renewal",
  kind: "renewal",
  summary: "Renew and extend to the two new sites.",
  value: 2_400_000,
  decisionDate: dayOffset(20),
  body: "<p>We propose <strong>a five-year term</strong>.</p>",
  ...extra,
});
const postProposal = (user: TestUser, accountId: string, body: unknown) => call(proposalsRoute.POST, { user, params: { id: accountId }, body });
const record = (user: TestUser, accountId: string, body: unknown) => call(periodicRoute.POST, { user, params: { id: accountId }, body });
const queue = (user: TestUser, qs = "assignedTo=me&status=pending") => call(reviewsRoute.GET, { user, url: `/api/reviews?${qs}` });

describe("proposals", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });

  it("stores a sanitised body: no script, handler or javascript: link survives", async () => {
    const res = await postProposal(w.owner, w.account.id, proposal({
      body: `<p onclick="steal()">Hello<script>alert(document.cookie)</script><img src=x onerror="alert(1)"></p><a href="javascript:alert(2)">click</a><iframe src="https://evil.example"></iframe><a href="https://example.com/deck">deck</a>`,
    }));
    expect(res.status).toBe(201);
    const row = await testDb().proposal.findUniqueOrThrow({ where: { id: res.body.proposal.id } });
    expect(row.body).not.toMatch(/script|onerror|onclick|javascript:|iframe|<img/i);
    expect(row.body).toContain("Hello");
    expect(row.body).toContain('href="https://example.com/deck"');
    expect(row.body).toContain('rel="noopener noreferrer nofollow"');
    expect(res.body.review).toBeNull();
  });

  it("turns markdown into the same safe HTML", async () => {
    const res = await postProposal(w.owner, w.account.id, proposal({ bodyFormat: "markdown", body: "## Offer\n\n- **Term**: five years\n- [deck](javascript:alert(1))\n\n<script>alert(1)</script>" }));
    expect(res.status).toBe(201);
    expect(res.body.proposal.body).toContain("<h2>Offer</h2>");
    expect(res.body.proposal.body).toContain("<strong>Term</strong>");
    expect(res.body.proposal.body).not.toMatch(/script|javascript:/i);
  });

  it("validates with 422 naming the field", async () => {
    const bad = await postProposal(w.owner, w.account.id, proposal({ link: "javascript:alert(1)", title: "" }));
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields).sort()).toEqual(["link", "title"]);
    expect((await postProposal(w.owner, w.account.id, proposal({ decisionDate: "next week" }))).body.fields).toHaveProperty("decisionDate");
    expect((await postProposal(w.owner, w.account.id, proposal({ kind: "poem" }))).body.fields).toHaveProperty("kind");
  });

  it("only the account team writes proposals, and only the owner asks for the review", async () => {
    expect((await postProposal(w.mentor, w.account.id, proposal())).status).toBe(403);
    expect((await postProposal(w.outsider, w.account.id, proposal())).status).toBe(404);
    expect((await postProposal(w.member, w.account.id, proposal({ requestReview: true }))).status).toBe(403);
    expect((await postProposal(w.member, w.account.id, proposal())).status).toBe(201);
  });

  it("freezes a proposal under review, keeps what was reviewed, and shows the changes on resubmission", async () => {
    const created = await postProposal(w.owner, w.account.id, proposal({ requestReview: true }));
    expect(created.status).toBe(201);
    const { proposal: p, review } = created.body;
    expect(review).toMatchObject({ status: "pending", subjectType: "proposal", title: "Five-year service renewal", mentor: { id: w.mentor.id } });
    const put = (body: Record<string, unknown>) => call(proposalRoute.PUT, { user: w.owner, method: "PUT", params: { id: w.account.id, proposalId: p.id }, body });
    const frozen = await put({ ...proposal(), summary: "Changed while under review", version: p.version });
    expect(frozen.status).toBe(409);

    const thread = (await call(commentsRoute.POST, { user: w.mentor, params: { id: review.id }, body: { section: "commercials", body: "Is 2.4M realistic with the new sites?" } })).body;
    expect((await call(verdictRoute.POST, { user: w.mentor, params: { id: review.id }, body: { verdict: "request-changes", summary: "Rework the numbers." } })).status).toBe(200);

    const stale = await put({ ...proposal({ value: 2_100_000 }), version: p.version + 5 });
    expect(stale.status).toBe(409);
    const revised = await put({ ...proposal({ value: 2_100_000 }), version: p.version });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ value: 2_100_000, version: p.version + 1 });

    const again = await call(reviewsRoute.POST, { user: w.owner, body: { subject: { type: "proposal", id: p.id } } });
    expect(again.status).toBe(201);
    expect(again.body.subject.reviewed.value).toBe(2_100_000);
    expect(again.body.previous.proposalChanges).toEqual([{ field: "value", label: "Value", before: "€2,400,000", after: "€2,100,000" }]);
    expect(again.body.previous.changes).toEqual([expect.objectContaining({ section: "commercials", answers: [expect.objectContaining({ id: thread.id })] })]);
    // The first review still shows the proposal as it was when reviewed.
    const first = await call((await import("@/app/api/reviews/[id]/route")).GET, { user: w.owner, params: { id: review.id } });
    expect(first.body.subject.reviewed.value).toBe(2_400_000);
    expect(first.body.subject.current.value).toBe(2_100_000);
  });
});

describe("the mentor's queue", () => {
  it("puts the most urgent first (overdue periodic review, then a near customer decision, then age), with tier and score", async () => {
    const mentor = await makeUser("MENTOR");
    const owner = await makeUser("ACCOUNT_MANAGER");
    const db = testDb();
    const tier = await db.tier.create({ data: { name: `Gold ${unique()}`, rank: 1, minScore: 80, reviewEveryMonths: 3 } });
    const a = await createAccount(db, { ownerId: owner.id, mentorId: mentor.id, name: `Queue A ${unique()}` });
    const b = await createAccount(db, { ownerId: owner.id, mentorId: mentor.id, name: `Queue B ${unique()}` });
    await db.account.update({ where: { id: a.id }, data: { computedTierId: tier.id, score: 84.5, lastPeriodicReviewAt: new Date(Date.now() - 200 * DAY) } });
    await db.account.update({ where: { id: b.id }, data: { lastPeriodicReviewAt: new Date() } });
    // An old plan-less proposal review (waiting 6 days) and a fresh one whose customer decides in 2 days.
    const old = await postProposal(owner, b.id, proposal({ title: "Old ask", decisionDate: null, requestReview: true }));
    await db.review.update({ where: { id: old.body.review.id }, data: { submittedAt: daysBefore(6) } });
    const urgent = await postProposal(owner, a.id, proposal({ title: "Urgent ask", decisionDate: dayOffset(2), requestReview: true }));

    const res = await queue(mentor);
    expect(res.status).toBe(200);
    const items = res.body.items as { kind: string; id: string; account: { id: string; tier: { name: string } | null; score: number | null }; urgency: { label: string } }[];
    expect(items.map((i) => (i.kind === "review" ? i.id : `periodic:${i.account.id}`))).toEqual([`periodic:${a.id}`, urgent.body.review.id, old.body.review.id]);
    expect(items[0].account).toMatchObject({ tier: { name: tier.name }, score: 84.5 });
    expect(items[0].urgency.label).toMatch(/Periodic review overdue by \d+ days/);
    expect(items[1].urgency.label).toMatch(/customer decides in 2 days/);
    // A proposal's row carries its title and decision date, not its whole text.
    expect(items[1]).toMatchObject({ title: "Urgent ask", decisionDate: dayOffset(2) });
    expect(items[2].urgency.label).toMatch(/Waiting 6 days/);

    expect(res.body.total).toBe(3);
    // The database's spelling works too, and `limit` cuts the list but not the total.
    const upper = await queue(mentor, "assignedTo=ME&status=PENDING&limit=1");
    expect(upper.body).toMatchObject({ total: 3, items: [expect.objectContaining({ id: `periodic-${a.id}` })] });
    expect((await queue(mentor, "limit=0")).body.fields).toHaveProperty("limit");

    // Another mentor sees none of it; the owner sees the reviews of their accounts with assignedTo=all.
    expect((await queue(await makeUser("MENTOR"))).body.items).toEqual([]);
    const ownerView = await queue(owner, "assignedTo=all&status=pending");
    expect(ownerView.body.items.filter((i: { kind: string }) => i.kind === "review")).toHaveLength(2);
    expect((await queue(mentor, "status=whenever")).status).toBe(422);

    // One kind of item at a time: the total counts that kind only.
    const ids = async (qs: string) => {
      const res = await queue(mentor, qs);
      expect(res.status).toBe(200);
      return { total: res.body.total, ids: (res.body.items as { id: string }[]).map((i) => i.id) };
    };
    expect(await ids("assignedTo=me&status=pending&type=periodic-review")).toEqual({ total: 1, ids: [`periodic-${a.id}`] });
    expect(await ids("assignedTo=me&status=pending&type=proposal")).toEqual({ total: 2, ids: [urgent.body.review.id, old.body.review.id] });
    expect(await ids("assignedTo=me&status=pending&type=PLAN_VERSION")).toEqual({ total: 0, ids: [] });
    // The reviews page's tabs: the queue counts each kind in the same statements, whichever kind it lists.
    const counts = async (status: "pending" | "decided") => {
      const seen = [];
      for (const type of ["", "&type=plan-version", "&type=proposal", "&type=periodic-review"]) {
        const res = await queue(mentor, `assignedTo=me&status=${status}${type}`);
        expect(res.status).toBe(200);
        seen.push(res.body.counts);
      }
      expect(new Set(seen.map((c) => JSON.stringify(c))).size, "the same counts whatever kind is listed").toBe(1);
      return seen[0];
    };
    expect(await counts("pending")).toEqual({ "plan-version": 0, proposal: 2, "periodic-review": 1 });
    expect(await counts("decided")).toEqual({ "plan-version": 0, proposal: 0, "periodic-review": 0 });
    // Decided: a verdict on the old ask; periodic reviews never wait there.
    expect((await call(verdictRoute.POST, { user: mentor, params: { id: old.body.review.id }, body: { verdict: "endorse", summary: "Go ahead." } })).status).toBe(200);
    expect(await ids("assignedTo=me&status=decided&type=proposal")).toEqual({ total: 1, ids: [old.body.review.id] });
    expect(await ids("assignedTo=me&status=decided&type=plan-version")).toEqual({ total: 0, ids: [] });
    expect(await ids("assignedTo=me&status=decided&type=periodic-review")).toEqual({ total: 0, ids: [] });
    expect(await ids("assignedTo=me&status=pending&type=proposal")).toEqual({ total: 1, ids: [urgent.body.review.id] });
    expect(await counts("pending")).toEqual({ "plan-version": 0, proposal: 1, "periodic-review": 1 });
    expect(await counts("decided")).toEqual({ "plan-version": 0, proposal: 1, "periodic-review": 0 });
    // The other one decided too: the decided list is newest first, and a page of one holds the newest.
    expect((await call(verdictRoute.POST, { user: mentor, params: { id: urgent.body.review.id }, body: { verdict: "endorse", summary: "Yes, in time." } })).status).toBe(200);
    expect(await ids("assignedTo=me&status=decided")).toEqual({ total: 2, ids: [urgent.body.review.id, old.body.review.id] });
    expect(await ids("assignedTo=me&status=decided&limit=1")).toEqual({ total: 2, ids: [urgent.body.review.id] });
    expect(await ids("assignedTo=me&status=decided&type=proposal&limit=1")).toEqual({ total: 2, ids: [urgent.body.review.id] });
    const bad = await queue(mentor, "type=meeting");
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields)).toEqual(["type"]);
  });
});

describe("periodic reviews", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });

  it("are due every N months from the tier, and every 6 months without one", async () => {
    const db = testDb();
    const last = new Date(Date.now() - 100 * DAY);
    await db.account.update({ where: { id: w.account.id }, data: { lastPeriodicReviewAt: last } });
    const noTier = (await call(periodicRoute.GET, { user: w.owner, params: { id: w.account.id } })).body;
    expect(noTier.schedule).toMatchObject({ everyMonths: 6, dueOn: addMonths(last, 6), state: "scheduled" });
    const tier = await db.tier.create({ data: { name: `Premier ${unique()}`, rank: 1, minScore: 75, reviewEveryMonths: 3 } });
    await db.account.update({ where: { id: w.account.id }, data: { computedTierId: tier.id } });
    const withTier = (await call(periodicRoute.GET, { user: w.mentor, params: { id: w.account.id } })).body;
    expect(withTier.schedule).toMatchObject({ everyMonths: 3, dueOn: addMonths(last, 3), state: "overdue" });
    expect(withTier.canRecord).toBe(true);
    expect((await call(periodicRoute.GET, { user: w.outsider, params: { id: w.account.id } })).status).toBe(404);
  });

  it("flag the overdue review to the mentor, the account manager and the senior manager", async () => {
    expect((await reviewAttention(w.mentor))["/reviews"]).toBeGreaterThanOrEqual(1);
    const { reviewTeamHomeSection, reviewPortfolioHomeSection, reviewQueueHomeSection } = await import("@/lib/reviews/attention");
    expect((await reviewQueueHomeSection(w.mentor))?.description).toMatch(/1 periodic review due/);
    expect((await reviewTeamHomeSection(w.owner))?.description).toMatch(/periodic review.* overdue/);
    // The team member too (on the team, not the owner); an account manager off the account not.
    expect((await reviewTeamHomeSection(w.member))?.description).toMatch(/periodic review.* overdue/);
    expect((await reviewTeamHomeSection(w.outsider))?.description ?? "").not.toMatch(/periodic/);
    expect((await reviewPortfolioHomeSection(w.senior))?.description).toMatch(/periodic reviews? overdue/);
  });

  it("on the account manager's home, say how many more wait beyond the few listed, with a link to them", async () => {
    const db = testDb();
    const owner = await makeUser("ACCOUNT_MANAGER");
    const longAgo = new Date(Date.now() - 400 * DAY);
    for (let i = 0; i < 6; i++) {
      const a = await createAccount(db, { ownerId: owner.id, mentorId: w.mentor.id });
      await db.account.update({ where: { id: a.id }, data: { lastPeriodicReviewAt: longAgo } });
    }
    const { reviewTeamHomeSection } = await import("@/lib/reviews/attention");
    const section = await reviewTeamHomeSection(owner);
    expect(section?.description).toBe("6 periodic reviews overdue");
    const html = renderToStaticMarkup(createElement(Fragment, null, section?.content));
    expect(html.match(/Periodic review of /g)).toHaveLength(4);
    expect(html).toMatch(/<a [^>]*href="\/reviews"[^>]*>2 more on the reviews page<\/a>/);
  });

  it("on the mentor's home, keep the reviews to give in view above a backlog of overdue plan reviews", async () => {
    const db = testDb();
    const mentor = await makeUser("MENTOR");
    const owner = await makeUser("ACCOUNT_MANAGER");
    const longAgo = new Date(Date.now() - 400 * DAY);
    const accounts = [];
    for (let i = 0; i < 7; i++) {
      const a = await createAccount(db, { ownerId: owner.id, mentorId: mentor.id, name: `Backlog ${i} ${unique()}` });
      await db.account.update({ where: { id: a.id }, data: { lastPeriodicReviewAt: longAgo } });
      accounts.push(a);
    }
    // Two proposals wait for a verdict; every overdue plan review sorts before them in the queue.
    for (const title of ["Renewal ask", "Pilot ask"]) {
      const res = await postProposal(owner, accounts[0].id, proposal({ title, decisionDate: dayOffset(5), requestReview: true }));
      expect(res.status).toBe(201);
    }
    const queued = (await queue(mentor)).body.items as { kind: string }[];
    expect(queued.slice(0, 7).every((i) => i.kind === "periodic-review")).toBe(true);

    const { reviewQueueHomeSection } = await import("@/lib/reviews/attention");
    const section = await reviewQueueHomeSection(mentor);
    expect(section?.description).toBe("2 reviews to give · 7 periodic reviews due");
    const html = renderToStaticMarkup(createElement(Fragment, null, section?.content));
    const toGive = html.slice(html.indexOf("Proposals and plans to review"), html.indexOf("Periodic plan reviews</h3>"));
    expect(toGive).toContain("Renewal ask");
    expect(toGive).toContain("Pilot ask");
    expect(html.match(/>Periodic plan review<\/a>/g)).toHaveLength(4);
    expect(html).toMatch(/<a [^>]*href="\/reviews"[^>]*>3 more in the review queue<\/a>/);
  });

  it("are recorded by the mentor with attendees, notes, outcome and next steps that become actions", async () => {
    const body = {
      heldOn: localToday(),
      attendees: [w.owner.name, w.mentor.name, "Customer CFO"],
      notes: "Reviewed the plan against the first half.",
      outcome: "adjust",
      nextSteps: [{ title: "Re-forecast the Kemi rollout", ownerId: w.member.id, dueDate: dayOffset(14) }],
    };
    expect((await record(w.owner, w.account.id, body)).status).toBe(403);
    expect((await record(w.member, w.account.id, body)).status).toBe(403);
    expect((await record(w.outsider, w.account.id, body)).status).toBe(404);
    const future = await record(w.mentor, w.account.id, { ...body, heldOn: dayOffset(3) });
    expect(future.status).toBe(422);
    expect(Object.keys(future.body.fields)).toEqual(["heldOn"]);
    const notOnTeam = await record(w.mentor, w.account.id, { ...body, nextSteps: [{ ...body.nextSteps[0], ownerId: w.outsider.id }] });
    expect(notOnTeam.status).toBe(422);
    expect(Object.keys(notOnTeam.body.fields)).toEqual(["nextSteps.0.ownerId"]);
    expect((await record(w.mentor, w.account.id, { ...body, outcome: "fine" })).body.fields).toHaveProperty("outcome");
    expect((await record(w.mentor, w.account.id, { ...body, attendees: [] })).body.fields).toHaveProperty("attendees");
    expect(await testDb().periodicReview.count({ where: { accountId: w.account.id } })).toBe(0);

    const res = await record(w.mentor, w.account.id, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ heldOn: localToday(), outcome: "adjust", nextSteps: ["Re-forecast the Kemi rollout"], mentor: { id: w.mentor.id } });
    const action = await testDb().action.findUniqueOrThrow({ where: { id: res.body.actionIds[0] } });
    expect(action).toMatchObject({ accountId: w.account.id, ownerId: w.member.id, status: "OPEN", title: "Re-forecast the Kemi rollout" });
    // The note says the meeting's day as every other date reads ("5 Mar 2026"), not "2026-03-05".
    const [y, m, d] = localToday().split("-").map(Number);
    const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"][m - 1];
    expect(action.notes).toBe(`Agreed at the periodic plan review on ${d} ${month} ${y}.`);
    const after = (await call(periodicRoute.GET, { user: w.owner, params: { id: w.account.id } })).body;
    expect(after.schedule).toMatchObject({ lastReviewedOn: localToday(), state: "scheduled" });
    expect(after.history).toHaveLength(1);
  });

  it("recording an older meeting later does not move the schedule back", async () => {
    const res = await record(w.senior, w.account.id, { heldOn: dayOffset(-300), attendees: ["Someone"], outcome: "on-track" });
    expect(res.status).toBe(201);
    const after = (await call(periodicRoute.GET, { user: w.owner, params: { id: w.account.id } })).body;
    expect(after.schedule.lastReviewedOn).toBe(localToday());
    expect(after.history.map((h: { heldOn: string }) => h.heldOn)).toEqual([localToday(), dayOffset(-300)]);
  });
});

describe("attention and turnaround", () => {
  it("counts pending reviews for the mentor and unanswered comments for the team", async () => {
    const w = await makeWorld();
    await testDb().account.update({ where: { id: w.account.id }, data: { lastPeriodicReviewAt: new Date() } });
    const base = (u: Parameters<typeof reviewAttention>[0]) => reviewAttention(u).then((r) => r["/reviews"] ?? 0);
    expect(await base(w.mentor)).toBe(0);
    const created = await postProposal(w.owner, w.account.id, proposal({ requestReview: true }));
    const reviewId = created.body.review.id;
    expect(await base(w.mentor)).toBe(1);
    expect(await base(w.member)).toBe(0);
    const thread = (await call(commentsRoute.POST, { user: w.mentor, params: { id: reviewId }, body: { section: "body", body: "Why five years?" } })).body;
    expect(await base(w.member)).toBe(1);
    expect(await base(w.owner)).toBe(1);
    expect(await base(w.outsider)).toBe(0);
    await call(commentsRoute.POST, { user: w.member, params: { id: reviewId }, body: { section: "body", parentId: thread.id, body: "Their capex cycle." } });
    expect(await base(w.owner)).toBe(0);
    await call(verdictRoute.POST, { user: w.mentor, params: { id: reviewId }, body: { verdict: "endorse", summary: "Fine." } });
    expect(await base(w.mentor)).toBe(0);
  });

  it("records the time from request to verdict and shows it per mentor", async () => {
    const w = await makeWorld();
    const db = testDb();
    for (const days of [2, 4, 12]) {
      const r = (await postProposal(w.owner, w.account.id, proposal({ title: `Ask ${days}`, requestReview: true }))).body.review;
      await db.review.update({ where: { id: r.id }, data: { submittedAt: new Date(Date.now() - days * DAY) } });
      expect((await call(verdictRoute.POST, { user: w.mentor, params: { id: r.id }, body: { verdict: "endorse", summary: "ok" } })).status).toBe(200);
    }
    await postProposal(w.owner, w.account.id, proposal({ title: "Still waiting", requestReview: true }));
    const res = await call(turnaroundRoute.GET, { user: w.senior });
    expect(res.status).toBe(200);
    const row = res.body.find((r: { mentor: { id: string } }) => r.mentor.id === w.mentor.id);
    expect(row).toMatchObject({ decided: 3, medianDays: 4, longestDays: 12, pending: 1 });
    expect(row.withinTarget).toBeCloseTo(2 / 3);
    // A mentor sees only the accounts they mentor, so only their own row.
    const own = (await call(turnaroundRoute.GET, { user: w.otherMentor })).body;
    expect(own.some((r: { mentor: { id: string } }) => r.mentor.id === w.mentor.id)).toBe(false);
    // The account's manager sees its row too; an account manager off the account, none of it.
    expect((await call(turnaroundRoute.GET, { user: w.owner })).body.find((r: { mentor: { id: string } }) => r.mentor.id === w.mentor.id)).toMatchObject({ decided: 3, pending: 1 });
    expect((await call(turnaroundRoute.GET, { user: w.outsider })).body.some((r: { mentor: { id: string } }) => r.mentor.id === w.mentor.id)).toBe(false);
    // A new mentor on the account takes over the waiting request; the verdicts stay with who gave them.
    await db.account.update({ where: { id: w.account.id }, data: { mentorId: w.otherMentor.id } });
    const moved = (await call(turnaroundRoute.GET, { user: w.senior })).body as { mentor: { id: string } }[];
    expect(moved.find((r) => r.mentor.id === w.mentor.id)).toMatchObject({ decided: 3, pending: 0 });
    expect(moved.find((r) => r.mentor.id === w.otherMentor.id)).toMatchObject({ pending: 1 });
  });
});

describe("when the next plan review is due", () => {
  it("counts from the last meeting, else the first approved plan, else the account's creation, alike on the account, in the queue and on the dashboard", async () => {
    const [mentor, owner, senior] = await Promise.all([makeUser("MENTOR"), makeUser("ACCOUNT_MANAGER"), makeUser("SENIOR_MANAGER")]);
    const db = testDb();
    const region = `Due-${unique()}`;
    // Two accounts in Keystone for two years, no tier (a plan review every 6 months), no meeting yet:
    // one has had a plan approved by its mentor a month ago, the other never had a plan.
    const planned = await createAccount(db, { ownerId: owner.id, mentorId: mentor.id, region, name: `Planned ${unique()}` });
    const unplanned = await createAccount(db, { ownerId: owner.id, mentorId: mentor.id, region, name: `Unplanned ${unique()}` });
    await db.account.updateMany({ where: { id: { in: [planned.id, unplanned.id] } }, data: { createdAt: new Date(Date.now() - 730 * DAY) } });
    const approvedAt = new Date(Date.now() - 30 * DAY);
    await db.planVersion.create({
      data: { accountId: planned.id, number: 1, status: "APPROVED", submittedAt: new Date(Date.now() - 35 * DAY), decidedAt: approvedAt, content: {}, submittedById: owner.id },
    });

    const schedule = async (id: string) => (await call(periodicRoute.GET, { user: owner, params: { id } })).body.schedule;
    expect(await schedule(planned.id)).toMatchObject({ lastReviewedOn: null, dueOn: addMonths(localDay(approvedAt), 6), state: "scheduled", countedFrom: "first-approval", countedFromOn: localDay(approvedAt) });
    expect(await schedule(unplanned.id)).toMatchObject({ state: "overdue", countedFrom: "creation" });

    const periodicInQueue = ((await queue(mentor)).body.items as { kind: string; account: { id: string } }[]).filter((i) => i.kind === "periodic-review").map((i) => i.account.id);
    expect(periodicInQueue).toEqual([unplanned.id]);

    // The queue reads the first approval and the creation as days in SQL; the account's page reads
    // them as moments. Both give the same schedule, also for moments whose day here is not their
    // UTC day (05:00 UTC is the day before in Pago Pago, where CI runs these tests a second time).
    const early = (daysAgo: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - daysAgo, 5, 0, 0));
    const longApproved = await createAccount(db, { ownerId: owner.id, mentorId: mentor.id, region, name: `Long approved ${unique()}` });
    await db.account.updateMany({ where: { id: { in: [unplanned.id, longApproved.id] } }, data: { createdAt: early(730) } });
    await db.planVersion.create({
      data: { accountId: longApproved.id, number: 1, status: "APPROVED", submittedAt: early(205), decidedAt: early(200), content: {}, submittedById: owner.id },
    });
    const inQueue = new Map(((await queue(mentor)).body.items as { kind: string; account: { id: string }; schedule: unknown }[]).filter((i) => i.kind === "periodic-review").map((i) => [i.account.id, i.schedule]));
    expect(inQueue.get(longApproved.id)).toMatchObject({ countedFrom: "first-approval", countedFromOn: localDay(early(200)), dueOn: addMonths(localDay(early(200)), 6), state: "overdue" });
    expect(inQueue.get(unplanned.id)).toMatchObject({ countedFrom: "creation", countedFromOn: localDay(early(730)), dueOn: addMonths(localDay(early(730)), 6) });
    for (const id of [longApproved.id, unplanned.id]) expect(inQueue.get(id)).toEqual(await schedule(id));

    const dashboard = await call(dashboardRoute.GET, { user: senior, url: `/api/dashboard?${new URLSearchParams({ region })}` });
    expect(dashboard.body.reviews.periodic).toEqual({ overdue: 2, soon: 0, later: 1 });
  });
});
