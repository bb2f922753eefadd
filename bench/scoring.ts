// `npx tsx bench/scoring.ts [--accounts 10000] [--runs 5]`: the selection model's speed targets
// (issue 3) on a throw-away database: with 10,000 accounts × 8 criteria, saving a changed model
// re-tiers every account in under 2 s, and a what-if preview answers in under 1 s. It calls the
// real service functions (the same code the API runs), not a copy.
//
// Each figure is also given as a ratio to a baseline measured in the same run on the same data
// (one plain read of every criterion score through Prisma), so results from machines of
// different speed can be compared. Results: bench/results/scoring.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { rerunUnderReactServer, arg } from "./lib/cli";

rerunUnderReactServer(import.meta.url);

const ACCOUNTS = arg("accounts", 10_000);
const RUNS = arg("runs", 5);
const log = (m: string) => console.log(`[bench:scoring] ${m}`);

const { createTestDatabase, dropTestDatabase } = await import("../tests/support/test-db");
const db = await createTestDatabase("keystone_bench_scoring");
process.env.DATABASE_URL = db.url;

const { prisma } = await import("../lib/db");
const { readSelectionModel, saveSelectionModel, previewSelectionModel } = await import("../lib/scoring/service");
const { updateScorecard } = await import("../lib/scoring/scorecard-service");
const { getRanking } = await import("../lib/scoring/ranking-service");
type TSelectionModel = import("../lib/scoring/schema").TSelectionModel;

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 10) / 10;

try {
  log(`seeding ${ACCOUNTS.toLocaleString("en")} accounts × 8 criteria …`);
  await prisma.$executeRaw`
    INSERT INTO "User" (id, email, name, "passwordHash", role, "maxKeyAccounts", "updatedAt")
    SELECT 'bench-user-' || g, 'bench' || g || '@bench.keystone', 'Bench Manager ' || g, 'x', 'ACCOUNT_MANAGER', 40, now()
    FROM generate_series(1, 50) g`;
  const senior = await prisma.user.create({ data: { email: "senior@bench.keystone", name: "Bench Senior", role: "SENIOR_MANAGER", passwordHash: "x" }, select: { id: true, email: true, name: true, role: true } });
  await prisma.$executeRaw`
    INSERT INTO "Account" (id, name, industry, region, "ownerId", "updatedAt")
    SELECT 'bench-account-' || g, 'Bench Account ' || lpad(g::text, 5, '0'), 'Manufacturing', 'Europe', 'bench-user-' || (1 + g % 50), now()
    FROM generate_series(1, ${ACCOUNTS}) g`;
  const model = await readSelectionModel(); // creates the default model (8 criteria, 4 tiers)
  // Deterministic spread of values; about 5% of scores left out, as on a real portfolio.
  await prisma.$executeRaw`SELECT setseed(0.42)`;
  await prisma.$executeRaw`
    INSERT INTO "CriterionScore" (id, "accountId", "criterionId", value, rationale, "updatedAt")
    SELECT gen_random_uuid()::text, a.id, c.id, 1 + floor(random() * 5)::int, 'Bench rationale', now()
    FROM "Account" a CROSS JOIN "ScoringCriterion" c
    WHERE random() > 0.05`;
  const scoreCount = await prisma.criterionScore.count();
  log(`${scoreCount.toLocaleString("en")} criterion scores`);

  const asInput = (m: typeof model, weights: number[], goldMin: number): TSelectionModel => ({
    version: m.version,
    namingScheme: "gold-silver-bronze",
    criteria: m.criteria.map((c, i) => ({ id: c.id, name: c.name, description: c.description, weight: weights[i], scaleLabels: c.scaleLabels, active: c.active, sortOrder: i })),
    tiers: m.tiers.map((t) => ({ ...t, minScore: t.rank === 1 ? goldMin : t.minScore })),
  });
  const weightsA = model.criteria.map((c) => c.weight);
  const weightsB = [...weightsA].reverse();
  const user = { ...senior, role: "SENIOR_MANAGER" as const };

  // First save: fills every account's cached score and tier.
  let current = await saveSelectionModel({ user, input: asInput(model, weightsA, 75) });

  // Baseline: one plain read of every criterion score (what any per-account approach starts with).
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) baseline.push((await time(() => prisma.criterionScore.findMany({ select: { accountId: true, criterionId: true, value: true } }))).ms);

  const preview: number[] = [];
  const previewAll: number[] = [];
  let moves = 0;
  for (let i = 0; i < RUNS; i++) {
    const draft = asInput(current, i % 2 ? weightsA : weightsB, 70);
    const p = await time(() => previewSelectionModel({ user, input: draft, only: "moves" }));
    preview.push(p.ms);
    moves = p.result.summary.up + p.result.summary.down;
    previewAll.push((await time(() => previewSelectionModel({ user, input: draft, only: "all" }))).ms);
  }

  const save: number[] = [];
  let changed = 0;
  for (let i = 0; i < RUNS; i++) {
    // Alternate two models so that every save really moves thousands of accounts.
    const s = await time(() => saveSelectionModel({ user, input: asInput(current, i % 2 ? weightsA : weightsB, i % 2 ? 75 : 65) }));
    save.push(s.ms);
    changed = s.result.retiered.changed;
    current = s.result;
  }

  // Side figures: one scorecard save and the ranking page's data, with the portfolio at full size.
  const owner = await prisma.account.findUniqueOrThrow({ where: { id: "bench-account-1" }, select: { ownerId: true, scorecardVersion: true } });
  const ownerUser = { id: owner.ownerId, email: "", name: "", role: "ACCOUNT_MANAGER" as const };
  const scorecard: number[] = [];
  let version = owner.scorecardVersion;
  for (let i = 0; i < RUNS; i++) {
    const r = await time(() => updateScorecard({ user: ownerUser, accountId: "bench-account-1", input: { version, scores: [{ criterionId: current.criteria[0].id, value: 1 + (i % 5), rationale: `run ${i}` }] } }));
    scorecard.push(r.ms);
    version = r.result.version;
  }
  const ranking: number[] = [];
  for (let i = 0; i < RUNS; i++) ranking.push((await time(() => getRanking({ user, query: { page: 1, pageSize: 100 } }))).ms);

  const base = median(baseline);
  const row = (name: string, xs: number[], targetMs?: number) => ({
    measure: name,
    medianMs: round(median(xs)),
    maxMs: round(Math.max(...xs)),
    xBaseline: round(median(xs) / base),
    targetMs: targetMs ?? null,
    pass: targetMs === undefined ? null : Math.max(...xs) < targetMs,
  });
  const table = [
    row("baseline: read all criterion scores", baseline),
    row("preview (moves only)", preview, 1000),
    row("preview (every account)", previewAll, 1000),
    row("save model + re-tier all + snapshots", save, 2000),
    row("save one scorecard", scorecard),
    row("ranking page data", ranking),
  ];
  console.table(table);
  log(`last preview: ${moves.toLocaleString("en")} accounts would move; last save: ${changed.toLocaleString("en")} accounts changed score or tier`);
  const result = { when: new Date().toISOString(), accounts: ACCOUNTS, criteria: current.criteria.length, criterionScores: scoreCount, runs: RUNS, table };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/scoring.json", `${JSON.stringify(result, null, 2)}\n`);
  log("written to bench/results/scoring.json");
  if (table.some((r) => r.pass === false)) process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await dropTestDatabase(db.name);
}
