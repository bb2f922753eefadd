// `npm run seed:large`: the large data set for benchmarks and for seeing the dashboards at scale,
// built into DATABASE_URL on top of the demo data (so the demo people can sign in and see it):
// 10,000 accounts, 150,000 customer people, 1,000,000 relationships, 50,000 plan versions and
// 20,000 mentor reviews, with scores, tiers and their history, traffic lights, actions, periodic
// reviews and yearly targets and actuals.
//
// Built set-wise in SQL (INSERT ... SELECT over generate_series; see prisma/seed-large/), in ONE
// transaction: it is either all there or not at all. Safe to rerun: when it is already built it
// says so and stops; two runs at once wait for each other (advisory lock).
import pg from "pg";
import bcrypt from "bcryptjs";
import { applyMigrations } from "../scripts/db/migrations";
import { createPrisma } from "./client";
import { seedDemo } from "./seed";
import { ACCOUNTS, portfolioSteps } from "./seed-large/portfolio";
import { activitySteps } from "./seed-large/activity";
import { analyseRelationships, type MapContact, type MapRelationship } from "../lib/relationships/model";

const MARKER = "system.largeSeeded";
const LOCK_KEY = 7_314_159;
const log = (m: string) => console.log(`[seed:large] ${m}`);

/** Tiers to grade by when the database has none yet (the selection model's defaults). */
const FALLBACK_TIERS = [
  { name: "Gold", rank: 1, minScore: 75, isKey: true, reviewEveryMonths: 3, contactEveryDays: 14 },
  { name: "Silver", rank: 2, minScore: 60, isKey: true, reviewEveryMonths: 6, contactEveryDays: 30 },
  { name: "Bronze", rank: 3, minScore: 45, isKey: true, reviewEveryMonths: 12, contactEveryDays: 60 },
  { name: "Not a key account", rank: 4, minScore: 0, isKey: false, reviewEveryMonths: 12, contactEveryDays: 90 },
];

