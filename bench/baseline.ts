// The baseline for `npm run bench`: the same questions each Keystone request answers, asked with
// hand-written SQL through raw `pg`, with no framework, session check or validation around them.
import type pg from "pg";

export type BenchIds = { seniorId: string; mentorId: string; mapAccountId: string; planAccountId: string; scoreAccountId: string };
type Handler = () => Promise<unknown>;

const tierJson = (alias: string) => `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'rank', ${alias}.rank, 'isKey', ${alias}."isKey") END`;

/** A statement as raw `pg` takes it. */
export type RawStatement = { text: string; values: unknown[] };

/**
 * `dashboard`: the very statements the app's dashboard runs (lib/dashboard/service.ts
 * dashboardStatements), with the same planner settings (`dashboardPool` connects with
 * lib/dashboard/planner.ts's), in parallel as the app runs them.
 */
export function baselineHandlers(pool: pg.Pool, ids: BenchIds, dashboard: { pool: pg.Pool; statements: RawStatement[] }): Record<string, Handler> {
  const rows = async (sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows;
  return {
    // The framework floor: what /api/health does (one `SELECT 1`), with nothing around it.
    "framework-floor": async () => {
      await rows(`SELECT 1`);
      return { status: "ok", database: "ok" };
    },
    "accounts-list": async () => {
      const [items, total] = await Promise.all([
        rows(`SELECT a.id, a.name, a.industry, a.region, a.stage, a."annualRevenue", a."archivedAt", a.score, a."scoredCriteria", a."updatedAt", a.version,
            json_build_object('id', o.id, 'name', o.name) AS owner,
            CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object('id', m.id, 'name', m.name) END AS mentor,
            ${tierJson("ct")} AS "computedTier", ${tierJson("ot")} AS "overrideTier"
          FROM "Account" a JOIN "User" o ON o.id = a."ownerId" LEFT JOIN "User" m ON m.id = a."mentorId"
          LEFT JOIN "Tier" ct ON ct.id = a."computedTierId" LEFT JOIN "Tier" ot ON ot.id = a."overrideTierId"
          WHERE a."archivedAt" IS NULL ORDER BY a.name ASC, a.id ASC LIMIT 25`),
        rows(`SELECT count(*)::int AS n FROM "Account" WHERE "archivedAt" IS NULL`),
      ]);
      return { items, total: total[0].n };
    },
    scorecard: async () => {
      const [account, criteria, scores, tiers] = await Promise.all([
        rows(`SELECT id, score, "scoredCriteria", "scorecardVersion", "computedTierId", "overrideTierId", "overrideReason" FROM "Account" WHERE id = $1`, [ids.scoreAccountId]),
        rows(`SELECT id, name, description, weight, "scaleLabels", "sortOrder" FROM "ScoringCriterion" WHERE active ORDER BY "sortOrder"`),
        rows(`SELECT "criterionId", value, rationale, "updatedAt" FROM "CriterionScore" WHERE "accountId" = $1`, [ids.scoreAccountId]),
        rows(`SELECT * FROM "Tier" ORDER BY rank`),
      ]);
      return { account: account[0], criteria, scores, tiers };
    },
    "relationship-map": async () => {
      const [contacts, relationships, links, team] = await Promise.all([
        rows(`SELECT * FROM "Contact" WHERE "accountId" = $1 AND "archivedAt" IS NULL`, [ids.mapAccountId]),
        rows(`SELECT * FROM "Relationship" WHERE "accountId" = $1`, [ids.mapAccountId]),
        rows(`SELECT * FROM "ContactLink" WHERE "accountId" = $1`, [ids.mapAccountId]),
        rows(`SELECT t."userId", t.role, u.name FROM "AccountTeamMember" t JOIN "User" u ON u.id = t."userId" WHERE t."accountId" = $1`, [ids.mapAccountId]),
      ]);
      return { contacts, relationships, links, team };
    },
    plan: async () => {
      const a = ids.planAccountId;
      const [plan, versions, current, actions, lights, financials, stages, team] = await Promise.all([
        rows(`SELECT * FROM "AccountPlan" WHERE "accountId" = $1`, [a]),
        rows(`SELECT id, number, status, "submittedAt", "decidedAt", "submittedById" FROM "PlanVersion" WHERE "accountId" = $1 ORDER BY number DESC`, [a]),
        rows(`SELECT v.*, (SELECT json_agg(c) FROM "Commitment" c WHERE c."planVersionId" = v.id) AS commitments FROM "PlanVersion" v WHERE "accountId" = $1 AND status = 'APPROVED' ORDER BY number DESC LIMIT 1`, [a]),
        rows(`SELECT * FROM "Action" WHERE "accountId" = $1 ORDER BY "dueDate"`, [a]),
        rows(`SELECT * FROM "TrafficLight" WHERE "accountId" = $1 ORDER BY "setAt" DESC`, [a]),
        rows(`SELECT * FROM "FinancialYear" WHERE "accountId" = $1 ORDER BY year`, [a]),
        rows(`SELECT * FROM "StageChange" WHERE "accountId" = $1 ORDER BY "changedAt" DESC`, [a]),
        rows(`SELECT t."userId", t.role, u.name FROM "AccountTeamMember" t JOIN "User" u ON u.id = t."userId" WHERE t."accountId" = $1`, [a]),
      ]);
      return { plan: plan[0], versions, current: current[0], actions, lights, financials, stages, team };
    },
    "review-queue": async () => {
      // The same question the app answers: the mentor's pending reviews (with their open threads)
      // and the periodic reviews of their accounts that are overdue or due within 30 days (from the
      // last meeting, or the first approved plan, or the account's creation).
      const [reviews, periodic] = await Promise.all([
        rows(
          `SELECT r.id, r."subjectType", r.status, r."submittedAt", r."planVersionId", v.number AS "versionNumber",
             a.id AS "accountId", a.name AS "accountName", a.score, COALESCE(ot.name, ct.name) AS tier,
             r."subjectSnapshot"->>'title' AS title, r."subjectSnapshot"->>'decisionDate' AS "decisionDate",
             rq.name AS "requestedBy", (SELECT count(*)::int FROM "Comment" c WHERE c."reviewId" = r.id AND c."parentId" IS NULL AND c."resolvedAt" IS NULL) AS "openThreads"
           FROM "Review" r JOIN "Account" a ON a.id = r."accountId" JOIN "User" rq ON rq.id = r."requestedById"
           LEFT JOIN "PlanVersion" v ON v.id = r."planVersionId"
           LEFT JOIN "Tier" ct ON ct.id = a."computedTierId" LEFT JOIN "Tier" ot ON ot.id = a."overrideTierId"
           WHERE a."mentorId" = $1 AND a."archivedAt" IS NULL AND r.status = 'PENDING' AND (v.id IS NULL OR v.status = 'SUBMITTED')
           ORDER BY r."submittedAt" ASC LIMIT 200`,
          [ids.mentorId],
        ),
        rows(
          `SELECT * FROM (
             SELECT a.id, a.name, a.score, t.name AS tier, a."lastPeriodicReviewAt", fa.first,
               (COALESCE(a."lastPeriodicReviewAt", fa.first, a."createdAt")::date + make_interval(months => COALESCE(NULLIF(t."reviewEveryMonths", 0), 6)))::date AS due
             FROM "Account" a
             CROSS JOIN LATERAL (SELECT CASE WHEN a."lastPeriodicReviewAt" IS NULL THEN
               (SELECT min(v."decidedAt") FROM "PlanVersion" v WHERE v."accountId" = a.id AND v.status IN ('APPROVED', 'SUPERSEDED')) END AS first) fa
             LEFT JOIN "Tier" t ON t.id = COALESCE(a."overrideTierId", a."computedTierId")
             WHERE a."mentorId" = $1 AND a."archivedAt" IS NULL) d
           WHERE due <= CURRENT_DATE + 30 ORDER BY due, id LIMIT 200`,
          [ids.mentorId],
        ),
      ]);
      return { reviews, periodic };
    },
    dashboard: async () => {
      const [tiers, ...results] = await Promise.all([
        rows(`SELECT id, name, rank, "isKey", "minScore", capacity, "reviewEveryMonths" FROM "Tier" ORDER BY rank`),
        ...dashboard.statements.map(async (st) => (await dashboard.pool.query(st.text, st.values)).rows),
      ]);
      return { tiers, results };
    },
  };
}
