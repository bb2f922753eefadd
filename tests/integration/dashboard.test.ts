// The portfolio dashboard on a small fixed portfolio whose every figure is worked out by hand
// below. The portfolio lives in a region of its own, so other test files' accounts never count.
import { beforeAll, describe, expect, it } from "vitest";
import * as dashboardRoute from "@/app/api/dashboard/route";
import * as drillRoute from "@/app/api/dashboard/accounts/route";
import { visibleAccountsWhere } from "@/lib/accounts/access";
import { addMonthsToDay, addMonthsToMoment as addMonths, daysBetween, localDay, localToday, startOfLocalDay } from "@/lib/days";
import type { TDashboard } from "@/lib/dashboard/view";
import { getDashboardOptions } from "@/lib/dashboard/service";
import { createAccount, createUser, unique } from "@/prisma/factories";
import { call, type TestUser } from "../support/http";
import { daysBefore, makeUser, testDb } from "../support/fixtures";

const db = testDb();
const now = new Date();
const daysAgo = (n: number) => daysBefore(n, now);
const monthsAgo = (n: number) => addMonths(now, -n);
/** A calendar day n days before today (local), as the @db.Date value Prisma stores. */
const dueDay = (n: number) => {
  const t = Date.parse(`${localToday(now)}T00:00:00Z`) - n * 86_400_000;
  return new Date(t);
};
/** The calendar month a moment falls in where the server runs (TZ), as the dashboard counts it. */
const monthOf = (d: Date) => localToday(d).slice(0, 7);

const region = `Dash-${unique()}`;
const I1 = `Ind1-${unique()}`;
const I2 = `Ind2-${unique()}`;

type U = NonNullable<TestUser>;
let owner1: U, owner2: U, member: U, mentor1: U, mentor2: U, senior: U, admin: U, outsider: U, outsiderMentor: U;
let G: string, S: string, N: string;
let A1: string, A2: string, A3: string, A4: string, A5: string, A6: string;
const events: Record<string, Date> = {};

