// `npm run bench:pages`: every signed-in page, as each role would open it, on the large data set
// (bench/lib/bench-db.ts), against the production build. Each page is loaded once to warm up,
// then `--runs N` times one after another (default 7); the table gives the median and the
// slowest, and the ratio of the median to the baseline measured in the same run: the sign-in
// page, which the same server draws without a session or a query (the framework's own cost of a
// page on this machine). Written to bench/results/pages.json.
//
// What it is for: a page reads what it shows for one person, but on 10,000 accounts a statement
// that walks the whole portfolio, or a list read whole to show six rows, costs every page that
// asks. The pages are in one list below: a new page belongs there.
import { mkdirSync, writeFileSync } from "node:fs";
import { BENCH_PASSWORD, benchSubjects, openBenchDatabase } from "./lib/bench-db";
import { ensureBuild, startServer } from "./lib/server";
import { signInCookie } from "./lib/session";
import { arg } from "./lib/cli";

const RUNS = arg("runs", 7);
const log = (m: string) => console.log(`[bench:pages] ${m}`);

const { benchUrl, pool, counts, stopDb } = await openBenchDatabase(log);
// Who opens the pages, and which records they open (bench/lib/bench-db.ts), and the manager's own account with a plan.
const { senior, admin, mentor, manager, bigMap, planned, review } = await benchSubjects(pool);
const own = (await pool.query(`SELECT a.id FROM "Account" a WHERE a."ownerId" = $1 AND a."archivedAt" IS NULL
  AND EXISTS (SELECT 1 FROM "PlanVersion" v WHERE v."accountId" = a.id) ORDER BY a.name LIMIT 1`, [manager.id])).rows[0]?.id as string | undefined;
if (!own) throw new Error("the large data set has no account manager with a planned account");

const accountPages = (id: string) =>
  ["", "/plan", "/plan/current", "/plan/draft", "/plan/print", "/plan/versions", "/plan/versions/1", "/relationships", "/reviews", "/scorecard"].map((p) => `/accounts/${id}${p}`);
type Role = "senior" | "admin" | "mentor" | "manager";
const PAGES: [Role, string][] = [
  ...(["/", "/accounts", "/accounts?sort=score&dir=desc", "/dashboard", "/dashboard/accounts", "/ranking", "/reviews", "/reviews?status=decided", "/actions", "/settings/selection", `/reviews/${review}`] as const).map(
    (p): [Role, string] => ["senior", p],
  ),
  ...[...accountPages(bigMap.id), ...accountPages(planned)].map((p): [Role, string] => ["senior", p]),
  ...["/", "/reviews", "/reviews?status=decided", "/actions", "/accounts"].map((p): [Role, string] => ["mentor", p]),
  ...["/", "/reviews", "/actions", "/accounts", "/accounts/new", ...accountPages(own)].map((p): [Role, string] => ["manager", p]),
  ...["/admin/audit", "/admin/users"].map((p): [Role, string] => ["admin", p]),
];

ensureBuild(process.argv.includes("--rebuild"));
const app = await startServer({ port: 3602, databaseUrl: benchUrl });
const cookies: Record<Role, string> = {
  senior: await signInCookie(app.base, senior.email, BENCH_PASSWORD),
  admin: await signInCookie(app.base, admin.email, BENCH_PASSWORD),
  mentor: await signInCookie(app.base, mentor.email, BENCH_PASSWORD),
  manager: await signInCookie(app.base, manager.email, BENCH_PASSWORD),
};

/** Loads `path` once to warm up, then RUNS times; the median and the slowest, in ms. */
async function time(path: string, cookie: string | null) {
  const load = async () => {
    const start = performance.now();
    const res = await fetch(app.base + path, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    await res.arrayBuffer();
    return { ms: performance.now() - start, status: res.status };
  };
  const first = await load();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await load()).ms);
  times.sort((a, b) => a - b);
  return { status: first.status, median: Math.round(times[Math.floor(times.length / 2)]), slowest: Math.round(times[times.length - 1]) };
}

const baseline = await time("/login", null);
log(`baseline, the sign-in page: median ${baseline.median} ms`);
const rows = [];
for (const [role, path] of PAGES) {
  const t = await time(path, cookies[role]);
  const row = { role, page: path.replace(/[a-z0-9]{20,}|lgA\d+/g, ":id"), status: t.status, "median ms": t.median, "slowest ms": t.slowest, "× sign-in page": Math.round((t.median / Math.max(baseline.median, 1)) * 10) / 10 };
  rows.push(row);
  log(JSON.stringify(row));
}
await app.stop();
await pool.end();
await stopDb();
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/pages.json", JSON.stringify({ when: new Date().toISOString(), data: counts, runs: RUNS, baseline: { page: "/login", ...baseline }, rows }, null, 2));
console.table(rows);
const failed = rows.filter((r) => r.status !== 200);
if (failed.length) {
  console.error(`[bench:pages] ${failed.length} page(s) did not answer 200: ${failed.map((r) => `${r.role} ${r.page} ${r.status}`).join(", ")}`);
  process.exit(1);
}
