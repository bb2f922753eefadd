import "server-only";
// The selection model: read it, try a draft (what-if), save it and re-tier every account in the
// same transaction. Scorecards and overrides live in scorecard-service.ts; the ranking in
// ranking-service.ts.
import { jsonTimestamp, prisma, Prisma, readRows, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { loadScoringAccounts, retierAccounts } from "./bulk";
import { DEFAULT_CRITERIA, DEFAULT_TIERS } from "./defaults";
import { previewModelChange, weightShares, type TPreviewModel } from "./model";
import { tierKey } from "./preview";
import type { TSelectionModel } from "./schema";

type Db = Tx | typeof prisma;

const criterionSelect = { id: true, name: true, description: true, weight: true, scaleLabels: true, active: true, sortOrder: true } as const;
const tierSelect = {
  id: true,
  name: true,
  rank: true,
  minScore: true,
  isKey: true,
  reviewEveryMonths: true,
  contactEveryDays: true,
  executiveSponsor: true,
  dedicatedTeam: true,
  serviceNotes: true,
  capacity: true,
} as const;

/**
 * A new installation gets the default model the first time anything reads it. The insert of the
 * model row is the lock: of two concurrent first readers only one creates criteria and tiers.
 * An installation that already has criteria or tiers (made some other way) is left as it is.
 */
let modelKnownToExist = false;
export async function ensureSelectionModel(): Promise<void> {
  // The model row is never deleted: once seen, this process need not ask again.
  if (modelKnownToExist) return;
  const exists = await prisma.selectionModel.findUnique({ where: { id: "current" }, select: { id: true } });
  if (exists) {
    modelKnownToExist = true;
    return;
  }
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "SelectionModel" (id, version, "namingScheme", "createdAt", "updatedAt")
      VALUES ('current', 1, 'gold-silver-bronze', ${now}, ${now}) ON CONFLICT (id) DO NOTHING`;
    if (inserted === 0) return;
    const criteria = await tx.scoringCriterion.count();
    const tiers = await tx.tier.count();
    if (criteria === 0) await tx.scoringCriterion.createMany({ data: DEFAULT_CRITERIA });
    if (tiers === 0) await tx.tier.createMany({ data: DEFAULT_TIERS });
  });
}

type TPerson = { id: string; name: string };
/** The model as `selectionModelJson` gives it. */
export type TSelectionModelJson = {
  version: number;
  namingScheme: string;
  updatedAt: string;
  updatedBy: TPerson | null;
  criteria: Prisma.ScoringCriterionGetPayload<{ select: typeof criterionSelect }>[];
  tiers: Prisma.TierGetPayload<{ select: typeof tierSelect }>[];
};

/**
 * `{id, name}` of the user an id column names, or null: a lookup by primary key per row. (A LEFT
 * JOIN to "User" let the planner hash the whole table for the scorecard's eight scores: 454 rows
 * read for every scorecard.)
 */
export const personJson = (idColumn: `${"m" | "a" | "s"}."${string}"`) =>
  Prisma.raw(`(SELECT json_build_object('id', p.id, 'name', p.name) FROM "User" p WHERE p.id = ${idColumn})`);

/**
 * The whole model (who saved it, criteria in order, tiers by rank) as one JSON value, as
 * readSelectionModel reads it (the scorecard reads the criteria and tiers only when the ones it
 * keeps in memory are out of date: lib/scoring/model-cache.ts).
 */
/** The criteria in order, as one JSON array. */
export const criteriaJson = Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('id', c.id, 'name', c.name, 'description', c.description, 'weight', c.weight,
                   'scaleLabels', c."scaleLabels", 'active', c.active, 'sortOrder', c."sortOrder") ORDER BY c."sortOrder", c."createdAt"), '[]'::json)
                 FROM "ScoringCriterion" c)`;

/** The tiers by rank, as one JSON array. */
export const tiersJson = Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('id', t.id, 'name', t.name, 'rank', t.rank, 'minScore', t."minScore", 'isKey', t."isKey",
                'reviewEveryMonths', t."reviewEveryMonths", 'contactEveryDays', t."contactEveryDays", 'executiveSponsor', t."executiveSponsor",
                'dedicatedTeam', t."dedicatedTeam", 'serviceNotes', t."serviceNotes", 'capacity', t.capacity) ORDER BY t.rank), '[]'::json)
              FROM "Tier" t)`;

export const selectionModelJson = Prisma.sql`(
  SELECT json_build_object(
    'version', m.version, 'namingScheme', m."namingScheme", 'updatedAt', m."updatedAt",
    'updatedBy', ${personJson('m."updatedById"')},
    'criteria', ${criteriaJson},
    'tiers', ${tiersJson})
  FROM "SelectionModel" m WHERE m.id = 'current')`;

/** Criteria with their share of the total weight (in %), added to the rows given (this read's own). */
export function withShares<C extends TSelectionModelJson["criteria"][number]>(criteria: C[]): (C & { share: number })[] {
  const shares = weightShares(criteria);
  // A spread costs about a microsecond an object in Node 20's V8 (DEVELOPERS.md).
  return criteria.map((c) => Object.assign(c, { share: shares.get(c.id) ?? 0 }));
}

/** The model view (with weight shares) from `selectionModelJson`. */
export function toSelectionModelView(json: TSelectionModelJson | null) {
  if (!json) throw new Error("The selection model is missing");
  return {
    version: json.version,
    namingScheme: json.namingScheme,
    updatedAt: jsonTimestamp(json.updatedAt),
    updatedBy: json.updatedBy,
    criteria: withShares(json.criteria),
    tiers: json.tiers,
  };
}

/** The model with weight shares, in one statement. Inside a transaction the caller has ensured it exists. */
export async function readSelectionModel(db: Db = prisma) {
  if (db === prisma) await ensureSelectionModel();
  const [row] = await readRows<{ model: TSelectionModelJson | null }>(Prisma.sql`SELECT ${selectionModelJson} AS model`, db);
  return toSelectionModelView(row.model);
}
export type TSelectionModelView = Awaited<ReturnType<typeof readSelectionModel>>;

/** The model as everyone may read it: the scorecard explains itself with it. */
export async function getSelectionModel(opts: { user: SessionUser }) {
  void opts.user;
  return readSelectionModel();
}

function assertMayEdit(user: SessionUser) {
  if (!can(user, "selectionModel:edit")) throw new ForbiddenError("Only a senior manager or an administrator can change the selection model");
}

/** Ids in the draft must be criteria and tiers that exist: anything else is a 422 on that field. */
function assertKnownIds(input: TSelectionModel, current: TSelectionModelView) {
  const fields: Record<string, string> = {};
  const criterionIds = new Set(current.criteria.map((c) => c.id));
  const tierIds = new Set(current.tiers.map((t) => t.id));
  input.criteria.forEach((c, i) => {
    if (c.id && !criterionIds.has(c.id)) fields[`criteria.${i}.id`] = "This criterion no longer exists; reload the model";
  });
  input.tiers.forEach((t, i) => {
    if (t.id && !tierIds.has(t.id)) fields[`tiers.${i}.id`] = "This tier no longer exists; reload the model";
  });
  if (Object.keys(fields).length) throw new ValidationError(fields);
}

const asPreviewModel = (m: { criteria: TPreviewModel["criteria"]; tiers: TPreviewModel["tiers"] }): TPreviewModel => m;

/**
 * What-if: the tier every active account would get under the draft, and the moves. Reads only.
 * `only: "moves"` leaves out the accounts whose tier would not change.
 */
export async function previewSelectionModel(opts: { user: SessionUser; input: TSelectionModel; only?: "moves" | "all" }) {
  const { user, input } = opts;
  assertMayEdit(user);
  const [current, accounts] = await Promise.all([readSelectionModel(), loadScoringAccounts(prisma, { includeArchived: false })]);
  assertKnownIds(input, current);
  const result = previewModelChange(accounts, asPreviewModel(current), asPreviewModel(input));
  const names = new Map<string, string>([
    ...current.tiers.map((t) => [t.id, t.name] as const),
    ...input.tiers.map((t) => [tierKey(t), t.name] as const),
  ]);
  const rows = opts.only === "moves" ? result.rows.filter((r) => r.move !== "same") : result.rows;
  return {
    modelVersion: current.version,
    summary: result.summary,
    accounts: rows
      .map((r) => ({
        accountId: r.accountId,
        name: r.name ?? "",
        oldScore: r.oldScore,
        newScore: r.newScore,
        oldTier: r.oldTierKey ? { key: r.oldTierKey, name: names.get(r.oldTierKey) ?? "" } : null,
        newTier: r.newTierKey ? { key: r.newTierKey, name: names.get(r.newTierKey) ?? "" } : null,
        override: r.overrideTierId ? { tierId: r.overrideTierId, name: names.get(r.overrideTierId) ?? "" } : null,
        move: r.move,
      }))
      .sort((a, b) => (b.newScore ?? -1) - (a.newScore ?? -1) || a.name.localeCompare(b.name)),
  };
}

/** Criteria and tiers the draft leaves out: deleted, unless that would lose scores or overrides. */
async function removeOmitted(tx: Tx, input: TSelectionModel, current: TSelectionModelView) {
  const keptCriteria = new Set(input.criteria.map((c) => c.id).filter(Boolean));
  const keptTiers = new Set(input.tiers.map((t) => t.id).filter(Boolean));
  const goneCriteria = current.criteria.filter((c) => !keptCriteria.has(c.id));
  const goneTiers = current.tiers.filter((t) => !keptTiers.has(t.id));
  const fields: Record<string, string> = {};
  if (goneCriteria.length) {
    const used = await tx.criterionScore.groupBy({ by: ["criterionId"], where: { criterionId: { in: goneCriteria.map((c) => c.id) } }, _count: true });
    // Scores carry written rationale: deleting a scored criterion would destroy it. Deactivate instead.
    for (const u of used) {
      const c = goneCriteria.find((g) => g.id === u.criterionId);
      fields.criteria = `“${c?.name}” is scored on ${u._count} account${u._count === 1 ? "" : "s"}: make it inactive instead of removing it`;
    }
  }
  if (goneTiers.length) {
    const overridden = await tx.account.groupBy({ by: ["overrideTierId"], where: { overrideTierId: { in: goneTiers.map((t) => t.id) } }, _count: true });
    // An override is a senior manager's written decision; it is never dropped as a side effect.
    for (const o of overridden) {
      const t = goneTiers.find((g) => g.id === o.overrideTierId);
      fields.tiers = `${o._count} account${o._count === 1 ? " is" : "s are"} overridden to “${t?.name}”: remove those overrides before removing the tier`;
    }
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
  if (goneCriteria.length) await tx.scoringCriterion.deleteMany({ where: { id: { in: goneCriteria.map((c) => c.id) } } });
  if (goneTiers.length) await tx.tier.deleteMany({ where: { id: { in: goneTiers.map((t) => t.id) } } });
  return { removedCriteria: goneCriteria.map((c) => c.name), removedTiers: goneTiers.map((t) => t.name) };
}

/**
 * Saves the model (optimistic on its version) and re-tiers every account in the same
 * transaction, with a snapshot per account. A stale version is a 409 carrying the current model.
 */
export async function saveSelectionModel(opts: { user: SessionUser; input: TSelectionModel }) {
  const { user, input } = opts;
  assertMayEdit(user);
  await ensureSelectionModel();
  return prisma.$transaction(
    async (tx) => {
      const before = await readSelectionModel(tx);
      // The conditional bump takes the model row's lock: model saves serialise with each other and
      // with scorecard saves (which share-lock the row), and a stale version changes nothing.
      const bumped = await tx.selectionModel.updateMany({
        where: { id: "current", version: input.version },
        data: { version: { increment: 1 }, namingScheme: input.namingScheme, updatedById: user.id },
      });
      if (bumped.count === 0) {
        throw new ConflictError("Someone else saved the selection model after you opened it", await readSelectionModel(tx));
      }
      assertKnownIds(input, before);
      const removed = await removeOmitted(tx, input, before);

      const criteria = [];
      for (const [i, c] of input.criteria.entries()) {
        const data = { name: c.name, description: c.description, weight: c.weight, scaleLabels: c.scaleLabels, active: c.active, sortOrder: i };
        criteria.push(c.id ? await tx.scoringCriterion.update({ where: { id: c.id }, data, select: criterionSelect }) : await tx.scoringCriterion.create({ data, select: criterionSelect }));
      }
      const tiers = [];
      for (const t of input.tiers) {
        const { id, ...data } = t;
        tiers.push(id ? await tx.tier.update({ where: { id }, data, select: tierSelect }) : await tx.tier.create({ data, select: tierSelect }));
      }

      const modelVersion = input.version + 1;
      const accounts = await loadScoringAccounts(tx);
      const retier = await retierAccounts(tx, { accounts, criteria, tiers, modelVersion, snapshotCause: "model" });
      const after = await readSelectionModel(tx);
      await recordAudit(tx, {
        actorId: user.id,
        action: "selectionModel.update",
        entityType: "SelectionModel",
        entityId: "current",
        before: { version: before.version, namingScheme: before.namingScheme, criteria: before.criteria, tiers: before.tiers },
        after: { version: after.version, namingScheme: after.namingScheme, criteria: after.criteria, tiers: after.tiers, ...removed, retiered: retier },
      });
      return { ...after, retiered: retier };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
