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
  criterionIds: string[] | null;
  values: number[] | null;
};

/** Every account with its scores, in one query (one row per account). */
export async function loadScoringAccounts(db: TRawDb, opts: { includeArchived?: boolean } = {}): Promise<TScoringAccount[]> {
  const includeArchived = opts.includeArchived ?? true;
  const rows = await db.$queryRaw<Row[]>`
    SELECT a.id, a.name, a."ownerId", a."archivedAt" IS NOT NULL AS archived, a."overrideTierId", a.score,
           a."scoredCriteria", a."computedTierId",
           array_agg(cs."criterionId") FILTER (WHERE cs.id IS NOT NULL) AS "criterionIds",
           array_agg(cs.value) FILTER (WHERE cs.id IS NOT NULL) AS "values"
    FROM "Account" a
    LEFT JOIN "CriterionScore" cs ON cs."accountId" = a.id
    WHERE ${includeArchived} OR a."archivedAt" IS NULL
    GROUP BY a.id`;
  return rows.map((r) => {
    const ids = r.criterionIds ?? [];
    const values = r.values ?? [];
    return {
      id: r.id,
      name: r.name,
      ownerId: r.ownerId,
      archived: r.archived,
      overrideTierId: r.overrideTierId,
      score: r.score,
      scoredCriteria: r.scoredCriteria,
      computedTierId: r.computedTierId,
      scores: ids.map((criterionId, i) => ({ criterionId, value: Number(values[i]) })),
    };
  });
}

export type TRetierResult = { accounts: number; changed: number; snapshots: number };

/**
 * Recomputes every account's score and tier under `model` and writes the cache in one statement.
 * With `snapshot`, every account also gets a dated snapshot of its score and served tier (the
 * override wins), so history shows each model change. Overrides are never touched.
 */
export async function retierAccounts(
  db: TRawDb,
  opts: {
    accounts: readonly TScoringAccount[];
    criteria: readonly TCriterionLike[];
    tiers: readonly TTierLike[];
    modelVersion: number;
    snapshotCause?: "model" | "score" | "override";
  },
): Promise<TRetierResult> {
  const ids: string[] = [];
  const scores: (number | null)[] = [];
  const scored: number[] = [];
  const tierIds: (string | null)[] = [];
  for (const a of opts.accounts) {
    const result = scoreAccount(opts.criteria, a.scores);
    const tier = tierFor(result.score, opts.tiers);
    const tierId = tier?.id ?? null;
    if (result.score === a.score && result.completeness.scored === a.scoredCriteria && tierId === a.computedTierId) continue;
    ids.push(a.id);
    scores.push(result.score);
    scored.push(result.completeness.scored);
    tierIds.push(tierId);
  }
  const changed = ids.length
    ? await db.$executeRaw`
        UPDATE "Account" AS a
        SET score = u.score, "scoredCriteria" = u.scored, "computedTierId" = u.tier
        FROM unnest(${ids}::text[], ${scores}::float8[], ${scored}::int[], ${tierIds}::text[]) AS u(id, score, scored, tier)
        WHERE a.id = u.id`
    : 0;
  let snapshots = 0;
  if (opts.snapshotCause && opts.accounts.length) {
    const all = opts.accounts.map((a) => a.id);
    snapshots = await db.$executeRaw`
      INSERT INTO "ScoreSnapshot" (id, "accountId", score, "tierId", "tierName", cause, "modelVersion", "createdAt")
      SELECT gen_random_uuid()::text, a.id, a.score, t.id, t.name, ${opts.snapshotCause}, ${opts.modelVersion}, now()
      FROM "Account" a
      LEFT JOIN "Tier" t ON t.id = COALESCE(a."overrideTierId", a."computedTierId")
      WHERE a.id = ANY(${all}::text[])`;
  }
  return { accounts: opts.accounts.length, changed, snapshots };
}