beforeAll(async () => {
  [owner1, owner2, member, mentor1, mentor2, senior, admin, outsider, outsiderMentor] = await Promise.all([
    createUser(db, { role: "ACCOUNT_MANAGER", maxKeyAccounts: 2 }),
    createUser(db, { role: "ACCOUNT_MANAGER" }),
    makeUser("ACCOUNT_MANAGER"),
    makeUser("MENTOR"),
    makeUser("MENTOR"),
    makeUser("SENIOR_MANAGER"),
    makeUser("ADMIN"),
    makeUser("ACCOUNT_MANAGER"),
    makeUser("MENTOR"),
  ]);
  const tier = (name: string, rank: number, minScore: number, isKey: boolean, capacity: number | null, reviewEveryMonths: number) =>
    db.tier.create({ data: { name: `${name}-${unique()}`, rank, minScore, isKey, capacity, reviewEveryMonths }, select: { id: true } });
  G = (await tier("Gold", 1, 70, true, 1, 3)).id;
  S = (await tier("Silver", 2, 40, true, 5, 6)).id;
  N = (await tier("Bronze", 3, 0, false, null, 12)).id;

  const acct = async (input: Parameters<typeof createAccount>[1], extra: Record<string, unknown>) => {
    const a = await createAccount(db, { region, ...input });
    await db.account.update({ where: { id: a.id }, data: extra });
    return a.id;
  };
  A1 = await acct({ ownerId: owner1.id, mentorId: mentor1.id, industry: I1, stage: "EXPLOITATION", annualRevenue: 1_000_000, annualMargin: 200_000 },
    { score: 85, computedTierId: G, coverageScore: 85, lastPeriodicReviewAt: daysAgo(70) });
  A2 = await acct({ ownerId: owner1.id, mentorId: mentor1.id, industry: I1, stage: "IMPLEMENTATION", annualRevenue: 500_000, annualMargin: 100_000, team: [{ userId: member.id, role: "MEMBER" }] },
    { score: 72, computedTierId: G, coverageScore: 50, uncoveredDecisionMakers: 2, singleThreaded: true });
  A3 = await acct({ ownerId: owner1.id, mentorId: mentor2.id, industry: I2, stage: "PRE_SALES", annualRevenue: 300_000, annualMargin: 30_000 },
    { score: 55, computedTierId: S, coverageScore: 10, uncoveredDecisionMakers: 1, singleThreaded: true });
  A4 = await acct({ ownerId: owner2.id, mentorId: mentor1.id, industry: I2, stage: "REVIEW", annualRevenue: 200_000, annualMargin: 50_000 },
    { score: 45, computedTierId: N, overrideTierId: S, overrideReason: "Strategic", lastPeriodicReviewAt: monthsAgo(7) });
  A5 = await acct({ ownerId: owner2.id, name: `=SUM(1) ${unique()}`, industry: I1, stage: "PRE_SALES", annualRevenue: 100_000, annualMargin: 10_000 },
    { coverageScore: 100, lastPeriodicReviewAt: daysAgo(200) });
  A6 = await acct({ ownerId: owner2.id, mentorId: mentor2.id, industry: I1, stage: "EXPLOITATION", annualRevenue: 9_000_000, annualMargin: 900_000, archived: true },
    { score: 90, computedTierId: G });

  // Tier history: 12 months ago vs now, and moves inside the last twelve months.
  events.a1Up = daysAgo(120);
  events.a3Down = daysAgo(90);
  events.a5Dropped = daysAgo(150);
  const snap = (accountId: string, tierId: string | null, createdAt: Date) =>
    ({ accountId, tierId, createdAt, cause: "score", modelVersion: 1, score: null });
  await db.scoreSnapshot.createMany({
    data: [
      snap(A1, S, monthsAgo(14)), snap(A1, G, events.a1Up), // up
      snap(A2, G, monthsAgo(13)), snap(A2, G, daysAgo(60)), // same
      snap(A3, G, monthsAgo(13)), snap(A3, S, events.a3Down), // down
      snap(A4, N, monthsAgo(13)), // new (not key -> key by override)
      snap(A5, S, monthsAgo(13)), snap(A5, null, events.a5Dropped), // dropped
      snap(A6, N, monthsAgo(13)),
    ],
  });

  // Traffic lights: the latest row of each area counts.
  const light = (accountId: string, area: string, color: "RED" | "AMBER" | "GREEN", setAt: Date) => ({ accountId, area, color, reason: `${area} ${color}`, setAt });
  await db.trafficLight.createMany({
    data: [
      light(A1, "relationship", "RED", daysAgo(30)), light(A1, "relationship", "GREEN", daysAgo(5)), light(A1, "delivery", "AMBER", daysAgo(5)),
      light(A2, "relationship", "RED", daysAgo(3)),
      light(A3, "relationship", "GREEN", daysAgo(40)), light(A3, "relationship", "AMBER", daysAgo(2)),
      light(A6, "relationship", "RED", daysAgo(2)),
    ],
  });

  // Plans: A1 fresh approved; A2 approved 5 months ago (Gold reviews every 3: stale), first approved 10 months ago;
  // A3 only submitted, A4 sent back, A5 none: three without an approved plan.
  const version = (accountId: string, number: number, status: "SUBMITTED" | "APPROVED" | "CHANGES_REQUESTED" | "SUPERSEDED", submittedAt: Date, decidedAt: Date | null) =>
    ({ accountId, number, status, submittedAt, decidedAt, content: {}, submittedById: owner1.id });
  await db.planVersion.createMany({
    data: [
      version(A1, 1, "APPROVED", daysAgo(35), daysAgo(30)),
      version(A2, 1, "SUPERSEDED", monthsAgo(10), monthsAgo(10)),
      version(A2, 2, "APPROVED", monthsAgo(5), monthsAgo(5)),
      version(A3, 1, "SUBMITTED", daysAgo(10), null),
      version(A4, 1, "CHANGES_REQUESTED", daysAgo(70), daysAgo(60)),
    ],
  });

  const action = (accountId: string, status: "OPEN" | "DONE" | "DROPPED", dueDate: Date) => ({ accountId, title: "Do it", ownerId: owner1.id, status, dueDate });
  await db.action.createMany({
    data: [
      action(A1, "OPEN", dueDay(10)), action(A1, "OPEN", dueDay(3)), action(A1, "DONE", dueDay(40)), action(A1, "OPEN", dueDay(0)),
      action(A3, "OPEN", dueDay(100)),
      action(A4, "DROPPED", dueDay(50)),
      action(A6, "OPEN", dueDay(10)),
    ],
  });

  const review = (accountId: string, mentorId: string, status: "PENDING" | "ENDORSED" | "CHANGES_REQUESTED", submittedAt: Date, decidedAt: Date | null) =>
    ({ accountId, mentorId, status, submittedAt, decidedAt, subjectType: "PLAN_VERSION" as const, requestedById: owner1.id });
  await db.review.createMany({
    data: [
      review(A1, mentor1.id, "PENDING", daysAgo(3), null),
      review(A2, mentor1.id, "PENDING", (events.pending20 = daysAgo(20)), null),
      review(A2, mentor1.id, "ENDORSED", daysAgo(40), daysAgo(36)),
      review(A4, mentor1.id, "CHANGES_REQUESTED", daysAgo(100), daysAgo(90)),
      review(A3, mentor2.id, "ENDORSED", daysAgo(400), daysAgo(395)),
      review(A3, mentor2.id, "PENDING", (events.pending45 = daysAgo(45)), null),
      review(A6, mentor2.id, "PENDING", daysAgo(45), null),
    ],
  });

  await db.financialYear.createMany({
    data: [
      { accountId: A1, year: 2025, targetRevenue: 1_000_000, actualRevenue: 900_000, targetMargin: 200_000, actualMargin: 180_000 },
      { accountId: A1, year: 2026, targetRevenue: 1_100_000 },
      { accountId: A2, year: 2025, targetRevenue: 400_000, actualRevenue: 500_000, targetMargin: 80_000, actualMargin: 100_000 },
      { accountId: A4, year: 2025, targetRevenue: 200_000, actualRevenue: 150_000 },
      { accountId: A6, year: 2025, targetRevenue: 5_000_000, actualRevenue: 1 },
    ],
  });
});

