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
  {
    const admin = new pg.Client({ connectionString: Object.assign(new URL(benchUrl), { pathname: "/postgres" }).toString() });
    await admin.connect();
    const name = new URL(benchUrl).pathname.slice(1);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
  }
  await applyMigrations(benchUrl);
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
