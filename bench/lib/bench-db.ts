// The large data set the benchmarks measure on: BENCH_DATABASE_URL, or `keystone_bench` on the
// DATABASE_URL server (the embedded PostgreSQL when DATABASE_URL is unset), migrated, built with
// `npm run seed:large` when it holds fewer than 10,000 accounts, and vacuumed. Shared by
// `npm run bench` and `npm run bench:pages`.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { applyMigrations } from "../../scripts/db/migrations";

export async function openBenchDatabase(log: (m: string) => void): Promise<{ benchUrl: string; pool: pg.Pool; counts: Record<string, number>; stopDb: () => Promise<void> }> {
  let stopDb = async () => {};
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const { startEmbeddedPostgres } = await import("../../scripts/embedded-db.mjs");
    const db = await startEmbeddedPostgres({ database: "postgres", log, reuseRunning: true });
    serverUrl = db.url;
    stopDb = db.stop;
  }
  const benchUrl = process.env.BENCH_DATABASE_URL ?? Object.assign(new URL(serverUrl), { pathname: "/keystone_bench" }).toString();
  await applyMigrations(benchUrl); // creates the database first when the server has none of that name
  const pool = new pg.Pool({ connectionString: benchUrl, max: 10 });
  const accounts = Number((await pool.query(`SELECT count(*)::int AS n FROM "Account"`)).rows[0].n);
  if (accounts < 10_000) {
    log(`building the large data set (${accounts} accounts now) …`);
    const r = spawnSync("node_modules/.bin/tsx", ["prisma/seed-large.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: benchUrl } });
    if (r.status !== 0) throw new Error("seed:large failed");
  }
  // A settled database, as autovacuum keeps a live one (quick when nothing changed since last time).
  await pool.query("VACUUM (ANALYZE)");
  const counts = (await pool.query(`SELECT
    (SELECT count(*) FROM "Account")::int AS accounts, (SELECT count(*) FROM "Contact")::int AS contacts,
    (SELECT count(*) FROM "Relationship")::int AS relationships, (SELECT count(*) FROM "PlanVersion")::int AS "planVersions",
    (SELECT count(*) FROM "Review")::int AS reviews`)).rows[0];
  log(`data: ${JSON.stringify(counts)}`);
  return { benchUrl, pool, counts, stopDb };
}

/** The password the benchmarks sign in with (set on the users they open pages and requests as). */
export const BENCH_PASSWORD = "keystone-bench";

/** Sets BENCH_PASSWORD on these users (by email), so that a benchmark can sign in as them. */
export async function giveBenchPassword(db: pg.Pool | pg.Client, emails: string[]) {
  const { default: bcrypt } = await import("bcryptjs");
  await db.query(`UPDATE "User" SET "passwordHash" = $1 WHERE email = ANY($2)`, [await bcrypt.hash(BENCH_PASSWORD, 10), emails]);
}

/**
 * Who and what the benchmarks open on the large data set: the first senior manager and
 * administrator, the mentor with the most waiting reviews, the account manager with the most
 * accounts; the account with the most relationships, plan versions and scores, and the review
 * with the most comments. Those users get BENCH_PASSWORD.
 */
export async function benchSubjects(pool: pg.Pool) {
  const one = async (sql: string) => {
    const row = (await pool.query(sql)).rows[0];
    if (!row) throw new Error(`the large data set has nothing for: ${sql}`);
    return row as { id: string; email: string; n: number };
  };
  const [senior, admin, mentor, manager, bigMap, planned, scored, review] = await Promise.all([
    one(`SELECT id, email FROM "User" WHERE role = 'SENIOR_MANAGER' AND active ORDER BY "createdAt" LIMIT 1`),
    one(`SELECT id, email FROM "User" WHERE role = 'ADMIN' AND active ORDER BY "createdAt" LIMIT 1`),
    one(`SELECT u.id, u.email FROM "User" u JOIN "Review" r ON r."mentorId" = u.id AND r.status = 'PENDING'
      WHERE u.role = 'MENTOR' AND u.active GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`),
    one(`SELECT u.id, u.email FROM "User" u JOIN "Account" a ON a."ownerId" = u.id AND a."archivedAt" IS NULL
      WHERE u.role = 'ACCOUNT_MANAGER' AND u.active GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`),
    one(`SELECT "accountId" AS id, count(*)::int AS n FROM "Relationship" GROUP BY "accountId" ORDER BY n DESC LIMIT 1`),
    one(`SELECT "accountId" AS id FROM "PlanVersion" GROUP BY "accountId" ORDER BY count(*) DESC LIMIT 1`),
    one(`SELECT "accountId" AS id FROM "CriterionScore" GROUP BY "accountId" ORDER BY count(*) DESC LIMIT 1`),
    one(`SELECT r.id FROM "Review" r JOIN "Comment" c ON c."reviewId" = r.id GROUP BY r.id ORDER BY count(*) DESC LIMIT 1`),
  ]);
  await giveBenchPassword(pool, [senior.email, admin.email, mentor.email, manager.email]);
  return { senior, admin, mentor, manager, bigMap, planned: planned.id, scored: scored.id, review: review.id };
}