const dashboard = async (user: TestUser, query: Record<string, string> = { region }) => {
  const res = await call(dashboardRoute.GET, { user, url: `/api/dashboard?${new URLSearchParams(query)}` });
  expect(res.status).toBe(200);
  return res.body as TDashboard;
};
const drill = (user: TestUser, metric: string, query: Record<string, string> = { region }, extra: Record<string, string> = {}) =>
  call(drillRoute.GET, { user, url: `/api/dashboard/accounts?${new URLSearchParams({ ...query, ...extra, metric })}` });
const drillIds = async (user: TestUser, metric: string, query: Record<string, string> = { region }) => {
  const res = await drill(user, metric, query, { pageSize: "500" });
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((i) => i.id).sort();
};
const sorted = (...ids: string[]) => [...ids].sort();

describe("tier dashboard", () => {
  it("counts accounts, revenue and margin in total and per effective tier (override wins), leaving archived accounts out", async () => {
    const d = await dashboard(senior);
    expect(d.scope).toBe("all");
    expect(d.totals).toEqual({ accounts: 5, keyAccounts: 4, revenue: 2_100_000, margin: 390_000, scored: 4, avgScore: 64.25 });
    const row = (id: string | null) => d.tiers.find((t) => t.tierId === id)!;
    expect(row(G)).toMatchObject({ accounts: 2, revenue: 1_500_000, margin: 300_000, avgScore: 78.5, capacity: 1, overCapacity: true, overridden: 0 });
    expect(row(S)).toMatchObject({ accounts: 2, revenue: 500_000, margin: 80_000, avgScore: 50, capacity: 5, overCapacity: false, overridden: 1 });
    expect(row(N)).toMatchObject({ accounts: 0, revenue: 0, margin: 0, overCapacity: false });
    expect(row(null)).toMatchObject({ name: "No tier", accounts: 1, revenue: 100_000, margin: 10_000 });
    expect(await drillIds(senior, `tier:${G}`)).toEqual(sorted(A1, A2));
    expect(await drillIds(senior, `tier:${S}`)).toEqual(sorted(A3, A4));
    expect(await drillIds(senior, "tier:none")).toEqual([A5]);
    expect(await drillIds(senior, "key")).toEqual(sorted(A1, A2, A3, A4));
  });

  it("spreads scores over ten bands, counts the unscored, and gives the tier thresholds", async () => {
    const d = await dashboard(senior);
    expect(d.scoreBuckets.map((b) => b.accounts)).toEqual([0, 0, 0, 0, 1, 1, 0, 1, 1, 0]);
    expect(d.unscored).toBe(1);
    expect(d.thresholds.find((t) => t.tierId === G)).toMatchObject({ minScore: 70, isKey: true });
    expect(await drillIds(senior, "score:8")).toEqual([A1]);
    expect(await drillIds(senior, "score:none")).toEqual([A5]);
  });

  it("classifies tier moves over the last 12 months from the score snapshots, and per month", async () => {
    const d = await dashboard(senior);
    expect(d.moves.summary).toEqual({ up: 1, down: 1, new: 1, dropped: 1, same: 1 });
    expect(await drillIds(senior, "move:up")).toEqual([A1]);
    expect(await drillIds(senior, "move:down")).toEqual([A3]);
    expect(await drillIds(senior, "move:new")).toEqual([A4]);
    expect(await drillIds(senior, "move:dropped")).toEqual([A5]);
    expect(d.moves.months).toHaveLength(12);
    const month = (m: string) => d.moves.months.find((x) => x.month === m);
    expect(month(monthOf(events.a1Up))?.up).toBe(1);
    expect(month(monthOf(events.a3Down))?.down).toBe(1);
    expect(month(monthOf(events.a5Dropped))?.dropped).toBe(1);
    const total = d.moves.months.reduce((n, m) => n + m.up + m.down + m.new + m.dropped, 0);
    expect(total).toBe(3);
    expect(await drillIds(senior, `moveMonth:${monthOf(events.a3Down)}:down`)).toEqual([A3]);
  });

  it("compares key accounts per manager with their limit", async () => {
    const d = await dashboard(senior);
    expect(d.managers.find((m) => m.ownerId === owner1.id)).toMatchObject({ accounts: 3, keyAccounts: 3, maxKeyAccounts: 2, overLimit: true });
    expect(d.managers.find((m) => m.ownerId === owner2.id)).toMatchObject({ accounts: 2, keyAccounts: 1, maxKeyAccounts: null, overLimit: false });
    expect(await drillIds(senior, `owner:${owner2.id}:key`)).toEqual([A4]);
    expect(await drillIds(senior, `owner:${owner2.id}:all`)).toEqual(sorted(A4, A5));
  });
});

