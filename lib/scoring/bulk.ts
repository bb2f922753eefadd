// Set-wise scoring for the whole portfolio: one read of every account's scores (aggregated per
// account in SQL), one pass through scoreAccount()/tierFor() in memory, one UPDATE ... FROM unnest
// for the cached score and tier, and one INSERT ... SELECT for the snapshots. Never a query per
// account. Takes the client as an argument (no "server-only"), so the demo seed and the benchmark
// run exactly the code the service runs.
import type { PrismaClient } from "../generated/prisma/client";
import { scoreAccount, tierFor, type TCriterionLike, type TTierLike } from "./model";
import type { TPreviewAccount } from "./preview";

/** Any Prisma client or transaction client: only raw SQL is used here. */
export type TRawDb = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

export type TScoringAccount = TPreviewAccount & {
  name: string;
  ownerId: string;
  archived: boolean;
  score: number | null;
  scoredCriteria: number;
  computedTierId: string | null;
};

type Row = {
  id: string;
  name: string;
  ownerId: string;
  archived: boolean;
  overrideTierId: string | null;
  score: number | null;
  scoredCriteria: number;
  computedTierId: string | null;
  /** "criterionId=value,criterionId=value": a string reads much faster through the driver than two arrays. */
  scores: string | null;
};

/** Every account with its scores, in one query (one row per account). */
export async function loadScoringAccounts(db: TRawDb, opts: { includeArchived?: boolean } = {}): Promise<TScoringAccount[]> {
  const includeArchived = opts.includeArchived ?? true;
  const rows = await db.$queryRaw<Row[]>`
    SELECT a.id, a.name, a."ownerId", a."archivedAt" IS NOT NULL AS archived, a."overrideTierId", a.score,
           a."scoredCriteria", a."computedTierId",
           string_agg(cs."criterionId" || '=' || cs.value, ',') AS scores
    FROM "Account" a
    LEFT JOIN "CriterionScore" cs ON cs."accountId" = a.id
    WHERE ${includeArchived} OR a."archivedAt" IS NULL
    GROUP BY a.id`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    ownerId: r.ownerId,
    archived: r.archived,
    overrideTierId: r.overrideTierId,
    score: r.score,
    scoredCriteria: r.scoredCriteria,
    computedTierId: r.computedTierId,
    scores: r.scores
      ? r.scores.split(",").map((pair) => {
          const at = pair.lastIndexOf("=");
          return { criterionId: pair.slice(0, at), value: Number(pair.slice(at + 1)) };
        })
      : [],
  }));
}

export type TRetierResult = { accounts: number; changed: number; snapshots: number };

/**
 * Recomputes every account's score and tier under `model` and writes the cache, and (with
 * `snapshotCause`) a dated snapshot of every account's score and served tier (the override wins),
 * all in ONE statement: the update and the insert are data-modifying CTEs over the same unnest()
 * input. Overrides are never touched.
 */
export async function retierAccounts(
  db: TRawDb,
  opts: {
    accounts: readonly TScoringAccount[];
    criteria: readonly TCriterionLike[];
    tiers: readonly (TTierLike & { name: string })[];
    modelVersion: number;
    snapshotCause?: "model" | "score" | "override";
  },
): Promise<TRetierResult> {
  const snapshot = Boolean(opts.snapshotCause);
  // Dated by the app's clock, as every other history row is (Prisma's `@default(now())` is the
  // client's): an account's snapshots then sort in the order they were made, whatever the
  // database server's clock says.
  const at = new Date();
  const names = new Map(opts.tiers.map((t) => [t.id, t.name]));
  const ids: string[] = [];
  const scores: (number | null)[] = [];
  const scored: number[] = [];
  const tierIds: (string | null)[] = [];
  const changed: boolean[] = [];
  const servedIds: (string | null)[] = [];
  const servedNames: (string | null)[] = [];
  for (const a of opts.accounts) {
    const result = scoreAccount(opts.criteria, a.scores);
    const tierId = tierFor(result.score, opts.tiers)?.id ?? null;
    const isChanged = result.score !== a.score || result.completeness.scored !== a.scoredCriteria || tierId !== a.computedTierId;
    if (!isChanged && !snapshot) continue;
    const served = a.overrideTierId ?? tierId;
    ids.push(a.id);
    scores.push(result.score);
    scored.push(result.completeness.scored);
    tierIds.push(tierId);
    changed.push(isChanged);
    servedIds.push(served);
    servedNames.push(served ? (names.get(served) ?? null) : null);
  }
  if (ids.length === 0) return { accounts: opts.accounts.length, changed: 0, snapshots: 0 };
  const [counts] = await db.$queryRaw<{ changed: number; snapshots: number }[]>`
    WITH input AS (
      SELECT * FROM unnest(${ids}::text[], ${scores}::float8[], ${scored}::int[], ${tierIds}::text[], ${changed}::bool[], ${servedIds}::text[], ${servedNames}::text[])
        AS u(id, score, scored, tier, changed, served, served_name)
    ), updated AS (
      UPDATE "Account" AS a
      SET score = i.score, "scoredCriteria" = i.scored, "computedTierId" = i.tier
      FROM input i
      WHERE a.id = i.id AND i.changed
      RETURNING a.id
    ), inserted AS (
      INSERT INTO "ScoreSnapshot" (id, "accountId", score, "tierId", "tierName", cause, "modelVersion", "createdAt")
      SELECT gen_random_uuid()::text, i.id, i.score, i.served, i.served_name, ${opts.snapshotCause ?? ""}, ${opts.modelVersion}, ${at}
      FROM input i
      WHERE ${snapshot}
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM updated)::int AS changed, (SELECT count(*) FROM inserted)::int AS snapshots`;
  return { accounts: opts.accounts.length, changed: counts.changed, snapshots: counts.snapshots };
}
