import "server-only";
// One account's scorecard: read it with its breakdown, save scores (optimistic on the account's
// scorecardVersion), override the tier and remove the override, and the score/tier history.
import { jsonTimestampIso, prisma, Prisma, readRows, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { authorizeAccount } from "@/lib/accounts/access";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { criterionLevers, scoreAccount, tierFor, whatMovesIt } from "./model";
import { criteriaJson, ensureSelectionModel, personJson, readSelectionModel, tiersJson } from "./service";
import { heldStamp, modelParts, type ModelParts } from "./model-cache";
import type { TScorecardUpdate, TTierOverride } from "./schema";

type Db = Tx | typeof prisma;

type AccountJson = {
  id: string;
  name: string;
  scorecardVersion: number;
  overrideTierId: string | null;
  overrideReason: string | null;
  overrideAt: string | null;
  overrideBy: { id: string; name: string } | null;
};
type ScoreJson = { criterionId: string; value: number; rationale: string; updatedAt: string; updatedBy: { id: string; name: string } | null };

/** `parts`: the criteria and tiers, or null when the stamp sent is the current one (lib/scoring/model-cache.ts). */
type ModelJson = { version: number; stamp: string; parts: ModelParts | null };
type ScorecardJson = { model: ModelJson | null; account: AccountJson | null; scores: ScoreJson[] };

/**
 * Everything the scorecard shows, as one json value: the model (its criteria and tiers only when
 * `knownStamp`, the stamp of the ones this process holds, is not the current one), the account,
 * its scores and the names of the people who set them. The API's GET reads it with the session
 * (withUser's `readFirst`); everything else reads it on its own (readScorecardRows).
 */
export const scorecardJsonSql = (accountId: string, knownStamp = heldStamp()) => Prisma.sql`json_build_object(
    'model', (SELECT json_build_object('version', m.version, 'stamp', m."contentStamp",
                'parts', CASE WHEN m."contentStamp" = ${knownStamp} THEN NULL ELSE json_build_object('criteria', ${criteriaJson}, 'tiers', ${tiersJson}) END)
              FROM "SelectionModel" m WHERE m.id = 'current'),
    'account', (SELECT json_build_object('id', a.id, 'name', a.name, 'scorecardVersion', a."scorecardVersion", 'overrideTierId', a."overrideTierId",
                                         'overrideReason', a."overrideReason", 'overrideAt', a."overrideAt", 'overrideBy', ${personJson('a."overrideById"')})
                  FROM "Account" a WHERE a.id = ${accountId}),
    'scores', (SELECT COALESCE(json_agg(json_build_object('criterionId', s."criterionId", 'value', s.value, 'rationale', s.rationale,
                                        'updatedAt', s."updatedAt", 'updatedBy', ${personJson('s."updatedById"')})), '[]'::json)
                 FROM "CriterionScore" s WHERE s."accountId" = ${accountId}))`;

/**
 * The scorecard's rows, in one statement (inside a transaction it reads what the transaction
 * wrote: its writes to criteria or tiers changed the stamp too), or from `read`: the same
 * statement's value, read with the session. A model not yet made (a fresh database) is made, and
 * the rows read again, as they are when the criteria and tiers held changed in between.
 */
async function readScorecardRows(db: Db, accountId: string, read?: ScorecardJson) {
  let json = read?.model ? read : undefined;
  let parts = json?.model ? modelParts(json.model.stamp, json.model.parts) : null;
  if (!json?.model || !parts) {
    if (db === prisma) await ensureSelectionModel();
    [{ json }] = await readRows<{ json: ScorecardJson }>(Prisma.sql`SELECT ${scorecardJsonSql(accountId, "")} AS json`, db);
    if (!json.model?.parts) throw new Error("The selection model is missing");
    parts = modelParts(json.model.stamp, json.model.parts)!;
  }
  if (!json.account) throw new NotFoundError("Account not found");
  const a = json.account;
  return {
    model: { version: json.model.version, criteria: parts.criteria, tiers: parts.tiers },
    // The times as ISO text (what a Date of them gives in JSON): the scorecard only passes them on.
    // Fields are named rather than spread (a spread costs about a microsecond per property added
    // or replaced in Node 20's V8; DEVELOPERS.md).
    account: {
      id: a.id,
      name: a.name,
      scorecardVersion: a.scorecardVersion,
      overrideTierId: a.overrideTierId,
      overrideReason: a.overrideReason,
      overrideAt: jsonTimestampIso(a.overrideAt),
      overrideBy: a.overrideBy,
    },
    scores: json.scores.map((s) => ({ criterionId: s.criterionId, value: s.value, rationale: s.rationale, updatedAt: jsonTimestampIso(s.updatedAt), updatedBy: s.updatedBy })),
  };
}

/** The scorecard as the page and the API show it: everything needed to see why the account is where it is. */
async function buildScorecard(db: Db, accountId: string, read?: ScorecardJson) {
  const { model, account, scores } = await readScorecardRows(db, accountId, read);
  const result = scoreAccount(model.criteria, scores);
  const computed = tierFor(result.score, model.tiers);
  const overrideTier = account.overrideTierId ? (model.tiers.find((t) => t.id === account.overrideTierId) ?? null) : null;
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s]));
  const criteria = new Map(model.criteria.map((c) => [c.id, c]));
  const moves = whatMovesIt(result.score, model.tiers);

  return {
    accountId: account.id,
    accountName: account.name,
    score: result.score,
    completeness: result.completeness,
    /** The tier the account is served at: the override if there is one. */
    tier: overrideTier ?? computed,
    computedTier: computed,
    override: overrideTier
      ? {
          tier: overrideTier,
          reason: account.overrideReason ?? "",
          at: account.overrideAt,
          by: account.overrideBy,
        }
      : null,
    // Named fields, not `...row` and six more: that spread was 3% of the scorecard's CPU.
    breakdown: result.breakdown.map((row) => {
      const c = criteria.get(row.criterionId)!;
      const s = byCriterion.get(row.criterionId);
      return {
        criterionId: row.criterionId,
        value: row.value,
        weight: row.weight,
        modelWeight: row.modelWeight,
        contribution: row.contribution,
        name: c.name,
        description: c.description,
        scaleLabels: c.scaleLabels,
        rationale: s?.rationale ?? "",
        updatedAt: s?.updatedAt ?? null,
        updatedBy: s?.updatedBy ?? null,
      };
    }),
    tiers: model.tiers,
    whatMovesIt: {
      up: moves.up ? { tierId: moves.up.tier.id, tierName: moves.up.tier.name, pointsNeeded: moves.up.pointsNeeded } : null,
      down: moves.down ? { tierId: moves.down.tier.id, tierName: moves.down.tier.name, margin: moves.down.margin } : null,
      levers: criterionLevers(result.breakdown),
    },
    version: account.scorecardVersion,
    modelVersion: model.version,
  };
}
export type TScorecardView = Awaited<ReturnType<typeof buildScorecard>>;

