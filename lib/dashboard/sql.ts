import "server-only";
// The dashboard's SQL, built from parts so that the figures and their drill-downs share one
// definition: `accountFactsCte` derives, per visible account, everything the dashboard counts
// (tier, score band, tier move, current lights, plan state, overdue actions, periodic review due,
// pending reviews, coverage band); the dashboard GROUPs BY these facts and a drill-down filters
// on them, so a number and the list behind it cannot disagree.
import { localDateSql, localTimestampSql, Prisma } from "@/lib/db";
import { seesAllAccounts } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { servedTierIdSql, visibleAccountsSql } from "@/lib/accounts/access";
import { LIGHT_AREAS } from "@/lib/plans/schema";
import { ACTION_AGE_BUCKETS, COVERAGE_BUCKETS, DUE_SOON_DAYS, REVIEW_AGE_BUCKETS, SCORE_BUCKETS, type TBucket, type TMetric } from "./metrics";
import type { TDashboardFilters } from "./schema";

/** The moments every figure of one request is computed against (passed in, so tests can fix them). */
export type TClock = {
  /** Now, as an ISO instant (timestamps are stored as UTC wall time). */
  now: string;
  /** Now minus 12 months. */
  yearAgo: string;
  /** The local midnight (as an ISO instant) starting the month 11 months back: the start of the monthly tier-move chart. */
  monthsStart: string;
  /** Today as YYYY-MM-DD in the app's local time (the day overdue actions are judged by). */
  today: string;
};

// Sorts on ids use COLLATE "C": byte order is all DISTINCT ON and window partitions need, and it is
// several times faster than the database's linguistic collation.
const ts = (iso: string) => Prisma.sql`${iso}::timestamp`;
const day = (iso: string) => Prisma.sql`${iso}::date`;

/**
 * The accounts the user may see (visibleAccountsWhere, in SQL), not archived, narrowed by the
 * filters. Applies to alias `a` ("Account").
 */
export function scopeWhere(user: SessionUser, filters: TDashboardFilters): Prisma.Sql {
  const conds: Prisma.Sql[] = [Prisma.sql`a."archivedAt" IS NULL`];
  if (!seesAllAccounts(user)) conds.push(visibleAccountsSql(user));
  if (filters.region) conds.push(Prisma.sql`a.region = ${filters.region}`);
  if (filters.industry) conds.push(Prisma.sql`a.industry = ${filters.industry}`);
  if (filters.ownerId) conds.push(Prisma.sql`a."ownerId" = ${filters.ownerId}`);
  if (filters.tierId === "none") conds.push(Prisma.sql`${servedTierIdSql} IS NULL`);
  else if (filters.tierId) conds.push(Prisma.sql`${servedTierIdSql} = ${filters.tierId}`);
  return Prisma.join(conds, " AND ");
}

/**
 * `s`: the scoped accounts with their effective tier (override ?? computed). NOT MATERIALIZED so
 * that each use is planned against "Account" with its statistics (a materialized CTE has none,
 * and the row estimates then multiply into plans costly enough to trigger JIT compilation).
 */
export function scopedCte(user: SessionUser, filters: TDashboardFilters): Prisma.Sql {
  return Prisma.sql`s AS NOT MATERIALIZED (
    SELECT a.id, a.name, a.region, a.industry, a.stage, a."ownerId", a."mentorId",
      a."annualRevenue"::float8 AS revenue, a."annualMargin"::float8 AS margin, a.score,
      a."coverageScore" AS coverage, a."uncoveredDecisionMakers" AS uncovered, a."singleThreaded" AS single,
      a."lastPeriodicReviewAt", a."createdAt", (a."overrideTierId" IS NOT NULL) AS overridden, a."currentLights",
      t.id AS "tierId", t.name AS "tierName", t.rank AS "tierRank", COALESCE(t."isKey", false) AS "isKey",
      COALESCE(t."reviewEveryMonths", 6) AS cadence
    FROM "Account" a LEFT JOIN "Tier" t ON t.id = ${servedTierIdSql}
    WHERE ${scopeWhere(user, filters)}
  )`;
}

/**
 * How the per-item sub-queries keep to the scoped accounts. When the caller sees every account and
 * no filter is set, they aggregate whole tables instead (the final join to `s` still drops archived
 * accounts): joining every history row to every account only to keep them all is wasted work.
 */
