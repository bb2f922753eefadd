// What-if: the tier every account would get under a draft selection model, compared with the
// current one, before anything is saved. Pure; the service feeds it every account's scores in
// one read, and saving a model runs the same computation to re-tier.
import { scoreAccount, tierFor, type TCriterionLike, type TScoreValue, type TTierLike } from "./model";

export type TPreviewAccount = {
  id: string;
  name?: string;
  ownerId?: string;
  scores: readonly TScoreValue[];
  overrideTierId: string | null;
};

/** A model as the settings form holds it: new criteria and tiers have no id yet. */
export type TPreviewModel = {
  criteria: readonly (Omit<TCriterionLike, "id"> & { id?: string | null })[];
  tiers: readonly (Omit<TTierLike, "id"> & { id?: string | null; name: string; capacity?: number | null })[];
};

export type TMove = "up" | "down" | "same";

export type TPreviewRow = {
  accountId: string;
  name?: string;
  oldScore: number | null;
  newScore: number | null;
  /** Computed tiers (before any override), as tier keys: the id, or "new:<rank>" for a tier not saved yet. */
  oldTierKey: string | null;
  newTierKey: string | null;
  /** The override, kept as it is: an override is never undone by a model change. */
  overrideTierId: string | null;
  /** Direction of the computed tier's move; for overridden accounts the effective tier does not move. */
  move: TMove;
};

export type TPreviewTierSummary = {
  key: string;
  name: string;
  rank: number;
  capacity: number | null;
  /** Accounts served at this tier (effective tier, overrides included) now and under the draft. */
  before: number;
  after: number;
  movedIn: number;
  movedOut: number;
  /** True when the draft puts more accounts in the tier than its capacity. */
  overCapacity: boolean;
  /** A tier present now but dropped from the draft. */
  removed: boolean;
};

export type TPreviewResult = {
  rows: TPreviewRow[];
  summary: {
    accounts: number;
    up: number;
    down: number;
    unchanged: number;
    /** Overridden accounts whose computed tier would move (their served tier stays). */
    overriddenMoves: number;
    /** Accounts overridden to a tier that the draft removes: saving must not drop them silently. */
    overridesOnRemovedTiers: number;
    tiers: TPreviewTierSummary[];
  };
};

type TKeyedTier = TTierLike & { name: string; capacity: number | null };

export const tierKey = (t: { id?: string | null; rank: number }) => t.id ?? `new:${t.rank}`;

function keyed(model: TPreviewModel): { criteria: TCriterionLike[]; tiers: TKeyedTier[] } {
  return {
    // Unsaved criteria have no scores yet, but they count towards completeness.
    criteria: model.criteria.map((c, i) => ({ id: c.id ?? `new-criterion:${i}`, weight: c.weight, active: c.active })),
    tiers: model.tiers.map((t) => ({ id: tierKey(t), rank: t.rank, minScore: t.minScore, isKey: t.isKey, name: t.name, capacity: t.capacity ?? null })),
  };
}

/** Position from the bottom (non-key tier = 0): comparable across models with different tier counts. */
function levelOf(tier: TKeyedTier, tiers: readonly TKeyedTier[]): number {
  return tiers.filter((t) => t.rank > tier.rank).length;
}

function direction(oldTier: TKeyedTier | null, newTier: TKeyedTier | null, current: TKeyedTier[], draft: TKeyedTier[]): TMove {
  if (!oldTier || !newTier || oldTier.id === newTier.id) return "same";
  // The old tier still exists in the draft: compare where both now stand (a tier inserted above
  // Gold must not read as every Gold account moving down).
  const oldInDraft = draft.find((t) => t.id === oldTier.id);
  const a = oldInDraft ? levelOf(oldInDraft, draft) : levelOf(oldTier, current);
  const b = levelOf(newTier, draft);
  return b > a ? "up" : b < a ? "down" : "same";
}

export function previewModelChange(
  accounts: readonly TPreviewAccount[],
  currentModel: TPreviewModel,
  draftModel: TPreviewModel,
): TPreviewResult {
  const current = keyed(currentModel);
  const draft = keyed(draftModel);
  const draftIds = new Set(draft.tiers.map((t) => t.id));

  const before = new Map<string, number>();
  const after = new Map<string, number>();
  const movedIn = new Map<string, number>();
  const movedOut = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string | null) => k && m.set(k, (m.get(k) ?? 0) + 1);

  let up = 0;
  let down = 0;
  let unchanged = 0;
  let overriddenMoves = 0;
  let overridesOnRemovedTiers = 0;

  const rows = accounts.map((account): TPreviewRow => {
    const oldScore = scoreAccount(current.criteria, account.scores).score;
    const newScore = scoreAccount(draft.criteria, account.scores).score;
    const oldTier = tierFor(oldScore, current.tiers);
    const newTier = tierFor(newScore, draft.tiers);
    const move = direction(oldTier, newTier, current.tiers, draft.tiers);
    const overrideTierId = account.overrideTierId;

    if (move === "up") up += 1;
    else if (move === "down") down += 1;
    else unchanged += 1;
    if (overrideTierId && move !== "same") overriddenMoves += 1;
    if (overrideTierId && !draftIds.has(overrideTierId)) overridesOnRemovedTiers += 1;

    const servedBefore = overrideTierId ?? oldTier?.id ?? null;
    const servedAfter = overrideTierId ?? newTier?.id ?? null;
    bump(before, servedBefore);
    bump(after, servedAfter);
    if (servedBefore !== servedAfter) {
      bump(movedOut, servedBefore);
      bump(movedIn, servedAfter);
    }

    return {
      accountId: account.id,
      name: account.name,
      oldScore,
      newScore,
      oldTierKey: oldTier?.id ?? null,
      newTierKey: newTier?.id ?? null,
      overrideTierId,
      move,
    };
  });

  const summarise = (t: TKeyedTier, removed: boolean): TPreviewTierSummary => {
    const count = removed ? 0 : (after.get(t.id) ?? 0);
    return {
      key: t.id,
      name: t.name,
      rank: t.rank,
      capacity: t.capacity,
      before: before.get(t.id) ?? 0,
      after: after.get(t.id) ?? 0,
      movedIn: movedIn.get(t.id) ?? 0,
      movedOut: movedOut.get(t.id) ?? 0,
      overCapacity: !removed && t.capacity !== null && count > t.capacity,
      removed,
    };
  };
  const tiers = [
    ...[...draft.tiers].sort((a, b) => a.rank - b.rank).map((t) => summarise(t, false)),
    ...current.tiers.filter((t) => !draftIds.has(t.id)).map((t) => summarise(t, true)),
  ];

  return {
    rows,
    summary: { accounts: accounts.length, up, down, unchanged, overriddenMoves, overridesOnRemovedTiers, tiers },
  };
}