/** `read`: scorecardJsonSql's value for this account, read with the session (lib/http.ts), if it was. */
export async function getScorecard(opts: { user: SessionUser; accountId: string; read?: unknown }) {
  const access = await authorizeAccount({ user: opts.user, accountId: opts.accountId, action: "account:read" });
  const scorecard = await buildScorecard(prisma, access.id, opts.read as ScorecardJson | undefined);
  const permissions = {
    edit: can(opts.user, "scorecard:edit", access.relation) && !access.archivedAt,
    override: can(opts.user, "tier:override", access.relation),
  };
  return Object.assign(scorecard, { permissions });
}

/** Writes the cached score/tier and, when what a person sees changed, a dated snapshot. */
async function refreshAccountScore(tx: Tx, accountId: string, cause: "score" | "override", forceSnapshot = false) {
  const model = await readSelectionModel(tx);
  const account = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { score: true, computedTierId: true, overrideTierId: true } });
  const scores = await tx.criterionScore.findMany({ where: { accountId }, select: { criterionId: true, value: true } });
  const result = scoreAccount(model.criteria, scores);
  const computed = tierFor(result.score, model.tiers);
  await tx.account.update({
    where: { id: accountId },
    data: { score: result.score, scoredCriteria: result.completeness.scored, computedTierId: computed?.id ?? null },
    select: { id: true },
  });
  const servedId = account.overrideTierId ?? computed?.id ?? null;
  const servedBefore = account.overrideTierId ?? account.computedTierId;
  if (forceSnapshot || result.score !== account.score || servedId !== servedBefore) {
    const served = model.tiers.find((t) => t.id === servedId) ?? null;
    await tx.scoreSnapshot.create({
      data: { accountId, score: result.score, tierId: served?.id ?? null, tierName: served?.name ?? null, cause, modelVersion: model.version },
      select: { id: true },
    });
  }
  return { score: result.score, computedTierId: computed?.id ?? null };
}

