// `npm run bench`: builds or reuses the large data set (npm run seed:large) in its own database,
// starts the production build on it, and measures the main requests at concurrency 1 and 20
// against a baseline answered in the same run by raw `pg` in a bare Node HTTP server, in a process
// of its own as the app is (same data, same questions, no framework). Writes
// bench/results/bench.json and prints a table.
// Target: every request within 2x of its baseline at concurrency 20, with no errors; the run ends
// with PASS or FAIL for it (bench/lib/stats.ts) and exits 1 on FAIL.
// Options: --requests N (timed per side at concurrency 20, default 1200; at concurrency 1 at most
// 100; the dashboard a tenth), --rebuild (force a fresh next build), --only a,b (just these requests,
// by their names with dashes, e.g. --only framework-floor,scorecard; the results file is then
// bench/results/bench-only.json, so a partial run never replaces the full one), --local-node (both
// servers on the Node that runs the script, instead of the production image's).
import { fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import { BENCH_PASSWORD, benchSubjects, openBenchDatabase } from "./lib/bench-db";
import { ensureBuild, startServer } from "./lib/server";
import { signInCookie } from "./lib/session";
import type { BenchIds } from "./baseline";
import { arg, rerunUnderReactServer } from "./lib/cli";
import { cpuMsOfTree, machineBusyMs } from "./lib/cpu";
import { FLOOR, quantileMs, ratio, roundRatios, verdict, withinTarget } from "./lib/stats";
import { majorOf, nodeMajorOfDockerfile, productionNode } from "../scripts/production-node.mjs";

// Both servers run on the Node the production image runs (the Dockerfile's), fetched once from the
// npm registry when this machine has another (scripts/production-node.mjs): Next.js's fixed cost per
// request depends on it. --local-node measures on this machine's Node instead.
if (!process.env.KEYSTONE_BENCH_CHILD) {
  const prod = process.argv.includes("--local-node") ? null : productionNode();
  let runtime = "this machine's (--local-node)";
  if (prod && prod.bin === null) runtime = `this machine's, not the production image's Node ${prod.major ?? "?"}: ${prod.reason}`;
  else if (prod?.fetched) runtime = `the production image's (the Dockerfile's node:${prod.major}), from the npm registry; this machine's is ${process.version}`;
  else if (prod) runtime = `the production image's major (the Dockerfile's node:${prod.major}), this machine's own`;
  // The dashboard baseline builds its SQL with the app's own builders (server-only modules).
  rerunUnderReactServer(import.meta.url, { node: prod?.bin ?? undefined, env: { KEYSTONE_BENCH_RUNTIME: runtime } });
}
const RUNTIME = process.env.KEYSTONE_BENCH_RUNTIME ?? "this machine's";
// Whatever chose it: is the Node measuring the production image's major?
const ON_PRODUCTION_NODE = nodeMajorOfDockerfile(readFileSync("Dockerfile", "utf8")) === majorOf(process.version);

const REQUESTS = arg("requests", 1200);
const log = (m: string) => console.log(`[bench] ${m}`);
log(`${availableParallelism()} cores: the server, the baseline, PostgreSQL and this load generator share them`);
log(`Node ${process.version} for both servers: ${RUNTIME}`);

// 1. The bench database (bench/lib/bench-db.ts).
const { benchUrl, pool, counts, stopDb } = await openBenchDatabase(log);

// 2. Who and what to ask for: a senior manager sees everything; the mentor with the most pending reviews.
const { senior, mentor, bigMap, planned, scored } = await benchSubjects(pool);
const ids: BenchIds = { seniorId: senior.id, mentorId: mentor.id, mapAccountId: bigMap.id, planAccountId: planned, scoreAccountId: scored };
log(`relationship map account has ${bigMap.n} relationships`);

// 3. The app (production build) and the baseline server, side by side.
ensureBuild(process.argv.includes("--rebuild"));
const app = await startServer({ port: 3600, databaseUrl: benchUrl });
const seniorCookie = await signInCookie(app.base, senior.email, BENCH_PASSWORD);
const mentorCookie = await signInCookie(app.base, mentor.email, BENCH_PASSWORD);
process.env.DATABASE_URL = benchUrl; // lib/db is imported (never queried) with the SQL builders
const { dashboardStatements, makeClock } = await import("../lib/dashboard/service");
const statements = dashboardStatements({ id: senior.id, email: senior.email, name: "bench", role: "SENIOR_MANAGER" }, {} as never, makeClock()).map((st) => ({
  text: st.text,
  values: st.values,
}));
// The baseline runs in a process of its own, as the app does (bench/baseline-server.ts).
const baseline = fork(fileURLToPath(new URL("./baseline-server.ts", import.meta.url)), { execArgv: process.execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
await new Promise<void>((resolve, reject) => {
  baseline.once("message", () => resolve());
  baseline.once("exit", (code) => reject(new Error(`the baseline server stopped (${code})`)));
  baseline.send({ databaseUrl: benchUrl, ids, statements, port: 3601 });
});

type Endpoint = { name: string; path: string; cookie: string | null };
const ENDPOINTS: Endpoint[] = [
  // Not a request of its own: the cheapest route there is (no session, one `SELECT 1`) against the
  // same in the bare server, which shows the fixed cost of the framework on this machine.
  { name: FLOOR, path: "/api/health", cookie: null },
  { name: "accounts list", path: "/api/accounts?page=1&pageSize=25&sort=name&dir=asc", cookie: seniorCookie },
  { name: "scorecard", path: `/api/accounts/${ids.scoreAccountId}/scorecard`, cookie: seniorCookie },
  { name: "relationship map", path: `/api/accounts/${ids.mapAccountId}/relationship-map`, cookie: seniorCookie },
  { name: "plan", path: `/api/accounts/${ids.planAccountId}/plan`, cookie: seniorCookie },
  { name: "review queue", path: "/api/reviews?assignedTo=me&status=PENDING", cookie: mentorCookie },
  { name: "dashboard", path: "/api/dashboard", cookie: seniorCookie },
];

const onlyAt = process.argv.indexOf("--only");
const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1].split(",")) : null;
const unknown = [...(only ?? [])].filter((n) => !ENDPOINTS.some((e) => e.name.replace(/ /g, "-") === n));
if (unknown.length) throw new Error(`--only: no request named ${unknown.join(", ")} (${ENDPOINTS.map((e) => e.name.replace(/ /g, "-")).join(", ")})`);

const ROUNDS = 3;

/** Times `count` requests to `url` at `concurrency`; returns each one's latency and the errors. */
async function timeRequests(url: string, cookie: string | null, concurrency: number, count: number) {
  // Both sides send the same uncompressed bytes: compression is the transport's choice (the app
  // gzips for browsers that ask), not part of the work being compared.
  const headers: Record<string, string> = { "accept-encoding": "identity", ...(cookie ? { cookie } : {}) };
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const start = performance.now();
        const res = await fetch(url, { headers }).catch(() => null);
        await res?.arrayBuffer();
        times.push(performance.now() - start);
        if (!res || res.status !== 200) errors++;
      }
    }),
  );
  return { times, errors };
}