describe("plan health", () => {
  it("counts accounts by the current traffic light of each area", async () => {
    const d = await dashboard(senior);
    const area = (a: string) => d.plans.lights.find((l) => l.area === a)!;
    expect(area("relationship")).toMatchObject({ RED: 1, AMBER: 1, GREEN: 1, NONE: 2 });
    expect(area("delivery")).toMatchObject({ RED: 0, AMBER: 1, GREEN: 0, NONE: 4 });
    expect(area("financial")).toMatchObject({ RED: 0, AMBER: 0, GREEN: 0, NONE: 5 });
    expect(await drillIds(senior, "light:relationship:GREEN")).toEqual([A1]);
    expect(await drillIds(senior, "light:relationship:RED")).toEqual([A2]);
    expect(await drillIds(senior, "light:relationship:NONE")).toEqual(sorted(A4, A5));
  });

  it("finds accounts without an approved plan and plans older than the tier's review cadence", async () => {
    const d = await dashboard(senior);
    expect(d.plans.noPlan).toBe(3);
    expect(d.plans.stalePlan).toBe(1);
    expect(await drillIds(senior, "noPlan")).toEqual(sorted(A3, A4, A5));
    expect(await drillIds(senior, "stalePlan")).toEqual([A2]);
  });

  it("counts overdue actions (open, due before today) and their age", async () => {
    const d = await dashboard(senior);
    expect(d.plans.overdueActions).toBe(3);
    expect(d.plans.accountsWithOverdue).toBe(2);
    expect(d.plans.overdueByAge.map((b) => [b.key, b.items, b.accounts])).toEqual([["1-7", 1, 1], ["8-30", 1, 1], ["31-90", 0, 0], ["91+", 1, 1]]);
    expect(await drillIds(senior, "overdue")).toEqual(sorted(A1, A3));
    expect(await drillIds(senior, "overdue:91+")).toEqual([A3]);
    const list = await drill(senior, "overdue");
    expect(list.body.items.find((i: { id: string }) => i.id === A1).detail).toMatch(/^2 overdue/);
  });
});