/** Share-locks the model row so a model save cannot re-tier in the middle of this write. */
async function lockModel(tx: Tx) {
  await tx.$queryRaw`SELECT version FROM "SelectionModel" WHERE id = 'current' FOR SHARE`;
}

/**
 * Saves scores and rationale. Unknown or inactive criteria are a 422 naming the entry; a stale
 * version is a 409 with the current scorecard; either way nothing is written. The override (if
 * any) is left alone: a new score changes the computed tier, never the decision.
 */
export async function updateScorecard(opts: { user: SessionUser; accountId: string; input: TScorecardUpdate }) {
  const { user, accountId, input } = opts;
  const access = await authorizeAccount({ user, accountId, action: "scorecard:edit" });
  if (access.archivedAt) throw new ValidationError({ body: "This account is archived; restore it to change its scores" });
  await ensureSelectionModel();
  return prisma.$transaction(async (tx) => {
    await lockModel(tx);
    const criteria = new Map((await tx.scoringCriterion.findMany({ select: { id: true, active: true, name: true } })).map((c) => [c.id, c]));
    const fields: Record<string, string> = {};
    input.scores.forEach((s, i) => {
      const c = criteria.get(s.criterionId);
      if (!c) fields[`scores.${i}.criterionId`] = "Unknown criterion";
      else if (!c.active) fields[`scores.${i}.criterionId`] = `“${c.name}” is no longer used for scoring`;
    });
    if (Object.keys(fields).length) throw new ValidationError(fields);

    const bumped = await tx.account.updateMany({ where: { id: accountId, scorecardVersion: input.version }, data: { scorecardVersion: { increment: 1 } } });
    const existing = new Map(
      (await tx.criterionScore.findMany({ where: { accountId }, select: { criterionId: true, value: true, rationale: true } })).map((s) => [s.criterionId, s]),
    );
    if (bumped.count === 0) {
      // The scorecard already says this (a save sent again after its answer was lost): nothing to write.
      const held = input.scores.every((s) => {
        const old = existing.get(s.criterionId);
        return s.value === null ? !old : old?.value === s.value && old.rationale === s.rationale;
      });
      if (held) return buildScorecard(tx, accountId);
      throw new ConflictError("Someone else saved this scorecard after you opened it", await buildScorecard(tx, accountId));
    }

    type Entry = { value: number; rationale: string } | null;
    const changes: { criterionId: string; before: Entry; after: Entry }[] = [];
    for (const s of input.scores) {
      const old = existing.get(s.criterionId) ?? null;
      if (s.value === null) {
        // Clearing: the criterion is unscored again. Clearing what was never scored changes nothing.
        if (!old) continue;
        await tx.criterionScore.delete({ where: { accountId_criterionId: { accountId, criterionId: s.criterionId } }, select: { id: true } });
        changes.push({ criterionId: s.criterionId, before: { value: old.value, rationale: old.rationale }, after: null });
        continue;
      }
      if (old && old.value === s.value && old.rationale === s.rationale) continue;
      await tx.criterionScore.upsert({
        where: { accountId_criterionId: { accountId, criterionId: s.criterionId } },
        create: { accountId, criterionId: s.criterionId, value: s.value, rationale: s.rationale, updatedById: user.id },
        update: { value: s.value, rationale: s.rationale, updatedById: user.id },
        select: { id: true },
      });
      changes.push({ criterionId: s.criterionId, before: old && { value: old.value, rationale: old.rationale }, after: { value: s.value, rationale: s.rationale } });
    }
    const before = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { score: true, computedTierId: true } });
    const after = await refreshAccountScore(tx, accountId, "score");
    await recordAudit(tx, {
      actorId: user.id,
      action: "scorecard.update",
      entityType: "Account",
      entityId: accountId,
      accountId,
      before: { ...before, scores: changes.map((c) => ({ criterionId: c.criterionId, ...c.before })) },
      after: { ...after, scores: changes.map((c) => ({ criterionId: c.criterionId, ...c.after })) },
    });
    return buildScorecard(tx, accountId);
  });
}

