#!/usr/bin/env node
// `npm test`: the whole suite. Unit tests, integration tests on real PostgreSQL, end-to-end tests
// in Chromium. Each run makes its own databases and drops them; demo and user data are untouched.
// PostgreSQL: the server behind DATABASE_URL, or (DATABASE_URL unset) the embedded one.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { demoTemplateOf, newE2eDatabaseName } from "./e2e-db.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const log = (m) => console.log(`\x1b[36m[test]\x1b[0m ${m}`);
const only = process.argv.slice(2); // e.g. `npm test -- unit integration`
const want = (part) => only.length === 0 || only.includes(part);

// The end-to-end tests need a browser: without one, say so before anything runs (Playwright would
// otherwise fail each of them, one by one, after the other parts and the build).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (want("e2e") && !existsSync(chromium)) {
  log(`Chromium is not at ${chromium}: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to its path.`);
  log("Without a browser, `npm test -- unit integration` runs the other parts.");
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
let stopDb = async () => {};
if (!env.DATABASE_URL) {
  const { startEmbeddedPostgres } = await import("./embedded-db.mjs");
  const db = await startEmbeddedPostgres({ database: "postgres", log, reuseRunning: true });
  env.DATABASE_URL = db.url;
  stopDb = db.stop;
}
env.KEYSTONE_TEST_SERVER_URL = env.DATABASE_URL;

const results = [];
function run(name, cmd, args, jsonFile, count) {
  log(`${name} …`);
  rmSync(jsonFile, { force: true });
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile } });
  let passed = 0;
  let failed = r.status === 0 ? 0 : 1;
  if (existsSync(jsonFile)) {
    ({ passed, failed } = count(JSON.parse(readFileSync(jsonFile, "utf8"))));
    if (r.status !== 0 && failed === 0) failed = 1;
  }
  results.push({ name, status: r.status ?? 1, passed, failed });
}

const bin = (n) => path.join("node_modules", ".bin", n);
const vitestCount = (j) => ({ passed: j.numPassedTests ?? 0, failed: (j.numFailedTests ?? 0) + (j.numFailedTestSuites ?? 0) });
const pwCount = (j) => ({ passed: j.stats?.expected ?? 0, failed: (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0) });

try {
  if (want("unit") || want("integration")) {
    const projects = ["unit", "integration"].filter(want).flatMap((p) => ["--project", p]);
    run("unit + integration (vitest)", bin("vitest"), ["run", ...projects, "--reporter=default", "--reporter=json", "--outputFile.json=.test-reports/vitest.json"], ".test-reports/vitest.json", vitestCount);
  }
  if (want("e2e")) {
    // The e2e server makes this database (and its template); we drop them afterwards even if the server was killed.
    const e2eDb = newE2eDatabaseName();
    env.E2E_DATABASE_NAME = e2eDb;
    try {
      run("end-to-end (Playwright, Chromium)", bin("playwright"), ["test", "--reporter=list,json"], ".test-reports/playwright.json", pwCount);
    } finally {
      const { default: pg } = await import("pg");
      const c = new pg.Client({ connectionString: Object.assign(new URL(env.DATABASE_URL), { pathname: "/postgres" }).toString() });
      await c.connect();
      for (const db of [e2eDb, demoTemplateOf(e2eDb)]) await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch(() => {});
      await c.end();
    }
  }
} finally {
  await stopDb();
}

const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
for (const r of results) log(`${r.name}: ${r.passed} passed, ${r.failed} failed (exit ${r.status})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.status === 0) ? 0 : 1);