describe("review discipline", () => {
  it("schedules periodic reviews from the last review, else the first approved plan, else creation, by tier cadence", async () => {
    const d = await dashboard(senior);
    expect(d.reviews.periodic).toEqual({ overdue: 3, soon: 1, later: 1 });
    expect(await drillIds(senior, "periodic:overdue")).toEqual(sorted(A2, A4, A5));
    expect(await drillIds(senior, "periodic:soon")).toEqual([A1]);
    expect(await drillIds(senior, "periodic:later")).toEqual([A3]);
  });

  it("counts pending mentor reviews by age", async () => {
    const d = await dashboard(senior);
    expect(d.reviews.pendingReviews).toBe(3);
    expect(d.reviews.accountsWithPending).toBe(3);
    expect(d.reviews.oldestPendingDays).toBe(45);
    expect(d.reviews.pendingByAge.map((b) => [b.key, b.items])).toEqual([["0-7", 1], ["8-14", 0], ["15-30", 1], ["31+", 1]]);
    expect(await drillIds(senior, "pending:31+")).toEqual([A3]);
  });

  it("measures review turnaround per mentor over the last 12 months", async () => {
    const d = await dashboard(senior);
    expect(d.reviews.mentors.find((m) => m.mentorId === mentor1.id)).toMatchObject({ decided: 2, medianDays: 7, averageDays: 7, pending: 2, oldestPendingDays: 20, accounts: 3 });
    expect(d.reviews.mentors.find((m) => m.mentorId === mentor2.id)).toMatchObject({ decided: 0, medianDays: null, pending: 1, oldestPendingDays: 45, accounts: 1 });
    expect(await drillIds(senior, `mentor:${mentor1.id}`)).toEqual(sorted(A1, A2, A4));
  });
});

describe("relationship health", () => {
  it("spreads coverage scores and counts uncovered decision makers and single-threaded accounts", async () => {
    const d = await dashboard(senior);
    expect(d.relationships).toEqual({
      coverage: expect.any(Array),
      notAnalysed: 1,
      averageCoverage: 61.25,
      uncoveredDecisionMakers: 3,
      accountsWithUncovered: 2,
      singleThreaded: 2,
    });
    expect(d.relationships.coverage.map((b) => b.accounts)).toEqual([1, 0, 1, 0, 2]);
    expect(await drillIds(senior, "coverage:4")).toEqual(sorted(A1, A5));
    expect(await drillIds(senior, "coverage:none")).toEqual([A4]);
    expect(await drillIds(senior, "uncovered")).toEqual(sorted(A2, A3));
    expect(await drillIds(senior, "single")).toEqual(sorted(A2, A3));
  });
});

describe("long-term return and lifecycle", () => {
  it("sums targets and actuals per year, per tier and in total", async () => {
    const d = await dashboard(senior);
    expect(d.returns.map((y) => y.year)).toEqual([2025, 2026]);
    const y25 = d.returns[0];
    expect(y25).toMatchObject({ accounts: 3, targetRevenue: 1_600_000, actualRevenue: 1_550_000, targetMargin: 280_000, actualMargin: 280_000, missed: 2 });
    expect(y25.tiers.find((t) => t.tierId === G)).toMatchObject({ accounts: 2, targetRevenue: 1_400_000, actualRevenue: 1_400_000, missed: 1 });
    expect(y25.tiers.find((t) => t.tierId === S)).toMatchObject({ accounts: 1, targetRevenue: 200_000, actualRevenue: 150_000, targetMargin: null, missed: 1 });
    expect(d.returns[1]).toMatchObject({ accounts: 1, targetRevenue: 1_100_000, actualRevenue: null, missed: 0 });
    expect(await drillIds(senior, "year:2025")).toEqual(sorted(A1, A2, A4));
    expect(await drillIds(senior, `year:2025:tier:${G}`)).toEqual(sorted(A1, A2));
    expect(await drillIds(senior, "year:2025:missed")).toEqual(sorted(A1, A4));
  });

  it("counts accounts and revenue per lifecycle stage, in funnel order", async () => {
    const d = await dashboard(senior);
    expect(d.stages.map((s) => [s.stage, s.accounts, s.revenue])).toEqual([
      ["PRE_SALES", 2, 400_000],
      ["CONTRACT_NEGOTIATION", 0, 0],
      ["IMPLEMENTATION", 1, 500_000],
      ["REVIEW", 1, 200_000],
      ["EXPLOITATION", 1, 1_000_000],
    ]);
    expect(await drillIds(senior, "stage:PRE_SALES")).toEqual(sorted(A3, A5));
  });
});