/**
 * The app and its baseline at one concurrency, `total` timed requests each. First both warm up
 * with as many requests as are timed: the JIT has compiled the hot paths and every pooled
 * connection is open (a short warm-up times the app's larger body of code still half cold). Then
 * the timed requests go in ROUNDS rounds that alternate app, baseline, app, baseline…, so a slow
 * spell of a shared machine falls on both sides alike instead of on whichever ran then.
 * Warm-up errors count too.
 */
async function measurePair(app: Side, raw: Side, concurrency: number, total: number) {
  const sides = [app, raw];
  const results = sides.map(() => ({ times: [] as number[], rounds: [] as number[][], errors: 0, cpuMs: 0 as number | null, machineMs: 0 as number | null }));
  for (const [i, side] of sides.entries()) results[i].errors += (await timeRequests(side.url, side.cookie, concurrency, total)).errors;
  const perRound = Math.max(1, Math.ceil(total / ROUNDS));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, side] of sides.entries()) {
      // The server's own CPU time while it answers this round (only its side runs meanwhile), and
      // the whole machine's: the server, PostgreSQL and this load generator together.
      const before = cpuMsOfTree(side.pid);
      const machineBefore = machineBusyMs();
      const r = await timeRequests(side.url, side.cookie, concurrency, perRound);
      const after = cpuMsOfTree(side.pid);
      const machineAfter = machineBusyMs();
      const spent = results[i].cpuMs;
      results[i].cpuMs = spent === null || before === null || after === null ? null : spent + after - before;
      const machine = results[i].machineMs;
      results[i].machineMs = machine === null || machineBefore === null || machineAfter === null ? null : machine + machineAfter - machineBefore;
      results[i].times.push(...r.times);
      results[i].rounds.push(r.times);
      results[i].errors += r.errors;
    }
  }
  return results.map(({ times, rounds, errors, cpuMs, machineMs }) => {
    const perRequest = (ms: number | null) => (ms === null ? null : Math.round((ms / times.length) * 100) / 100);
    return { median: quantileMs(times, 0.5), p95: quantileMs(times, 0.95), rounds, errors, cpuMsPerRequest: perRequest(cpuMs), machineCpuMsPerRequest: perRequest(machineMs) };
  });
}
type Side = { url: string; cookie: string | null; pid: number | undefined };

