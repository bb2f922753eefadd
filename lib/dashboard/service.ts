import "server-only";
// The portfolio dashboard: every figure computed by aggregation in PostgreSQL over the accounts the
// caller may see (never by loading accounts into JavaScript). One statement derives the
// per-account facts and aggregates them; a few more aggregate the per-item figures (actions,
// reviews, financial years, score snapshots). They run in parallel.
import { localDateSql, prisma, Prisma, readRows } from "@/lib/db";
import { can, seesAllAccounts } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { BusyError, ForbiddenError } from "@/lib/errors";
import { addMonthsToMoment, localToday, startOfLocalDay } from "@/lib/days";
import { LIGHT_AREAS, LIGHT_AREA_LABELS, type TLightArea } from "@/lib/plans/schema";
import { STAGES, STAGE_LABELS, type StageName } from "@/lib/accounts/stages";
import { ACTION_AGE_BUCKETS, COVERAGE_BUCKETS, MOVE_KINDS, PERIODIC_STATUSES, REVIEW_AGE_BUCKETS, SCORE_BUCKETS, type TMoveKind, type TPeriodicStatus } from "./metrics";
import { lastTwelveMonths } from "./model";
import type { TDashboardFilters } from "./schema";
import { DASHBOARD_PLANNER_SETTINGS } from "./planner";
import { accountFactsCte, actionAgeSql, ageBucketSql, lightColumn, mentorReviewWindowSql, moveEventsCte, reviewAgeSql, scopedCte, type TClock } from "./sql";
import type { TAgeBucket, TDashboard, TDashboardOptions, TMentorTurnaround, TMoney4, TReturnRow, TReturnYear, TScope, TTierRow } from "./view";

const setPlannerSettings = Prisma.sql`SELECT ${Prisma.join(
  Object.entries(DASHBOARD_PLANNER_SETTINGS).map(([name, value]) => Prisma.sql`set_config(${name}, ${value}, true)`),
)}`;

/**
 * Runs one dashboard statement with planner settings of its own (lib/dashboard/planner.ts), in a
 * transaction so that they end with it: set together by one statement before it.
 */
export async function queryDashboard<T>(sql: Prisma.Sql): Promise<T[]> {
  const [, rows] = await prisma.$transaction([prisma.$queryRaw(setPlannerSettings), prisma.$queryRaw<T[]>(sql)]);
  return rows;
}

export function makeClock(now: Date = new Date()): TClock {
  const today = localToday(now);
  // Months, like days, are the server's (TZ): the chart's first month starts at its local midnight.
  const monthsStart = startOfLocalDay(`${lastTwelveMonths(today)[0]}-01`);
  return { now: now.toISOString(), yearAgo: addMonthsToMoment(now, -12).toISOString(), monthsStart: monthsStart.toISOString(), today };
}

export function scopeOf(user: SessionUser): TScope {
  if (seesAllAccounts(user)) return "all";
  return user.role === "MENTOR" ? "mentored" : "own";
}

function assertMayView(user: SessionUser) {
  if (!can(user, "dashboard:view")) throw new ForbiddenError();
}

type TFacts = {
  totals: TDashboard["totals"];
  tiers: { tierId: string | null; accounts: number; revenue: number; margin: number; avgScore: number | null; overridden: number }[];
  scoreBuckets: { bucket: number | null; accounts: number }[];
  moves: { move: TMoveKind | null; accounts: number }[];
  owners: { ownerId: string; name: string; maxKeyAccounts: number | null; accounts: number; keyAccounts: number }[];
  lights: { area: TLightArea; color: "RED" | "AMBER" | "GREEN" | null; accounts: number }[];
  plans: { noPlan: number; stalePlan: number; overdueActions: number; accountsWithOverdue: number };
  periodic: { status: TPeriodicStatus; accounts: number }[];
  pending: { reviews: number; accounts: number; oldestDays: number | null };
  coverage: { bucket: number | null; accounts: number }[];
  relationships: { averageCoverage: number | null; uncoveredDecisionMakers: number; accountsWithUncovered: number; singleThreaded: number };
  stages: { stage: StageName; accounts: number; revenue: number }[];
};