describe("every figure drills down to exactly the accounts it counts", () => {
  it("has as many accounts behind each count as the count says", async () => {
    const d = await dashboard(senior);
    const figures: [string, number][] = [
      ["all", d.totals.accounts],
      ["key", d.totals.keyAccounts],
      ...d.tiers.map((t): [string, number] => [`tier:${t.tierId ?? "none"}`, t.accounts]),
      ...d.scoreBuckets.map((b): [string, number] => [`score:${b.key}`, b.accounts]),
      ["score:none", d.unscored],
      ...Object.entries(d.moves.summary).map(([k, n]): [string, number] => [`move:${k}`, n]),
      ...d.managers.map((m): [string, number] => [`owner:${m.ownerId}:key`, m.keyAccounts]),
      ...d.plans.lights.flatMap((l) => (["RED", "AMBER", "GREEN", "NONE"] as const).map((c): [string, number] => [`light:${l.area}:${c}`, l[c]])),
      ["noPlan", d.plans.noPlan],
      ["stalePlan", d.plans.stalePlan],
      ["overdue", d.plans.accountsWithOverdue],
      ...d.plans.overdueByAge.map((b): [string, number] => [`overdue:${b.key}`, b.accounts]),
      ...Object.entries(d.reviews.periodic).map(([k, n]): [string, number] => [`periodic:${k}`, n]),
      ["pending", d.reviews.accountsWithPending],
      ...d.reviews.pendingByAge.map((b): [string, number] => [`pending:${b.key}`, b.accounts]),
      ...d.reviews.mentors.map((m): [string, number] => [`mentor:${m.mentorId}`, m.accounts]),
      ...d.relationships.coverage.map((b): [string, number] => [`coverage:${b.key}`, b.accounts]),
      ["coverage:none", d.relationships.notAnalysed],
      ["uncovered", d.relationships.accountsWithUncovered],
      ["single", d.relationships.singleThreaded],
      ...d.returns.flatMap((y): [string, number][] => [[`year:${y.year}`, y.accounts], [`year:${y.year}:missed`, y.missed], ...y.tiers.map((t): [string, number] => [`year:${y.year}:tier:${t.tierId ?? "none"}`, t.accounts])]),
      ...d.stages.map((s): [string, number] => [`stage:${s.stage}`, s.accounts]),
      ...d.moves.months.flatMap((m) => (["up", "down", "new", "dropped"] as const).map((k): [string, number] => [`moveMonth:${m.month}:${k}`, m[k]])),
    ];
    for (const [metric, expected] of figures) {
      const res = await drill(senior, metric, { region }, { pageSize: "1" });
      expect(res.status, metric).toBe(200);
      expect(res.body.total, metric).toBe(expected);
    }
  });
});

describe("filters", () => {
  it("narrow every figure by industry, manager and tier (including 'no tier'), together", async () => {
    expect((await dashboard(senior, { region, industry: I1 })).totals.accounts).toBe(3);
    const byOwner = await dashboard(senior, { region, ownerId: owner2.id });
    expect(byOwner.totals).toMatchObject({ accounts: 2, revenue: 300_000 });
    expect(byOwner.plans.noPlan).toBe(2);
    expect(byOwner.reviews.pendingReviews).toBe(0);
    const gold = await dashboard(senior, { region, tierId: G });
    expect(gold.totals.accounts).toBe(2);
    expect(gold.plans.overdueActions).toBe(2);
    expect(gold.returns[0]).toMatchObject({ accounts: 2, targetRevenue: 1_400_000 });
    expect((await dashboard(senior, { region, tierId: "none" })).totals.accounts).toBe(1);
    expect((await dashboard(senior, { region, industry: I2, ownerId: owner1.id })).totals.accounts).toBe(1);
    expect(await drillIds(senior, "all", { region, industry: I2, ownerId: owner1.id })).toEqual([A3]);
  });

  it("refuse malformed filters and unknown figures with 422, and a signed-out caller with 401", async () => {
    const bad = await call(dashboardRoute.GET, { user: senior, url: `/api/dashboard?tierId=${"x".repeat(41)}` });
    expect(bad.status).toBe(422);
    expect(bad.body.fields).toHaveProperty("tierId");
    const unknown = await drill(senior, "light:weather:RED");
    expect(unknown.status).toBe(422);
    expect(unknown.body.fields).toHaveProperty("metric");
    expect((await call(dashboardRoute.GET, { user: null, url: "/api/dashboard" })).status).toBe(401);
  });
});