const rows = [];
for (const e of ENDPOINTS.filter((e) => !only || only.has(e.name.replace(/ /g, "-")))) {
  const key = e.name.replace(/ /g, "-");
  const row: Record<string, unknown> = { request: e.name };
  for (const c of [1, 20]) {
    // The dashboard takes a quarter of a second even alone: it gets a tenth as many (at least 30).
    const scale = e.name === "dashboard" ? 0.1 : 1;
    const n = Math.max(30, Math.round((c === 1 ? Math.min(100, REQUESTS) : REQUESTS) * scale));
    const [a, b] = await measurePair({ url: app.base + e.path, cookie: e.cookie, pid: app.proc.pid }, { url: `http://127.0.0.1:3601/${key}`, cookie: null, pid: baseline.pid }, c, n);
    Object.assign(row, {
      [`c${c} app median ms`]: a.median,
      [`c${c} app p95 ms`]: a.p95,
      [`c${c} raw median ms`]: b.median,
      [`c${c} raw p95 ms`]: b.p95,
      [`c${c} ratio`]: ratio(a.median, b.median),
      [`c${c} errors`]: a.errors + b.errors,
      [`c${c} requests`]: n,
    });
    // Server CPU per request (Linux only): steadier than latency on a machine whose speed drifts.
    if (c === 20) {
      Object.assign(row, {
        // The same ratio in each round alone: how much one run's verdict owes to the moment.
        "c20 ratio by round": roundRatios(a.rounds, b.rounds),
        "c20 app cpu ms/request": a.cpuMsPerRequest,
        "c20 raw cpu ms/request": b.cpuMsPerRequest,
        "c20 cpu ratio": a.cpuMsPerRequest !== null && b.cpuMsPerRequest ? Math.round((a.cpuMsPerRequest / b.cpuMsPerRequest) * 100) / 100 : null,
        // What bounds each side at concurrency 20: a server answers at most one request per its
        // CPU ms on its one thread, the machine at most one per (machine CPU ms / cores).
        "c20 app machine cpu ms/request": a.machineCpuMsPerRequest,
        "c20 raw machine cpu ms/request": b.machineCpuMsPerRequest,
      });
    }
  }
  // The floor is a reference (the framework's fixed cost), not a request judged by the target.
  row["within 2x at c20"] = e.name === FLOOR ? null : withinTarget(row["c20 ratio"] as number) && row["c20 errors"] === 0;
  rows.push(row);
  log(`${e.name}: ${JSON.stringify(row)}`);
}

await app.stop();
baseline.disconnect();
await pool.end();
await stopDb();
mkdirSync("bench/results", { recursive: true });
writeFileSync(only ? "bench/results/bench-only.json" : "bench/results/bench.json", JSON.stringify({ when: new Date().toISOString(), cores: availableParallelism(), node: process.version, runtime: RUNTIME, onProductionNode: ON_PRODUCTION_NODE, data: counts, requests: REQUESTS, rows }, null, 2));
console.table(rows.map((r) => ({ request: r.request, "c1 app": r["c1 app median ms"], "c1 raw": r["c1 raw median ms"], "c20 app p50": r["c20 app median ms"], "c20 app p95": r["c20 app p95 ms"], "c20 raw p50": r["c20 raw median ms"], "c20 ratio": r["c20 ratio"], "c20 ratio by round": (r["c20 ratio by round"] as number[]).join(" · "), "c20 cpu/req app": r["c20 app cpu ms/request"], "c20 cpu/req raw": r["c20 raw cpu ms/request"], "c20 machine cpu/req app / raw": `${r["c20 app machine cpu ms/request"] ?? "–"} / ${r["c20 raw machine cpu ms/request"] ?? "–"}`, errors: (r["c1 errors"] as number) + (r["c20 errors"] as number), ok: r["within 2x at c20"] ?? "–" })));

// The target (the framework floor is a reference, not judged): a line to read and an exit status.
const judged = verdict(rows.map((r) => ({ request: String(r.request), ratio: r["c20 ratio"] as number, errors: (r["c1 errors"] as number) + (r["c20 errors"] as number) })));
const why = [
  judged.judged ? "" : "no request measured but the floor",
  judged.missed.length ? `over 2×: ${judged.missed.map((m) => `${m.request} ${m.ratio}×`).join(", ")}` : "",
  judged.errors ? `${judged.errors} errors` : "",
].filter(Boolean);
console.log(`${judged.ok ? "PASS" : "FAIL"}  every request within 2× of its raw baseline at concurrency 20, no errors${why.length ? ` (${why.join("; ")})` : ""}`);
console.log(`      on Node ${process.version}, ${RUNTIME}`);
process.exitCode = judged.ok ? 0 : 1;