const jsonList = (inner: Prisma.Sql) => Prisma.sql`(SELECT COALESCE(json_agg(x), '[]'::json) FROM (${inner}) x)`;

/** Every per-account figure, in one statement over the facts CTE (exported for EXPLAIN in the benchmark). */
export function dashboardFactsSql(user: SessionUser, filters: TDashboardFilters, clock: TClock): Prisma.Sql {
  const lightValues = Prisma.join(LIGHT_AREAS.map((area, i) => Prisma.sql`(${area}, f.${lightColumn(i)})`));
  return Prisma.sql`WITH ${accountFactsCte(user, filters, clock)}
    SELECT json_build_object(
      'totals', (SELECT json_build_object('accounts', count(*), 'keyAccounts', count(*) FILTER (WHERE "isKey"),
          'revenue', COALESCE(sum(revenue), 0), 'margin', COALESCE(sum(margin), 0), 'scored', count(score), 'avgScore', avg(score)) FROM f),
      'tiers', ${jsonList(Prisma.sql`SELECT "tierId", count(*) AS accounts, sum(revenue) AS revenue, sum(margin) AS margin, avg(score) AS "avgScore",
          count(*) FILTER (WHERE overridden) AS overridden FROM f GROUP BY "tierId"`)},
      'scoreBuckets', ${jsonList(Prisma.sql`SELECT "scoreBucket" AS bucket, count(*) AS accounts FROM f GROUP BY 1`)},
      'moves', ${jsonList(Prisma.sql`SELECT move, count(*) AS accounts FROM f GROUP BY 1`)},
      'owners', ${jsonList(Prisma.sql`SELECT g."ownerId", u.name, u."maxKeyAccounts", g.accounts, g."keyAccounts"
          FROM (SELECT "ownerId", count(*) AS accounts, count(*) FILTER (WHERE "isKey") AS "keyAccounts" FROM f GROUP BY 1) g
          JOIN "User" u ON u.id = g."ownerId"`)},
      'lights', ${jsonList(Prisma.sql`SELECT v.area, v.color, count(*) AS accounts FROM f CROSS JOIN LATERAL (VALUES ${lightValues}) AS v(area, color) GROUP BY 1, 2`)},
      'plans', (SELECT json_build_object('noPlan', count(*) FILTER (WHERE "noPlan"), 'stalePlan', count(*) FILTER (WHERE "stalePlan"),
          'overdueActions', COALESCE(sum("overdueActions"), 0), 'accountsWithOverdue', count(*) FILTER (WHERE "overdueActions" > 0)) FROM f),
      'periodic', ${jsonList(Prisma.sql`SELECT "periodicStatus" AS status, count(*) AS accounts FROM f GROUP BY 1`)},
      'pending', (SELECT json_build_object('reviews', COALESCE(sum("pendingReviews"), 0), 'accounts', count(*) FILTER (WHERE "pendingReviews" > 0),
          'oldestDays', ${clock.today}::date - ${localDateSql(Prisma.sql`min("oldestPending")`)}) FROM f),
      'coverage', ${jsonList(Prisma.sql`SELECT "coverageBucket" AS bucket, count(*) AS accounts FROM f GROUP BY 1`)},
      'relationships', (SELECT json_build_object('averageCoverage', avg(coverage), 'uncoveredDecisionMakers', COALESCE(sum(uncovered), 0),
          'accountsWithUncovered', count(*) FILTER (WHERE uncovered > 0), 'singleThreaded', count(*) FILTER (WHERE single)) FROM f),
      'stages', ${jsonList(Prisma.sql`SELECT stage, count(*) AS accounts, COALESCE(sum(revenue), 0) AS revenue FROM f GROUP BY 1`)}
    ) AS data`;
}

async function queryFacts(user: SessionUser, filters: TDashboardFilters, clock: TClock): Promise<TFacts> {
  const rows = await queryDashboard<{ data: TFacts }>(dashboardFactsSql(user, filters, clock));
  return rows[0].data;
}

