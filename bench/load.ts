// `npm run load`: 50 signed-in users at once for 60 s against the production build, through a
// realistic mix (lists, account pages, plans, plan saves). Checks: zero 5xx, every acknowledged
// save is in the database afterwards exactly as sent (nothing lost or garbled), and the server's
// memory stays under 500 MB. Runs on its own embedded PostgreSQL in a temporary folder.
// Options: --users 50 --seconds 60
import { execSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../scripts/db/migrations";
import { createPrisma } from "../prisma/client";
import { createAccount, createUser } from "../prisma/factories";
import { ensureBuild, freePort, sleep, startServer } from "./lib/server";
import { signInCookie } from "./lib/session";
import { arg } from "./lib/cli";

const USERS = arg("users", 50);
const SECONDS = arg("seconds", 60);
const log = (m: string) => console.log(`[load] ${m}`);

const dir = mkdtempSync(path.join(os.tmpdir(), "keystone-load-"));
process.env.KEYSTONE_PG_DIR = dir;
process.env.KEYSTONE_PG_PORT = String(await freePort());
const { startEmbeddedPostgres } = await import("../scripts/embedded-db.mjs");
const db = await startEmbeddedPostgres({ database: "keystone", log: () => {} });
await applyMigrations(db.url);
const prisma = createPrisma(db.url);
log(`creating ${USERS} users, each with an account …`);
const people: { email: string; accountId: string }[] = [];
for (let i = 0; i < USERS; i++) {
  const u = await createUser(prisma, { email: `load${i}@keystone.load`, name: `Load User ${i}`, role: "ACCOUNT_MANAGER", password: "keystone-demo", bcryptCost: 10 });
  const a = await createAccount(prisma, { name: `Load Account ${i}`, ownerId: u.id, industry: ["Retail", "Energy", "Logistics"][i % 3], region: ["Nordics", "DACH"][i % 2], annualRevenue: 100_000 * (i + 1) });
  people.push({ email: u.email, accountId: a.id });
}
ensureBuild(process.argv.includes("--rebuild"));
const server = await startServer({ port: await freePort(), databaseUrl: db.url });

type Sample = { kind: string; status: number; ms: number };
const samples: Sample[] = [];
const acknowledged = new Map<string, unknown>(); // accountId -> content the server confirmed saving
let rssPeakMb = 0;
let garbled = 0;
/** JSON with sorted keys, so key order does not count as a difference. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
}
let running = true;

function serverRssMb(pid: number): number {
  // The server and any children it started.
  try {
    const pids = [pid, ...execSync(`pgrep -P ${pid} || true`).toString().split(/\s+/).filter(Boolean).map(Number)];
    return pids.reduce((sum, p) => {
      try {
        const status = execSync(`cat /proc/${p}/status`).toString();
        return sum + Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      } catch {
        return sum;
      }
    }, 0);
  } catch {
    return 0;
  }
}

// Everyone signs in first (five at a time, as people arrive), then the clock starts.
const cookies: string[] = [];
for (let i = 0; i < people.length; i += 5) {
  cookies.push(...(await Promise.all(people.slice(i, i + 5).map((p) => signInCookie(server.base, p.email)))));
}

async function user(i: number) {
  const me = people[i];
  const cookie = cookies[i];
  const headers = { cookie, "content-type": "application/json", origin: server.base };
  const req = async (kind: string, url: string, init?: RequestInit) => {
    const start = performance.now();
    const res = await fetch(server.base + url, { ...init, headers }).catch(() => null);
    samples.push({ kind, status: res?.status ?? 0, ms: performance.now() - start });
    return res;
  };
  let n = 0;
  let draftVersion: number | null = null;
  let content: Record<string, unknown> | null = null;
  while (running) {
    n++;
    const r = (n * 7 + i) % 10;
    if (r < 3) {
      await (await req("accounts list", "/api/accounts?pageSize=25&sort=revenue&dir=desc"))?.arrayBuffer();
    } else if (r < 5) {
      await (await req("account", `/api/accounts/${me.accountId}`))?.arrayBuffer();
    } else if (r < 7 || content === null) {
      const res = await req("plan draft", `/api/accounts/${me.accountId}/plan/draft`);
      if (res?.status === 200) {
        const body = (await res.json()) as { draft: { content: Record<string, unknown>; version: number } };
        content = body.draft.content;
        draftVersion = body.draft.version;
      }
    } else {
      const nextContent: Record<string, unknown> = { ...content, strategy: `Strategy revision ${n} by user ${i}: grow share of wallet in ${["service", "spares", "digital"][n % 3]}. ${"Detail ".repeat(n % 20)}`.trim() };
      const res = await req("plan save", `/api/accounts/${me.accountId}/plan/draft`, { method: "PUT", body: JSON.stringify({ content: nextContent, version: draftVersion }) });
      if (res?.status === 200) {
        const saved = (await res.json()) as { version: number; content: Record<string, unknown> };
        // What the server says it stored must be what we sent (nothing garbled on the way in)…
        if (canonical(saved.content) !== canonical(nextContent)) garbled++;
        acknowledged.set(me.accountId, saved.content);
        draftVersion = saved.version;
        content = nextContent;
      } else {
        content = null; // reload before the next save
        await res?.arrayBuffer();
      }
    }
  }
}

log(`${USERS} users for ${SECONDS} s …`);
const started = Date.now();
const loops = people.map((_, i) => user(i));
while (Date.now() - started < SECONDS * 1000) {
  rssPeakMb = Math.max(rssPeakMb, serverRssMb(server.proc.pid!));
  await sleep(1000);
}
running = false;
await Promise.all(loops);

// Every acknowledged save must be in the database exactly as sent.
let lost = 0;
for (const [accountId, content] of acknowledged) {
  const plan = await prisma.accountPlan.findUnique({ where: { accountId }, select: { draft: true } });
  // …and what it acknowledged must be in the database afterwards.
  if (!plan || canonical(plan.draft) !== canonical(content)) lost++;
}
await prisma.$disconnect();
await server.stop();
await db.stop();
rmSync(dir, { recursive: true, force: true });

const byKind = new Map<string, Sample[]>();
for (const s of samples) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
const pct = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const table = [...byKind].map(([kind, xs]) => ({
  kind,
  requests: xs.length,
  p50ms: Math.round(pct(xs.map((x) => x.ms), 50)),
  p95ms: Math.round(pct(xs.map((x) => x.ms), 95)),
  errors5xx: xs.filter((x) => x.status >= 500 || x.status === 0).length,
  conflicts409: xs.filter((x) => x.status === 409).length,
}));
const total5xx = table.reduce((s, r) => s + r.errors5xx, 0);
const result = { users: USERS, seconds: SECONDS, requests: samples.length, perSecond: Math.round(samples.length / SECONDS), table, savesAcknowledged: samples.filter((x) => x.kind === "plan save" && x.status === 200).length, accountsSaved: acknowledged.size, lost, garbled, serverPeakRssMb: Math.round(rssPeakMb) };
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/load.json", JSON.stringify(result, null, 2));
console.table(table);
console.log(JSON.stringify({ ...result, table: undefined }, null, 2));
const checks: [string, boolean][] = [
  ["zero 5xx", total5xx === 0],
  ["no acknowledged save lost or garbled", lost === 0 && garbled === 0 && acknowledged.size > 0],
  ["server memory under 500 MB", rssPeakMb < 500],
];
for (const [name, ok] of checks) console.log(`${ok ? "PASS" : "FAIL"}  ${name}`);
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