describe("scope: each role sees only its accounts", () => {
  it("gives an account manager their owned and team accounts, a mentor the accounts they mentor, others nothing", async () => {
    expect((await dashboard(owner1, {})).totals.accounts).toBe(3);
    expect((await dashboard(owner1, {})).scope).toBe("own");
    expect((await dashboard(member, {})).totals).toMatchObject({ accounts: 1, revenue: 500_000 });
    const m1 = await dashboard(mentor1, {});
    expect(m1.scope).toBe("mentored");
    expect(m1.totals.accounts).toBe(3);
    expect(m1.reviews.pendingReviews).toBe(2);
    expect((await dashboard(mentor2, {})).totals.accounts).toBe(1);
    expect((await dashboard(outsider, {})).totals.accounts).toBe(0);
    expect((await dashboard(outsiderMentor, {})).totals.accounts).toBe(0);
    expect((await dashboard(admin)).totals.accounts).toBe(5);
  });

  it("keeps drill-downs in scope too, even when a filter names another manager", async () => {
    expect(await drillIds(member, "all", {})).toEqual([A2]);
    expect(await drillIds(outsider, "all", { ownerId: owner1.id })).toEqual([]);
    expect(await drillIds(mentor2, "pending", {})).toEqual([A3]);
    expect((await dashboard(outsider, { ownerId: owner1.id })).totals.accounts).toBe(0);
  });

  it("offers as filters the regions, industries and managers of the caller's accounts only, archived ones left out", async () => {
    const options = (user: U) => getDashboardOptions({ user: user as Parameters<typeof getDashboardOptions>[0]["user"] });
    const manager = (u: U) => ({ id: u.id, name: u.name });
    expect(await options(owner1)).toMatchObject({ regions: [region], industries: [I1, I2].sort(), managers: [manager(owner1)] });
    expect(await options(member)).toMatchObject({ regions: [region], industries: [I1], managers: [manager(owner1)] });
    // mentor2 mentors A3 (I2) and the archived A6 (I1).
    expect(await options(mentor2)).toMatchObject({ regions: [region], industries: [I2], managers: [manager(owner1)] });
    expect(await options(outsider)).toMatchObject({ regions: [], industries: [], managers: [] });
    const all = await options(senior);
    expect(all.regions).toContain(region);
    expect(all.industries).toEqual(expect.arrayContaining([I1, I2]));
    expect(all.managers).toEqual(expect.arrayContaining([manager(owner1), manager(owner2)]));
    for (const list of [all.regions, all.industries, all.managers.map((m) => m.id)]) expect(new Set(list).size, "no value twice").toBe(list.length);
    expect(all.tiers.map((t) => t.id)).toEqual(expect.arrayContaining([G, S, N]));
  });

  it("matches visibleAccountsWhere for every role", async () => {
    for (const user of [owner1, owner2, member, mentor1, mentor2, senior, admin, outsider, outsiderMentor]) {
      const expected = await db.account.findMany({
        where: { AND: [visibleAccountsWhere(user as Parameters<typeof visibleAccountsWhere>[0]), { region, archivedAt: null }] },
        select: { id: true },
      });
      expect(await drillIds(user, "all"), user.role).toEqual(expected.map((a) => a.id).sort());
    }
  });
});

