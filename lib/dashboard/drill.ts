import "server-only";
// Drill-down: the accounts behind one figure of the dashboard, filtered on the same per-account
// facts the figure was counted from (lib/dashboard/sql.ts), paged, or whole for a CSV export.
import { localDateSql, prisma, Prisma } from "@/lib/db";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { parseMetric, type TMetric } from "./metrics";
import { describeMetric, toCsv, type TCsvColumn } from "./model";
import type { TDashboardFilters, TDrillQuery } from "./schema";
import { accountFactsCte, metricPredicate, moveEventsCte, needsMoveEvents, type TClock } from "./sql";
import { makeClock, queryDashboard, scopeOf } from "./service";
import type { TDrillList, TDrillRow } from "./view";
import { STAGE_LABELS } from "@/lib/accounts/stages";

/** Most rows a CSV export carries (the whole large portfolio fits). */
export const CSV_ROW_LIMIT = 50_000;

const money = (col: Prisma.Sql) => Prisma.sql`to_char(${col}, 'FM999G999G999G990')`;

/** What each account contributes to the figure, as a short text, and the order that makes the list useful. */
function detailAndOrder(m: TMetric, clock: TClock): { detail: Prisma.Sql; order: Prisma.Sql } {
  const byScore = Prisma.sql`f.score DESC NULLS LAST, f.name, f.id`;
  switch (m.kind) {
    case "overdue":
      return {
        detail: Prisma.sql`f."overdueActions" || ' overdue, oldest due ' || to_char(f."oldestOverdue", 'DD Mon YYYY')`,
        order: Prisma.sql`f."oldestOverdue" ASC NULLS LAST, f.name, f.id`,
      };
    case "periodic":
      return { detail: Prisma.sql`'due ' || to_char(f."periodicDue", 'DD Mon YYYY')`, order: Prisma.sql`f."periodicDue", f.name, f.id` };
    case "pending":
      return {
        detail: Prisma.sql`f."pendingReviews" || ' pending, oldest waiting ' || (${clock.today}::date - ${localDateSql(Prisma.sql`f."oldestPending"`)}) || ' days'`,
        order: Prisma.sql`f."oldestPending" ASC NULLS LAST, f.name, f.id`,
      };
    case "mentor":
      return {
        detail: Prisma.sql`(SELECT count(*) FILTER (WHERE x.status = 'PENDING') || ' pending, ' || count(*) FILTER (WHERE x.status <> 'PENDING') || ' decided'
          FROM "Review" x WHERE x."accountId" = f.id AND x."mentorId" = ${m.mentorId})`,
        order: Prisma.sql`f.name, f.id`,
      };
    case "noPlan":
    case "stalePlan":
      return {
        detail: Prisma.sql`CASE WHEN f."approvedAt" IS NULL THEN 'no approved version' ELSE 'approved ' || to_char(f."approvedAt", 'DD Mon YYYY') || ', review every ' || f.cadence || ' months' END`,
        order: Prisma.sql`f."approvedAt" ASC NULLS FIRST, f.name, f.id`,
      };
    case "coverage":
    case "single":
      return { detail: Prisma.sql`'coverage ' || COALESCE(round(f.coverage::numeric)::text, 'not analysed')`, order: Prisma.sql`f.coverage ASC NULLS FIRST, f.name, f.id` };
    case "uncovered":
      return { detail: Prisma.sql`f.uncovered || ' decision makers uncovered'`, order: Prisma.sql`f.uncovered DESC, f.name, f.id` };
    case "move":
    case "moveMonth":
      return { detail: Prisma.sql`COALESCE(f."startTierName", 'no tier') || ' → ' || COALESCE(f."tierName", 'no tier') || ' (12 months ago → now)'`, order: byScore };
    case "year": {
      return {
        detail: Prisma.sql`(SELECT 'revenue ' || COALESCE(${money(Prisma.sql`y."actualRevenue"`)}, '—') || ' of target ' || COALESCE(${money(Prisma.sql`y."targetRevenue"`)}, '—')
          FROM "FinancialYear" y WHERE y."accountId" = f.id AND y.year = ${m.year})`,
        order: Prisma.sql`(SELECT y."actualRevenue" - y."targetRevenue" FROM "FinancialYear" y WHERE y."accountId" = f.id AND y.year = ${m.year}) ASC NULLS LAST, f.name, f.id`,
      };
    }
    case "light":
      return {
        detail: Prisma.sql`(SELECT x.reason || ' (set ' || to_char(x."setAt", 'DD Mon YYYY') || ')' FROM "TrafficLight" x WHERE x."accountId" = f.id AND x.area = ${m.area} ORDER BY x."setAt" DESC, CASE x.color WHEN 'RED' THEN 3 WHEN 'AMBER' THEN 2 ELSE 1 END DESC LIMIT 1)`,
        order: Prisma.sql`f.revenue DESC, f.name, f.id`,
      };
    case "owner":
      return { detail: Prisma.sql`CASE WHEN f."isKey" THEN 'key account' ELSE NULL END`, order: byScore };
    default:
      return { detail: Prisma.sql`NULL::text`, order: m.kind === "stage" ? Prisma.sql`f.revenue DESC, f.name, f.id` : byScore };
  }
}