/** Overdue actions and pending reviews, by age. */
function agesSql(user: SessionUser, filters: TDashboardFilters, clock: TClock): Prisma.Sql {
  const actionBucket = ageBucketSql(actionAgeSql(clock), ACTION_AGE_BUCKETS);
  const reviewBucket = ageBucketSql(reviewAgeSql(clock), REVIEW_AGE_BUCKETS);
  return Prisma.sql`WITH ${scopedCte(user, filters)}
    SELECT 'action' AS kind, ${actionBucket} AS bucket, count(*)::int AS items, count(DISTINCT x."accountId")::int AS accounts
      FROM "Action" x JOIN s ON s.id = x."accountId"
      WHERE x.status = 'OPEN' AND x."dueDate" < ${clock.today}::date GROUP BY 2
    UNION ALL
    SELECT 'review', ${reviewBucket}, count(*)::int, count(DISTINCT x."accountId")::int
      FROM "Review" x JOIN s ON s.id = x."accountId"
      WHERE x.status = 'PENDING' GROUP BY 2`;
}

async function queryAges(user: SessionUser, filters: TDashboardFilters, clock: TClock) {
  const rows = await queryDashboard<{ kind: "action" | "review"; bucket: string; items: number; accounts: number }>(agesSql(user, filters, clock));
  const fill = (kind: "action" | "review", buckets: typeof ACTION_AGE_BUCKETS): TAgeBucket[] =>
    buckets.map((b) => {
      const r = rows.find((x) => x.kind === kind && x.bucket === b.key);
      return { key: b.key, label: b.label, items: r?.items ?? 0, accounts: r?.accounts ?? 0 };
    });
  return { overdueByAge: fill("action", ACTION_AGE_BUCKETS), pendingByAge: fill("review", REVIEW_AGE_BUCKETS) };
}

/** Review turnaround per mentor: decided in the last 12 months (days from submission to verdict), and what still waits. */
function mentorsSql(user: SessionUser, filters: TDashboardFilters, clock: TClock): Prisma.Sql {
  const decided = Prisma.sql`x.status <> 'PENDING' AND x."decidedAt" IS NOT NULL AND x."decidedAt" >= ${clock.yearAgo}::timestamp AND x."decidedAt" <= ${clock.now}::timestamp`;
  const days = Prisma.sql`(extract(epoch FROM x."decidedAt" - x."submittedAt") / 86400.0)`;
  return Prisma.sql`WITH ${scopedCte(user, filters)}
    SELECT x."mentorId", u.name,
      count(*) FILTER (WHERE ${decided})::int AS decided,
      round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${decided}))::numeric, 1)::float8 AS "medianDays",
      round((avg(${days}) FILTER (WHERE ${decided}))::numeric, 1)::float8 AS "averageDays",
      count(*) FILTER (WHERE x.status = 'PENDING')::int AS pending,
      (${clock.today}::date - ${localDateSql(Prisma.sql`min(x."submittedAt") FILTER (WHERE x.status = 'PENDING')`)}) AS "oldestPendingDays",
      count(DISTINCT x."accountId")::int AS accounts
    FROM "Review" x JOIN s ON s.id = x."accountId" JOIN "User" u ON u.id = x."mentorId"
    WHERE ${mentorReviewWindowSql(clock)}
    GROUP BY x."mentorId", u.name
    ORDER BY u.name`;
}

async function queryMentors(user: SessionUser, filters: TDashboardFilters, clock: TClock): Promise<TMentorTurnaround[]> {
  return queryDashboard<TMentorTurnaround>(mentorsSql(user, filters, clock));
}

type TReturnSql = TMoney4 & { year: number; tierId: string | null; total: boolean; accounts: number; missed: number };