async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await fn();
  log(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * The relationship cache on each account (coverage score, uncovered decision makers,
 * single-threaded), computed by the relationship analysis itself (lib/relationships/model.ts),
 * 500 accounts at a time, and written back with one UPDATE per batch.
 */
async function cacheRelationshipAnalysis(db: pg.Client) {
  const tiers = new Map((await db.query<{ id: string; contactEveryDays: number }>(`SELECT id, "contactEveryDays" FROM "Tier"`)).rows.map((t) => [t.id, t.contactEveryDays]));
  const now = new Date();
  const batch = 500;
  for (let from = 1; from <= ACCOUNTS; from += batch) {
    const lo = `lgA${String(from).padStart(5, "0")}`;
    const hi = `lgA${String(Math.min(ACCOUNTS, from + batch - 1)).padStart(5, "0")}`;
    // One client, so one query at a time.
    const accounts = await db.query<{ id: string; members: string[]; tierId: string | null }>(
        `SELECT t."accountId" AS id, t.members, COALESCE(x."overrideTierId", x."computedTierId") AS "tierId"
         FROM lg_team t JOIN "Account" x ON x.id = t."accountId" WHERE t."accountId" BETWEEN $1 AND $2`, [lo, hi]);
    const contacts = await db.query<MapContact & { accountId: string }>(
        `SELECT id, "accountId", name, "jobTitle", department, site, seniority, "reportsToId", "decisionRole", influence, attitude, "attitudeConfidence"
         FROM "Contact" WHERE "accountId" BETWEEN $1 AND $2`, [lo, hi]);
    const rels = await db.query<MapRelationship & { accountId: string }>(
        `SELECT id, "accountId", "userId", "contactId", strength, "currentLevel", "targetLevel", "lastInteractionAt"
         FROM "Relationship" WHERE "accountId" BETWEEN $1 AND $2`, [lo, hi]);
    const group = <T extends { accountId: string }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) (m.get(r.accountId) ?? m.set(r.accountId, []).get(r.accountId)!).push(r);
      return m;
    };
    const byAccountContacts = group(contacts.rows);
    const byAccountRels = group(rels.rows);
    const ids: string[] = [], scores: (number | null)[] = [], uncovered: number[] = [], single: boolean[] = [];
    for (const a of accounts.rows) {
      const { summary } = analyseRelationships({
        contacts: byAccountContacts.get(a.id) ?? [],
        teamMembers: a.members.map((id) => ({ id, name: id })),
        relationships: byAccountRels.get(a.id) ?? [],
        quietAfterDays: a.tierId ? tiers.get(a.tierId) ?? null : null,
        now,
      });
      ids.push(a.id);
      scores.push(summary.coverageScore);
      uncovered.push(summary.uncoveredDecisionMakers);
      single.push(summary.singleThreaded);
    }
    await db.query(
      `UPDATE "Account" x SET "coverageScore" = u.c, "uncoveredDecisionMakers" = u.d, "singleThreaded" = u.s
       FROM unnest($1::text[], $2::float8[], $3::int[], $4::bool[]) AS u(id, c, d, s) WHERE x.id = u.id`,
      [ids, scores, uncovered, single],
    );
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: say which database to build the large data set into");
  const started = Date.now();
  await applyMigrations(url);
  const prisma = createPrisma(url);
  try {
    await seedDemo(prisma, log);
    if ((await prisma.tier.count()) === 0) {
      log("no tiers yet: creating Gold, Silver, Bronze and 'Not a key account'");
      await prisma.tier.createMany({ data: FALLBACK_TIERS });
    }
  } finally {
    await prisma.$disconnect();
  }

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(`SELECT pg_advisory_lock($1)`, [LOCK_KEY]);
    const done = await db.query(`SELECT 1 FROM "AuditEvent" WHERE action = $1 LIMIT 1`, [MARKER]);
    if (done.rowCount) {
      log("the large data set is already built in this database: nothing to do");
      return;
    }
    const leftover = await db.query(`SELECT 1 FROM "Account" WHERE id = 'lgA00001'`);
    if (leftover.rowCount) throw new Error("Large-seed accounts exist without the completion marker; refusing to add more. Drop the database and start again.");

    const passwordHash = await bcrypt.hash("keystone-demo", 10);
    await db.query("BEGIN");
    // One transaction of a few million rows: no need to wait for the disk at every statement.
    await db.query("SET LOCAL synchronous_commit = off");
    for (const step of [...portfolioSteps({ passwordHash }), ...activitySteps()]) {
      await timed(step.name, () => db.query(step.sql));
    }
    await timed("relationship analysis", () => cacheRelationshipAnalysis(db));
    await timed("capacity and limits", () =>
      db.query(`
        -- Capacities sized to this portfolio, so that some tiers are over and some under what they promise.
        UPDATE "Tier" t SET capacity = CASE WHEN t."isKey" THEN GREATEST(1, round(c.n * (0.8 + 0.1 * t.rank)))::int END
        FROM (SELECT COALESCE(x."overrideTierId", x."computedTierId") AS tid, count(*) AS n FROM "Account" x WHERE x."archivedAt" IS NULL GROUP BY 1) c
        WHERE c.tid = t.id;`),
    );
    await db.query(`INSERT INTO "AuditEvent" (id, action, "entityType", "entityId", after) VALUES ('lgMarker', $1, 'System', 'large', $2)`, [
      MARKER,
      JSON.stringify({ accounts: ACCOUNTS, builtAt: new Date().toISOString() }),
    ]);
    await timed("commit", () => db.query("COMMIT"));
    // The bulk load updates rows several times over (triggers, caches): reclaim the dead rows and set
    // the visibility map, as autovacuum would on a live database, so that reads see a settled table.
    await timed("vacuum and analyze", () => db.query("VACUUM (ANALYZE)"));
    const counts = await db.query(`SELECT
      (SELECT count(*) FROM "Account" WHERE id LIKE 'lgA%') AS accounts, (SELECT count(*) FROM "Contact" WHERE id LIKE 'lgC%') AS people,
      (SELECT count(*) FROM "Relationship" WHERE id LIKE 'lgR%') AS relationships, (SELECT count(*) FROM "PlanVersion" WHERE id LIKE 'lgP%') AS versions,
      (SELECT count(*) FROM "Review" WHERE id LIKE 'lgV%') AS reviews`);
    log(`built ${JSON.stringify(counts.rows[0])} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } catch (e) {
    await db.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await db.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
