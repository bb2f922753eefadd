// `npm run outage`: stop PostgreSQL while Keystone is under load, start it again, and check that
// requests fail fast with 503 while it is down, recover within 10 s without restarting the app,
// and that no write was half-applied. Runs on its own embedded PostgreSQL (temporary folder and
// port), so it never touches your data or the machine's server. Takes about a minute.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "./db/migrations";
import { createPrisma } from "../prisma/client";
import { seedDemo } from "../prisma/seed";
import { ensureBuild, freePort, sleep, startServer } from "../bench/lib/server";
import { signInCookie } from "../bench/lib/session";

type Sample = { t: number; ms: number; status: number; kind: string; phase: Phase };
type Phase = "before" | "down" | "after";

const dir = mkdtempSync(path.join(os.tmpdir(), "keystone-outage-"));
process.env.KEYSTONE_PG_DIR = dir;
process.env.KEYSTONE_PG_PORT = String(await freePort());
const { startEmbeddedPostgres } = await import("./embedded-db.mjs");
const log = (m: string) => console.log(`[outage] ${m}`);

let db = await startEmbeddedPostgres({ database: "keystone", log: () => {} });
await applyMigrations(db.url);
const prisma = createPrisma(db.url);
log("seeding demo data …");
await seedDemo(prisma, () => {});
await prisma.$disconnect();
ensureBuild(process.argv.includes("--rebuild"));
const server = await startServer({ port: await freePort(), databaseUrl: db.url });
const cookie = await signInCookie(server.base, "sofia.lindqvist@keystone.demo");
const headers = { cookie, "content-type": "application/json", origin: server.base };

const list = (await (await fetch(`${server.base}/api/accounts?pageSize=40`, { headers })).json()) as { items: { id: string }[] };
const WORKERS = 10;
const samples: Sample[] = [];
const acknowledged = new Map<string, string>(); // accountId -> last description the server confirmed
let phase: Phase = "before";
let running = true;
const t0 = Date.now();

async function timed(kind: string, url: string, init?: RequestInit): Promise<Response | null> {
  const start = Date.now();
  const p = phase;
  try {
    const res = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(15_000) });
    samples.push({ t: start - t0, ms: Date.now() - start, status: res.status, kind, phase: p });
    return res;
  } catch {
    samples.push({ t: start - t0, ms: Date.now() - start, status: 0, kind, phase: p });
    return null;
  }
}

async function worker(i: number) {
  const mine = list.items.filter((_, j) => j % WORKERS === i).map((a) => a.id);
  let n = 0;
  while (running) {
    const id = mine[n % mine.length];
    n++;
    await timed("list", `${server.base}/api/accounts?pageSize=25&sort=revenue&dir=desc`);
    const got = await timed("read", `${server.base}/api/accounts/${id}`);
    if (got?.status === 200) {
      const account = (await got.json()) as { version: number };
      const description = `outage check ${i}-${n}`;
      const saved = await timed("write", `${server.base}/api/accounts/${id}`, { method: "PATCH", body: JSON.stringify({ description, version: account.version }) });
      if (saved?.status === 200) acknowledged.set(id, description);
    }
    await sleep(50);
  }
}

const health: { t: number; status: number; body: string }[] = [];
async function healthLoop() {
  while (running) {
    const start = Date.now();
    try {
      const r = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(10_000) });
      health.push({ t: start - t0, status: r.status, body: await r.text() });
    } catch {
      health.push({ t: start - t0, status: 0, body: "" });
    }
    await sleep(500);
  }
}

const workers = [...Array(WORKERS)].map((_, i) => worker(i));
const healthDone = healthLoop();
log("load running; stopping PostgreSQL in 5 s");
await sleep(5000);
phase = "down";
await db.stop();
const stoppedAt = Date.now() - t0;
log("PostgreSQL stopped; keeping the load on for 8 s");
await sleep(8000);
// From here PostgreSQL is starting: it may accept connections before the start call returns.
const restartingAt = Date.now() - t0;
db = await startEmbeddedPostgres({ database: "keystone", log: () => {} });
const upAt = Date.now() - t0;
phase = "after";
log("PostgreSQL started again; watching recovery for 12 s");
await sleep(12_000);
running = false;
await Promise.all(workers);
await healthDone;