/** Revenue and margin against targets per year, per tier and in total (GROUPING SETS). */
function returnsSql(user: SessionUser, filters: TDashboardFilters): Prisma.Sql {
  return Prisma.sql`WITH ${scopedCte(user, filters)}
    SELECT y.year, s."tierId", (GROUPING(s."tierId") = 1) AS total, count(*)::int AS accounts, -- one row per account and year
      sum(y."targetRevenue")::float8 AS "targetRevenue", sum(y."actualRevenue")::float8 AS "actualRevenue",
      sum(y."targetMargin")::float8 AS "targetMargin", sum(y."actualMargin")::float8 AS "actualMargin",
      count(*) FILTER (WHERE y."actualRevenue" < y."targetRevenue")::int AS missed
    FROM "FinancialYear" y JOIN s ON s.id = y."accountId"
    GROUP BY GROUPING SETS ((y.year, s."tierId"), (y.year))
    ORDER BY y.year`;
}

async function queryReturns(user: SessionUser, filters: TDashboardFilters): Promise<TReturnSql[]> {
  return queryDashboard<TReturnSql>(returnsSql(user, filters));
}

function returnsByYear(rows: TReturnSql[], tiers: { id: string; name: string; rank: number }[]): TReturnYear[] {
  const money = (r: TMoney4): TMoney4 => ({ targetRevenue: r.targetRevenue, actualRevenue: r.actualRevenue, targetMargin: r.targetMargin, actualMargin: r.actualMargin });
  const rank = (id: string | null) => tiers.find((t) => t.id === id)?.rank ?? Number.MAX_SAFE_INTEGER;
  return rows
    .filter((r) => r.total)
    .map((y) => ({
      year: y.year,
      accounts: y.accounts,
      missed: y.missed,
      ...money(y),
      tiers: rows
        .filter((r) => !r.total && r.year === y.year)
        .map((r): TReturnRow => ({ tierId: r.tierId, name: r.tierId === null ? "No tier" : tiers.find((t) => t.id === r.tierId)?.name ?? "Unknown tier", accounts: r.accounts, missed: r.missed, ...money(r) }))
        .sort((a, b) => rank(a.tierId) - rank(b.tierId)),
    }));
}

/** Accounts moving tier, per calendar month of the last twelve. */
function moveMonthsSql(user: SessionUser, filters: TDashboardFilters, clock: TClock): Prisma.Sql {
  return Prisma.sql`WITH ${scopedCte(user, filters)}, ${moveEventsCte(clock)}
    SELECT to_char(month, 'YYYY-MM') AS month, move, count(*)::int AS accounts FROM ev WHERE move IN ('up', 'down', 'new', 'dropped') GROUP BY ev.month, move`; // ev is already distinct per account, month and move
}

async function queryMoveMonths(user: SessionUser, filters: TDashboardFilters, clock: TClock) {
  return queryDashboard<{ month: string; move: TMoveKind; accounts: number }>(moveMonthsSql(user, filters, clock));
}

/** The statements behind getDashboard, for the benchmark's raw-`pg` baseline (the same SQL, no framework). */
export function dashboardStatements(user: SessionUser, filters: TDashboardFilters, clock: TClock): Prisma.Sql[] {
  return [dashboardFactsSql(user, filters, clock), agesSql(user, filters, clock), mentorsSql(user, filters, clock), returnsSql(user, filters), moveMonthsSql(user, filters, clock)];
}

/**
 * A bulkhead: each dashboard runs its statements side by side on several pooled connections, so
 * only so many are computed at once; the rest wait here, holding no connection, instead of
 * taking the whole pool and starving every other request (which would then time out with 503).
 */
const DASHBOARD_SLOTS = Math.max(1, Number(process.env.DASHBOARD_CONCURRENCY ?? 1));
const DASHBOARD_MAX_WAIT_MS = 30_000;
let dashboardsRunning = 0;
const dashboardQueue: (() => void)[] = [];
async function inDashboardSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (dashboardsRunning >= DASHBOARD_SLOTS) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        dashboardQueue.splice(dashboardQueue.indexOf(go), 1);
        reject(new BusyError("Keystone is very busy computing dashboards. Please try again in a moment."));
      }, DASHBOARD_MAX_WAIT_MS);
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      dashboardQueue.push(go);
    });
  } else dashboardsRunning++;
  try {
    return await fn();
  } finally {
    const next = dashboardQueue.shift();
    if (next) next(); // the slot passes straight on
    else dashboardsRunning--;
  }
}

