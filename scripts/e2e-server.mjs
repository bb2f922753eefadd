#!/usr/bin/env node
// Playwright's web server: a database of its own for this run (created, migrated, seeded with the
// demo data, dropped on exit), a production build, and `next start` on E2E_PORT. A copy of the
// freshly seeded database, `<name>_demo`, is the template each test file starts from
// (freshDemoData in tests/e2e/helpers.ts), so no file sees what an earlier one changed.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { productionStartArgs } from "./build-state.mjs";
import { demoTemplateOf, e2eDatabaseStartedAt, newE2eDatabaseName } from "./e2e-db.mjs";

const port = process.env.E2E_PORT ?? "3200";
const server = new URL(process.env.KEYSTONE_TEST_SERVER_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const name = process.env.E2E_DATABASE_NAME ?? newE2eDatabaseName();
const template = demoTemplateOf(name);
const dbUrl = (db) => Object.assign(new URL(server.toString()), { pathname: `/${db}` }).toString();
const bin = (n) => path.join("node_modules", ".bin", n);
const log = (m) => console.log(`[e2e-server] ${m}`);

async function admin(sql) {
  const c = new pg.Client({ connectionString: dbUrl("postgres") });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// Databases of earlier runs that were killed before they could clean up (the name carries the
// start time, and so does its template's): drop those older than two hours. A name set by hand
// (E2E_DATABASE_NAME) whose suffix is no such time, "keystone_e2e_x1" say, belongs to whoever set
// it and is left alone.
{
  const c = new pg.Client({ connectionString: dbUrl("postgres") });
  await c.connect();
  const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'keystone_e2e_%'`);
  await c.end();
  for (const { datname } of rows) {
    const started = e2eDatabaseStartedAt(datname);
    if (datname !== name && datname !== template && started !== null && Date.now() - started > 2 * 3600_000) {
      await admin(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
  }
}
const dropBoth = async () => {
  for (const db of [name, template]) await admin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch(() => {});
};
await dropBoth();
await admin(`CREATE DATABASE "${name}"`);
const env = {
  ...process.env,
  DATABASE_URL: dbUrl(name),
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production",
  NEXT_TELEMETRY_DISABLED: "1",
  // Sign-in throttling stays on, with limits that many test sign-ins from one address don't hit.
  LOGIN_MAX_FAILURES_PER_ADDRESS: "1000",
};
const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
};
let app;
async function cleanup() {
  app?.kill("SIGTERM");
  await dropBoth();
  process.exit(0);
}
process.on("SIGINT", cleanup);
process.on("SIGTERM", cleanup);
try {
  step(bin("tsx"), ["scripts/db/migrate.ts"]);
  step(bin("tsx"), ["prisma/seed.ts"]);
  // Nothing is connected to the new database now, as copying it requires.
  await admin(`CREATE DATABASE "${template}" TEMPLATE "${name}"`);
  if (process.env.E2E_SKIP_BUILD !== "1") {
    log("building …");
    step(bin("next"), ["build"]);
  }
} catch (e) {
  log(String(e));
  await cleanup();
}
// As `npm start` runs it.
app = spawn(bin("next"), productionStartArgs(port), { stdio: "inherit", env });
app.on("exit", async (code) => {
  await dropBoth();
  process.exit(code ?? 0);
});