// Checks.
// Requests sent while the server was really down: after the stop returned, before the restart
// began (not the ones in flight as it stopped, nor those answered by the restarting server).
const during = samples.filter((s) => s.t >= stoppedAt && s.t < restartingAt);
const firstOkAfter = samples.filter((s) => s.t >= upAt && s.status === 200).sort((a, b) => a.t - b.t)[0];
const recoverySeconds = firstOkAfter ? (firstOkAfter.t - upAt) / 1000 : Infinity;
const lastFailure = samples.filter((s) => s.t >= upAt && s.status !== 200 && s.status !== 409).sort((a, b) => b.t - a.t)[0];
const other5xx = samples.filter((s) => s.status >= 500 && s.status !== 503);
const slowDuringOutage = during.filter((s) => s.ms > 5000);
// The same window for /api/health: a probe sent while PostgreSQL is starting again may rightly
// find it up (it accepts connections before the start call returns).
const healthDown = health.filter((h) => h.t >= stoppedAt && h.t < restartingAt);
const healthRestarting = health.filter((h) => h.t >= restartingAt && h.t < upAt);
const prismaAfter = createPrisma(db.url);
const lost: string[] = [];
for (const [id, description] of acknowledged) {
  const row = await prismaAfter.account.findUniqueOrThrow({ where: { id }, select: { description: true } });
  if (row.description !== description) lost.push(id);
}
// A write is whole when the account's version moved exactly once per audited update.
const halfApplied = (await prismaAfter.$queryRaw<{ id: string }[]>`
  SELECT a.id FROM "Account" a
  LEFT JOIN (SELECT "entityId", count(*)::int AS n FROM "AuditEvent" WHERE action = 'account.update' GROUP BY "entityId") e ON e."entityId" = a.id
  WHERE a.version - 1 <> COALESCE(e.n, 0)`).map((r) => r.id);
await prismaAfter.$disconnect();
const alive = server.proc.exitCode === null;
await server.stop();
await db.stop();
rmSync(dir, { recursive: true, force: true });

const result = {
  requests: samples.length,
  window: { stoppedAt, restartingAt, upAt },
  duringOutage: { requests: during.length, statuses: count(during.map((s) => s.status)), notFailedAtMs: during.filter((s) => s.status !== 503).map((s) => s.t),  maxMs: Math.max(0, ...during.map((s) => s.ms)), over5s: slowDuringOutage.length },
  health: { whileDown: count(healthDown.map((h) => h.status)), whileRestarting: count(healthRestarting.map((h) => h.status)), exampleBody: healthDown[0]?.body ?? null },
  recoverySeconds,
  lastFailureAfterRestartSeconds: lastFailure ? (lastFailure.t - upAt) / 1000 : 0,
  other5xx: other5xx.length,
  acknowledgedWrites: acknowledged.size,
  lostWrites: lost.length,
  halfAppliedWrites: halfApplied.length,
  appStayedUp: alive,
};
const checks: [string, boolean][] = [
  ["requests during the outage fail with 503 (no other status)", during.length > 0 && during.every((s) => s.status === 503)],
  ["no request hangs longer than 5 s during the outage", slowDuringOutage.length === 0],
  ["/api/health says the database is unavailable while it is down", healthDown.length > 0 && healthDown.every((h) => h.status === 503 && h.body.includes("unavailable"))],
  ["requests succeed again within 10 s of the restart", recoverySeconds <= 10],
  ["no 5xx other than 503", other5xx.length === 0],
  ["no acknowledged write lost", lost.length === 0],
  ["no write half-applied", halfApplied.length === 0],
  ["the app did not crash", alive],
];
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/outage.json", JSON.stringify({ ...result, checks: Object.fromEntries(checks) }, null, 2));
console.log(JSON.stringify(result, null, 2));
for (const [name, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"}  ${name}`);
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);

function count(xs: number[]) {
  const m: Record<string, number> = {};
  for (const x of xs) m[x] = (m[x] ?? 0) + 1;
  return m;
}