/** Every figure of the dashboard for the accounts the caller may see, narrowed by the filters. */
export async function getDashboard(opts: { user: SessionUser; filters: TDashboardFilters; now?: Date }): Promise<TDashboard> {
  const { user, filters } = opts;
  assertMayView(user);
  const clock = makeClock(opts.now);
  const [facts, ages, mentors, returns, moveMonths, tiers] = await inDashboardSlot(() => Promise.all([
    queryFacts(user, filters, clock),
    queryAges(user, filters, clock),
    queryMentors(user, filters, clock),
    queryReturns(user, filters),
    queryMoveMonths(user, filters, clock),
    prisma.tier.findMany({
      select: { id: true, name: true, rank: true, isKey: true, minScore: true, capacity: true, reviewEveryMonths: true },
      orderBy: { rank: "asc" },
    }),
  ]));
  const num = (v: number | string | null | undefined) => (v === null || v === undefined ? 0 : Number(v));
  const nullableNum = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));

  // The tier table lists every tier (capacity matters even when empty) and "no tier" when it has accounts.
  const tierRows: TTierRow[] = tiers.map((t) => {
    const g = facts.tiers.find((x) => x.tierId === t.id);
    const accounts = num(g?.accounts);
    return {
      tierId: t.id, name: t.name, rank: t.rank, isKey: t.isKey, minScore: t.minScore, capacity: t.capacity, reviewEveryMonths: t.reviewEveryMonths,
      accounts, revenue: num(g?.revenue), margin: num(g?.margin), avgScore: nullableNum(g?.avgScore), overridden: num(g?.overridden),
      overCapacity: t.capacity !== null && accounts > t.capacity,
    };
  });
  const untiered = facts.tiers.find((x) => x.tierId === null);
  if (untiered) {
    tierRows.push({
      tierId: null, name: "No tier", rank: null, isKey: false, minScore: null, capacity: null, reviewEveryMonths: null,
      accounts: num(untiered.accounts), revenue: num(untiered.revenue), margin: num(untiered.margin), avgScore: null, overridden: 0, overCapacity: false,
    });
  }

  const moveSummary = Object.fromEntries(MOVE_KINDS.map((k) => [k, num(facts.moves.find((m) => m.move === k)?.accounts)])) as Record<TMoveKind, number>;
  const months = lastTwelveMonths(clock.today).map((month) => {
    const at = (move: TMoveKind) => moveMonths.find((m) => m.month === month && m.move === move)?.accounts ?? 0;
    return { month, up: at("up"), down: at("down"), new: at("new"), dropped: at("dropped") };
  });

  return {
    generatedAt: clock.now,
    today: clock.today,
    scope: scopeOf(user),
    filters,
    totals: {
      accounts: num(facts.totals.accounts), keyAccounts: num(facts.totals.keyAccounts), revenue: num(facts.totals.revenue),
      margin: num(facts.totals.margin), scored: num(facts.totals.scored), avgScore: nullableNum(facts.totals.avgScore),
    },
    tiers: tierRows,
    scoreBuckets: SCORE_BUCKETS.map((b, i) => ({ key: b.key, label: b.label, accounts: num(facts.scoreBuckets.find((x) => x.bucket === i)?.accounts) })),
    unscored: num(facts.scoreBuckets.find((x) => x.bucket === null)?.accounts),
    thresholds: tiers.map((t) => ({ tierId: t.id, name: t.name, minScore: t.minScore, isKey: t.isKey })),
    moves: { summary: moveSummary, months },
    managers: facts.owners
      .map((o) => ({ ownerId: o.ownerId, name: o.name, accounts: num(o.accounts), keyAccounts: num(o.keyAccounts), maxKeyAccounts: o.maxKeyAccounts, overLimit: o.maxKeyAccounts !== null && num(o.keyAccounts) > o.maxKeyAccounts }))
      .sort((a, b) => b.keyAccounts - a.keyAccounts || a.name.localeCompare(b.name)),
    plans: {
      lights: LIGHT_AREAS.map((area) => {
        const n = (color: "RED" | "AMBER" | "GREEN" | null) => num(facts.lights.find((l) => l.area === area && l.color === color)?.accounts);
        return { area, label: LIGHT_AREA_LABELS[area], RED: n("RED"), AMBER: n("AMBER"), GREEN: n("GREEN"), NONE: n(null) };
      }),
      noPlan: num(facts.plans.noPlan),
      stalePlan: num(facts.plans.stalePlan),
      overdueActions: num(facts.plans.overdueActions),
      accountsWithOverdue: num(facts.plans.accountsWithOverdue),
      overdueByAge: ages.overdueByAge,
    },
    reviews: {
      periodic: Object.fromEntries(PERIODIC_STATUSES.map((s) => [s, num(facts.periodic.find((p) => p.status === s)?.accounts)])) as Record<TPeriodicStatus, number>,
      pendingReviews: num(facts.pending.reviews),
      accountsWithPending: num(facts.pending.accounts),
      oldestPendingDays: nullableNum(facts.pending.oldestDays),
      pendingByAge: ages.pendingByAge,
      mentors: mentors.map((m) => ({ ...m, oldestPendingDays: nullableNum(m.oldestPendingDays) })),
    },
    relationships: {
      coverage: COVERAGE_BUCKETS.map((b, i) => ({ key: b.key, label: b.label, accounts: num(facts.coverage.find((x) => x.bucket === i)?.accounts) })),
      notAnalysed: num(facts.coverage.find((x) => x.bucket === null)?.accounts),
      averageCoverage: nullableNum(facts.relationships.averageCoverage),
      uncoveredDecisionMakers: num(facts.relationships.uncoveredDecisionMakers),
      accountsWithUncovered: num(facts.relationships.accountsWithUncovered),
      singleThreaded: num(facts.relationships.singleThreaded),
    },
    returns: returnsByYear(returns, tiers),
    stages: STAGES.map((stage) => {
      const g = facts.stages.find((x) => x.stage === stage);
      return { stage, label: STAGE_LABELS[stage], accounts: num(g?.accounts), revenue: num(g?.revenue) };
    }),
  };
}