async function metricTitle(m: TMetric): Promise<string> {
  const tierIds = [m.kind === "tier" ? m.tierId : null, m.kind === "year" ? m.tierId ?? null : null].filter((x): x is string => Boolean(x));
  const userIds = [m.kind === "owner" ? m.ownerId : null, m.kind === "mentor" ? m.mentorId : null].filter((x): x is string => Boolean(x));
  const [tiers, users] = await Promise.all([
    tierIds.length ? prisma.tier.findMany({ where: { id: { in: tierIds } }, select: { id: true, name: true } }) : [],
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
  ]);
  return describeMetric(m, { tiers: Object.fromEntries(tiers.map((t) => [t.id, t.name])), users: Object.fromEntries(users.map((u) => [u.id, u.name])) });
}

type TRowSql = TDrillRow & { total: number };

async function queryRows(opts: { user: SessionUser; filters: TDashboardFilters; metric: TMetric; clock: TClock; limit: number; offset: number }): Promise<TRowSql[]> {
  const { user, filters, metric, clock, limit, offset } = opts;
  const { detail, order } = detailAndOrder(metric, clock);
  const events = needsMoveEvents(metric) ? Prisma.sql`, ${moveEventsCte(clock)}` : Prisma.empty;
  return queryDashboard<TRowSql>(Prisma.sql`WITH ${accountFactsCte(user, filters, clock)}${events}
    SELECT f.id, f.name, u.name AS "ownerName", f."tierName", f.overridden, f.stage::text AS stage, f.score, f.revenue, f.margin,
      f.region, f.industry, ${detail} AS detail, count(*) OVER ()::int AS total
    FROM f JOIN "User" u ON u.id = f."ownerId"
    WHERE ${metricPredicate(metric, clock)}
    ORDER BY ${order}
    LIMIT ${limit} OFFSET ${offset}`);
}

function parse(metricKey: string): TMetric {
  const metric = parseMetric(metricKey);
  if (!metric) throw new ValidationError({ metric: "Unknown figure" });
  return metric;
}

/** One page of the accounts behind a figure, with the figure's title. */
export async function listDashboardAccounts(opts: { user: SessionUser; query: TDrillQuery; now?: Date }): Promise<TDrillList> {
  const { user, query } = opts;
  if (!can(user, "dashboard:view")) throw new ForbiddenError();
  const metric = parse(query.metric);
  const { metric: _m, page, pageSize, format: _f, ...filters } = query;
  const clock = makeClock(opts.now);
  const [rows, title] = await Promise.all([
    queryRows({ user, filters, metric, clock, limit: pageSize, offset: (page - 1) * pageSize }),
    metricTitle(metric),
  ]);
  // A page past the end has no rows to carry the total: count again from the first page.
  const total = rows[0]?.total ?? (page > 1 ? (await queryRows({ user, filters, metric, clock, limit: 1, offset: 0 }))[0]?.total ?? 0 : 0);
  return { metric: query.metric, title, scope: scopeOf(user), filters, total, page, pageSize, items: rows.map(({ total: _t, ...r }) => r) };
}

const CSV_COLUMNS: TCsvColumn<TDrillRow>[] = [
  { header: "Account", value: (r) => r.name },
  { header: "Key account manager", value: (r) => r.ownerName },
  { header: "Tier", value: (r) => (r.tierName ? `${r.tierName}${r.overridden ? " (override)" : ""}` : "") },
  { header: "Stage", value: (r) => STAGE_LABELS[r.stage] },
  { header: "Score", value: (r) => (r.score === null ? null : Math.round(r.score * 10) / 10) },
  { header: "Revenue this year", value: (r) => r.revenue },
  { header: "Margin this year", value: (r) => r.margin },
  { header: "Region", value: (r) => r.region },
  { header: "Industry", value: (r) => r.industry },
  { header: "Detail", value: (r) => r.detail },
];

/** Every account behind a figure, as CSV (with the figure's title for the file name). */
export async function exportDashboardAccounts(opts: { user: SessionUser; query: TDrillQuery; now?: Date }): Promise<{ title: string; csv: string; today: string }> {
  const { user, query } = opts;
  if (!can(user, "dashboard:view")) throw new ForbiddenError();
  const metric = parse(query.metric);
  const { metric: _m, page: _p, pageSize: _s, format: _f, ...filters } = query;
  const clock = makeClock(opts.now);
  const [rows, title] = await Promise.all([queryRows({ user, filters, metric, clock, limit: CSV_ROW_LIMIT, offset: 0 }), metricTitle(metric)]);
  return { title, csv: toCsv(rows, CSV_COLUMNS), today: clock.today };
}