describe("CSV export", () => {
  it("downloads every account behind a figure as CSV, with formulas neutralised", async () => {
    const res = await drill(senior, "all", { region }, { format: "csv" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="keystone-all-accounts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (res.body as string).trim().split("\r\n");
    expect(lines[0]).toBe("Account,Key account manager,Tier,Stage,Score,Revenue this year,Margin this year,Region,Industry,Detail");
    expect(lines).toHaveLength(6);
    expect(lines.some((l) => l.startsWith("'=SUM(1)"))).toBe(true);
    expect(lines.some((l) => l.includes("(override)"))).toBe(true);
  });
});

describe("days counted where the server runs", () => {
  it("counts a review's wait from the day it was submitted in the server's time zone, as the mentor's queue does", async () => {
    // A zone whose calendar day differs from UTC's at this very moment: counting from the UTC day
    // of a submission against the local today would be a day off.
    const zone = new Date().getUTCHours() >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
    const was = process.env.TZ;
    process.env.TZ = zone;
    try {
      expect(localToday()).not.toBe(new Date().toISOString().slice(0, 10));
      // The submissions' days read in this zone (45 and 20, unless the server's own zone changed
      // its clocks in between and this zone's midnight is within that hour).
      const waited = (at: Date) => daysBetween(localDay(at), localToday());
      const d = await dashboard(senior);
      expect(d.reviews.oldestPendingDays).toBe(waited(events.pending45));
      expect(d.reviews.mentors.find((m) => m.mentorId === mentor1.id)).toMatchObject({ pending: 2, oldestPendingDays: waited(events.pending20) });
      expect(d.reviews.pendingByAge.map((b) => [b.key, b.items])).toEqual([["0-7", 1], ["8-14", 0], ["15-30", 1], ["31+", 1]]);
      const behind = (await drill(senior, "pending:31+")).body.items as { id: string; detail: string }[];
      expect(behind).toEqual([expect.objectContaining({ id: A3, detail: `1 pending, oldest waiting ${waited(events.pending45)} days` })]);
    } finally {
      if (was === undefined) delete process.env.TZ;
      else process.env.TZ = was;
    }
  });
});

describe("months counted where the server runs", () => {
  it("puts a tier move in the server's calendar month, and starts the twelve months at its local midnight", async () => {
    // UTC+14: the first hours of a local month are still the month before in UTC.
    const was = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    try {
      const here = `Months-${unique()}`;
      const thisMonth = `${localToday().slice(0, 7)}-01`;
      const localMonthStart = (monthsBack: number) => startOfLocalDay(addMonthsToDay(thisMonth, -monthsBack));
      const hoursAfter = (at: Date, h: number) => new Date(at.getTime() + h * 3_600_000);
      const early = hoursAfter(localMonthStart(3), 2); // 2 a.m. on the 1st, local
      const first = hoursAfter(localMonthStart(11), 1); // in the chart's first month, local
      expect(early.toISOString().slice(0, 7)).not.toBe(monthOf(early));
      const B = (await createAccount(db, { region: here, ownerId: owner1.id })).id;
      const C = (await createAccount(db, { region: here, ownerId: owner1.id })).id;
      const snap = (accountId: string, tierId: string, createdAt: Date) => ({ accountId, tierId, createdAt, cause: "score", modelVersion: 1, score: null });
      await db.scoreSnapshot.createMany({
        data: [snap(B, S, monthsAgo(14)), snap(B, G, early), snap(C, S, monthsAgo(14)), snap(C, G, first)],
      });
      const d = await dashboard(senior, { region: here });
      const months = d.moves.months;
      expect(months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => addMonthsToDay(thisMonth, i - 11).slice(0, 7)));
      expect(months.find((m) => m.month === monthOf(early))?.up).toBe(1);
      expect(months[0]).toMatchObject({ month: monthOf(first), up: 1 });
      expect(months.reduce((n, m) => n + m.up + m.down + m.new + m.dropped, 0)).toBe(2);
      expect(await drillIds(senior, `moveMonth:${monthOf(early)}:up`, { region: here })).toEqual([B]);
      expect(await drillIds(senior, `moveMonth:${monthOf(first)}:up`, { region: here })).toEqual([C]);
    } finally {
      if (was === undefined) delete process.env.TZ;
      else process.env.TZ = was;
    }
  });
});

describe("the dashboard's planner settings", () => {
  it("apply to its statements and end with them, so that other requests on the same connections plan as usual", async () => {
    const { queryDashboard } = await import("@/lib/dashboard/service");
    const { DASHBOARD_PLANNER_SETTINGS } = await import("@/lib/dashboard/planner");
    const { prisma, Prisma } = await import("@/lib/db");
    const read = Prisma.sql`SELECT current_setting('jit') AS jit, current_setting('work_mem') AS work_mem,
      current_setting('max_parallel_workers_per_gather') AS max_parallel_workers_per_gather`;
    const inside = await queryDashboard<Record<string, string>>(read);
    expect(inside[0]).toEqual(DASHBOARD_PLANNER_SETTINGS);
    // Every pooled connection afterwards has the server's own settings back (a leaked SET LOCAL would show).
    const after = await Promise.all(Array.from({ length: 8 }, () => prisma.$queryRaw<Record<string, string>[]>(read)));
    for (const [row] of after) expect(row.max_parallel_workers_per_gather).not.toBe("0");
  });
});