/** Filter choices: regions, industries and managers among the accounts the caller may see; every tier. */
export async function getDashboardOptions(opts: { user: SessionUser }): Promise<TDashboardOptions> {
  const { user } = opts;
  assertMayView(user);
  const [facets, tiers] = await Promise.all([
    // One pass over the accounts with a group per facet. Three passes (DISTINCT … UNION ALL) made
    // the planner start parallel workers, which on the large data set took 66-78 ms against 8-11.
    readRows<{ kind: string; value: string; label: string }>(Prisma.sql`WITH ${scopedCte(user, {})},
      g AS (SELECT region, industry, "ownerId", GROUPING(region) AS r, GROUPING(industry) AS i FROM s
        GROUP BY GROUPING SETS ((region), (industry), ("ownerId")))
      SELECT CASE WHEN g.r = 0 THEN 'region' WHEN g.i = 0 THEN 'industry' ELSE 'manager' END AS kind,
        CASE WHEN g.r = 0 THEN g.region WHEN g.i = 0 THEN g.industry ELSE g."ownerId" END AS value,
        CASE WHEN g.r = 0 THEN g.region WHEN g.i = 0 THEN g.industry ELSE u.name END AS label
      FROM g LEFT JOIN "User" u ON g.r = 1 AND g.i = 1 AND u.id = g."ownerId"
      ORDER BY 1, 3`),
    prisma.tier.findMany({ select: { id: true, name: true }, orderBy: { rank: "asc" } }),
  ]);
  const of = (kind: string) => facets.filter((f) => f.kind === kind);
  return {
    regions: of("region").map((f) => f.value),
    industries: of("industry").map((f) => f.value),
    managers: of("manager").map((f) => ({ id: f.value, name: f.label })),
    tiers,
  };
}