function scopeJoin(user: SessionUser, filters: TDashboardFilters, alias: string): Prisma.Sql {
  const unfiltered = seesAllAccounts(user) && !filters.region && !filters.industry && !filters.ownerId && !filters.tierId;
  return unfiltered ? Prisma.empty : Prisma.sql`JOIN s ON s.id = ${Prisma.raw(alias)}."accountId"`;
}

/** CASE expression putting `value` in a band of [min, max) buckets (top band closed, below the first band clamps to it). */
function rangeBucketSql(value: Prisma.Sql, buckets: readonly TBucket[]): Prisma.Sql {
  const width = buckets[0].max! - buckets[0].min;
  const last = buckets.length - 1;
  return Prisma.sql`CASE WHEN ${value} IS NULL THEN NULL ELSE LEAST(GREATEST(floor((${value} - ${Prisma.raw(String(buckets[0].min))}) / ${Prisma.raw(String(width))}), 0), ${Prisma.raw(String(last))})::int END`;
}

/** CASE expression putting a number of days in an age bucket (inclusive bounds). */
export function ageBucketSql(days: Prisma.Sql, buckets: readonly TBucket[]): Prisma.Sql {
  const whens = buckets.map((b) =>
    b.max === null
      ? Prisma.sql`WHEN ${days} >= ${Prisma.raw(String(b.min))} THEN ${b.key}`
      : Prisma.sql`WHEN ${days} BETWEEN ${Prisma.raw(String(b.min))} AND ${Prisma.raw(String(b.max))} THEN ${b.key}`,
  );
  return Prisma.sql`(CASE ${Prisma.join(whens, " ")} END)`;
}