const expectedAt = (iso: string | null) => (iso === null ? null : new Date(iso));

/** 409 for a decision over an override that has changed since: says who decided what, with the current scorecard. */
async function overrideChanged(tx: Tx, accountId: string) {
  const current = await buildScorecard(tx, accountId);
  const now = current.override ? `${current.override.by?.name ?? "Someone"} set it to ${current.override.tier.name}` : "it was removed";
  return new ConflictError(`Someone else changed the override after you opened this page: ${now}.`, current);
}

export async function setTierOverride(opts: { user: SessionUser; accountId: string; input: TTierOverride }) {
  const { user, accountId, input } = opts;
  await authorizeAccount({ user, accountId, action: "tier:override" });
  await ensureSelectionModel();
  return prisma.$transaction(async (tx) => {
    await lockModel(tx);
    const tier = await tx.tier.findUnique({ where: { id: input.tierId }, select: { id: true, name: true } });
    if (!tier) throw new ValidationError({ tierId: "Unknown tier" });
    const before = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { overrideTierId: true, overrideReason: true, computedTierId: true } });
    // Only over the override this person saw: the row is changed only while its override time is
    // still the one they sent, so of two people deciding at once, the second gets a 409.
    const updated = await tx.account.updateMany({
      where: { id: accountId, overrideAt: expectedAt(input.expectedOverrideAt) },
      data: { overrideTierId: tier.id, overrideReason: input.reason, overrideById: user.id, overrideAt: new Date() },
    });
    if (updated.count === 0) {
      // This person's own decision, sent again after its answer was lost: it stands, nothing to write.
      const now = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { overrideTierId: true, overrideReason: true, overrideById: true } });
      if (now.overrideTierId === tier.id && now.overrideReason === input.reason && now.overrideById === user.id) return buildScorecard(tx, accountId);
      throw await overrideChanged(tx, accountId);
    }
    // The decision itself is part of the history, even when the served tier happens not to change.
    await refreshAccountScore(tx, accountId, "override", true);
    await recordAudit(tx, {
      actorId: user.id,
      action: "tier.override",
      entityType: "Account",
      entityId: accountId,
      accountId,
      before,
      after: { overrideTierId: tier.id, overrideTierName: tier.name, overrideReason: input.reason },
    });
    return buildScorecard(tx, accountId);
  });
}

export async function removeTierOverride(opts: { user: SessionUser; accountId: string; expectedOverrideAt: string | null }) {
  const { user, accountId } = opts;
  await authorizeAccount({ user, accountId, action: "tier:override" });
  await ensureSelectionModel();
  return prisma.$transaction(async (tx) => {
    await lockModel(tx);
    const before = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { overrideTierId: true, overrideReason: true, computedTierId: true } });
    // Already gone (someone else removed it): what this person asked for is true, nothing to undo.
    if (!before.overrideTierId) return buildScorecard(tx, accountId);
    const updated = await tx.account.updateMany({
      where: { id: accountId, overrideAt: expectedAt(opts.expectedOverrideAt) },
      data: { overrideTierId: null, overrideReason: null, overrideById: null, overrideAt: null },
    });
    if (updated.count === 0) throw await overrideChanged(tx, accountId);
    await refreshAccountScore(tx, accountId, "override", true);
    await recordAudit(tx, { actorId: user.id, action: "tier.override.remove", entityType: "Account", entityId: accountId, accountId, before, after: { overrideTierId: null } });
    return buildScorecard(tx, accountId);
  });
}

/** Dated snapshots of the account's score and served tier, oldest first (the latest 500). */
export async function listScoreHistory(opts: { user: SessionUser; accountId: string }) {
  const access = await authorizeAccount({ user: opts.user, accountId: opts.accountId, action: "account:read" });
  const rows = await prisma.scoreSnapshot.findMany({
    where: { accountId: access.id },
    select: { id: true, createdAt: true, score: true, tierId: true, tierName: true, cause: true, modelVersion: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
  });
  return rows.reverse();
}