/** SQL twin of classifyTierMove (lib/dashboard/model.ts): start and end as (isKey, rank). */
function moveSql(startKey: Prisma.Sql, startRank: Prisma.Sql, endKey: Prisma.Sql, endRank: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE
    WHEN NOT ${startKey} AND ${endKey} THEN 'new'
    WHEN ${startKey} AND NOT ${endKey} THEN 'dropped'
    WHEN NOT ${startKey} AND NOT ${endKey} THEN NULL
    WHEN ${endRank} < ${startRank} THEN 'up'
    WHEN ${endRank} > ${startRank} THEN 'down'
    ELSE 'same' END)`;
}

export const lightColumn = (i: number) => Prisma.raw(`"light${i}"`);

/**
 * The current light of an area is its latest row of the append-only history. Each row is one
 * number, milliseconds since 1970 times 4 plus a colour code, so that the greatest is the current
 * one (on an exact tie in time the worse colour wins); a database trigger keeps the greatest per
 * area in Account.currentLights. The colour is the number modulo 4.
 */
const lightColorSql = (key: Prisma.Sql) => Prisma.sql`(CASE ${key} % 4 WHEN 1 THEN 'GREEN' WHEN 2 THEN 'AMBER' WHEN 3 THEN 'RED' END)`;

/**
 * `s` and `f`: one row per scoped account with every per-account fact the dashboard counts.
 * The aggregated sub-queries join `s` so that a filtered view reads only its accounts' rows.
 * `periodicDue`: the last review is a meeting day; the first approval and the creation are
 * moments, read as the day they fell on where the app runs (as periodicSchedule does).
 */
export function accountFactsCte(user: SessionUser, filters: TDashboardFilters, clock: TClock): Prisma.Sql {
  const lightSelect = LIGHT_AREAS.map((area, i) => Prisma.sql`${lightColorSql(Prisma.sql`(s."currentLights" ->> ${area})::bigint`)} AS ${lightColumn(i)}`);
  return Prisma.sql`${scopedCte(user, filters)},
  p AS (
    SELECT v."accountId",
      max(COALESCE(v."decidedAt", v."submittedAt")) FILTER (WHERE v.status = 'APPROVED') AS "approvedAt",
      min(v."decidedAt") FILTER (WHERE v.status IN ('APPROVED', 'SUPERSEDED')) AS "firstApprovedAt"
    FROM "PlanVersion" v ${scopeJoin(user, filters, "v")}
    GROUP BY v."accountId"
  ),
  o AS (
    SELECT x."accountId", count(*)::int AS n, min(x."dueDate") AS oldest
    FROM "Action" x ${scopeJoin(user, filters, "x")}
    WHERE x.status = 'OPEN' AND x."dueDate" < ${day(clock.today)}
    GROUP BY x."accountId"
  ),
  r AS (
    SELECT x."accountId", count(*)::int AS n, min(x."submittedAt") AS oldest
    FROM "Review" x ${scopeJoin(user, filters, "x")}
    WHERE x.status = 'PENDING'
    GROUP BY x."accountId"
  ),
  st AS (
    SELECT DISTINCT ON (x."accountId" COLLATE "C") x."accountId", x."tierId"
    FROM "ScoreSnapshot" x ${scopeJoin(user, filters, "x")}
    WHERE x."createdAt" <= ${ts(clock.yearAgo)}
    ORDER BY x."accountId" COLLATE "C", x."createdAt" DESC, x.id COLLATE "C" DESC
  ),
  f0 AS (
    SELECT s.*, ${Prisma.join(lightSelect)},
      p."approvedAt", p."firstApprovedAt",
      COALESCE(o.n, 0) AS "overdueActions", o.oldest AS "oldestOverdue",
      COALESCE(r.n, 0) AS "pendingReviews", r.oldest AS "oldestPending",
      (COALESCE(s."lastPeriodicReviewAt"::date, ${localDateSql(Prisma.sql`p."firstApprovedAt"`)}, ${localDateSql(Prisma.sql`s."createdAt"`)})
        + make_interval(months => s.cadence))::date AS "periodicDue",
      stt.name AS "startTierName", COALESCE(stt."isKey", false) AS "startKey", stt.rank AS "startRank"
    FROM s
      LEFT JOIN p ON p."accountId" = s.id
      LEFT JOIN o ON o."accountId" = s.id
      LEFT JOIN r ON r."accountId" = s.id
      LEFT JOIN st ON st."accountId" = s.id
      LEFT JOIN "Tier" stt ON stt.id = st."tierId"
  ),
  f AS (
    SELECT f0.*,
      (f0."approvedAt" IS NULL) AS "noPlan",
      (f0."approvedAt" IS NOT NULL AND f0."approvedAt" + make_interval(months => f0.cadence) < ${ts(clock.now)}) AS "stalePlan",
      (CASE WHEN f0."periodicDue" < ${day(clock.today)} THEN 'overdue'
            WHEN f0."periodicDue" <= ${day(clock.today)} + ${Prisma.raw(String(DUE_SOON_DAYS))} THEN 'soon'
            ELSE 'later' END) AS "periodicStatus",
      ${moveSql(Prisma.sql`f0."startKey"`, Prisma.sql`f0."startRank"`, Prisma.sql`f0."isKey"`, Prisma.sql`f0."tierRank"`)} AS move,
      ${rangeBucketSql(Prisma.sql`f0.score`, SCORE_BUCKETS)} AS "scoreBucket",
      ${rangeBucketSql(Prisma.sql`f0.coverage`, COVERAGE_BUCKETS)} AS "coverageBucket"
    FROM f0
  )`;
}

/** Whole days an open action is past due, from its due day to today. */
export const actionAgeSql = (clock: TClock) => Prisma.sql`(${day(clock.today)} - x."dueDate")`;
/** Whole days a review has waited, from the day it was submitted to today. */
export const reviewAgeSql = (clock: TClock) => Prisma.sql`(${day(clock.today)} - ${localDateSql(Prisma.sql`x."submittedAt"`)})`;

/**
 * `ev`: tier-move events from consecutive score snapshots of the scoped accounts (needs `s`):
 * one row per account, month and kind of move in the last twelve calendar months.
 */
export function moveEventsCte(clock: TClock): Prisma.Sql {
  return Prisma.sql`sn AS (
    SELECT x."accountId", x."createdAt", x."tierId",
      LAG(x."tierId") OVER (PARTITION BY x."accountId" COLLATE "C" ORDER BY x."createdAt", x.id COLLATE "C") AS "prevTierId"
    FROM "ScoreSnapshot" x JOIN s ON s.id = x."accountId"
  ),
  ev AS (
    SELECT DISTINCT sn."accountId", date_trunc('month', ${localTimestampSql(Prisma.sql`sn."createdAt"`)}) AS month,
      ${moveSql(Prisma.sql`COALESCE(pt."isKey", false)`, Prisma.sql`pt.rank`, Prisma.sql`COALESCE(nt."isKey", false)`, Prisma.sql`nt.rank`)} AS move
    FROM sn LEFT JOIN "Tier" pt ON pt.id = sn."prevTierId" LEFT JOIN "Tier" nt ON nt.id = sn."tierId"
    WHERE sn."createdAt" >= ${ts(clock.monthsStart)} AND sn."createdAt" <= ${ts(clock.now)}
  )`;
}

/** Reviews that count toward a mentor's turnaround: decided in the last 12 months, or still pending. */
export const mentorReviewWindowSql = (clock: TClock) =>
  Prisma.sql`(x.status = 'PENDING' OR (x."decidedAt" IS NOT NULL AND x."decidedAt" >= ${ts(clock.yearAgo)} AND x."decidedAt" <= ${ts(clock.now)}))`;

/** Which CTEs a drill-down needs beyond `f`. */
export const needsMoveEvents = (m: TMetric) => m.kind === "moveMonth";

/** WHERE on `f` selecting the accounts behind a figure. */
export function metricPredicate(m: TMetric, clock: TClock): Prisma.Sql {
  switch (m.kind) {
    case "all":
      return Prisma.sql`TRUE`;
    case "key":
      return Prisma.sql`f."isKey"`;
    case "tier":
      return m.tierId === null ? Prisma.sql`f."tierId" IS NULL` : Prisma.sql`f."tierId" = ${m.tierId}`;
    case "score":
      return m.bucket === null ? Prisma.sql`f."scoreBucket" IS NULL` : Prisma.sql`f."scoreBucket" = ${m.bucket}`;
    case "coverage":
      return m.bucket === null ? Prisma.sql`f."coverageBucket" IS NULL` : Prisma.sql`f."coverageBucket" = ${m.bucket}`;
    case "move":
      return Prisma.sql`f.move = ${m.move}`;
    case "moveMonth":
      return Prisma.sql`f.id IN (SELECT ev."accountId" FROM ev WHERE ev.month = ${`${m.month}-01`}::timestamp AND ev.move = ${m.move})`;
    case "owner":
      return m.keyOnly ? Prisma.sql`f."ownerId" = ${m.ownerId} AND f."isKey"` : Prisma.sql`f."ownerId" = ${m.ownerId}`;
    case "light": {
      const col = Prisma.sql`f.${lightColumn(LIGHT_AREAS.indexOf(m.area))}`;
      return m.color === "NONE" ? Prisma.sql`${col} IS NULL` : Prisma.sql`${col} = ${m.color}`;
    }
    case "noPlan":
      return Prisma.sql`f."noPlan"`;
    case "stalePlan":
      return Prisma.sql`f."stalePlan"`;
    case "overdue":
      if (m.bucket === null) return Prisma.sql`f."overdueActions" > 0`;
      return Prisma.sql`EXISTS (SELECT 1 FROM "Action" x WHERE x."accountId" = f.id AND x.status = 'OPEN' AND x."dueDate" < ${day(clock.today)}
        AND ${ageBucketSql(actionAgeSql(clock), ACTION_AGE_BUCKETS)} = ${m.bucket})`;
    case "periodic":
      return Prisma.sql`f."periodicStatus" = ${m.status}`;
    case "pending":
      if (m.bucket === null) return Prisma.sql`f."pendingReviews" > 0`;
      return Prisma.sql`EXISTS (SELECT 1 FROM "Review" x WHERE x."accountId" = f.id AND x.status = 'PENDING'
        AND ${ageBucketSql(reviewAgeSql(clock), REVIEW_AGE_BUCKETS)} = ${m.bucket})`;
    case "mentor":
      return Prisma.sql`EXISTS (SELECT 1 FROM "Review" x WHERE x."accountId" = f.id AND x."mentorId" = ${m.mentorId} AND ${mentorReviewWindowSql(clock)})`;
    case "uncovered":
      return Prisma.sql`f.uncovered > 0`;
    case "single":
      return Prisma.sql`f.single`;
    case "year": {
      const tier = m.tierId === undefined ? Prisma.empty : m.tierId === null ? Prisma.sql`AND f."tierId" IS NULL` : Prisma.sql`AND f."tierId" = ${m.tierId}`;
      const missed = m.missed ? Prisma.sql`AND y."actualRevenue" < y."targetRevenue"` : Prisma.empty;
      return Prisma.sql`EXISTS (SELECT 1 FROM "FinancialYear" y WHERE y."accountId" = f.id AND y.year = ${m.year} ${missed}) ${tier}`;
    }
    case "stage":
      return Prisma.sql`f.stage = ${m.stage}::"Stage"`;
  }
}
