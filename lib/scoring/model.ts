// Pure selection logic: the weighted score of an account, the tier it lands in, what would move
// it, and (in preview.ts) what a draft model would change. No I/O; unit-tested in
// tests/unit/scoring-model.test.ts. The service and the bulk re-tiering use these same functions,
// so the number a person sees on the scorecard is the number that decided the tier.

export { previewModelChange, type TPreviewAccount, type TPreviewModel, type TPreviewResult, type TPreviewRow, type TPreviewTierSummary, type TMove } from "./preview";
export { NAMING_SCHEMES, NAMING_SCHEME_IDS, NON_KEY_TIER_NAME, applyNamingScheme, type TNamingSchemeId, type TNamingScheme } from "./naming";

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

export type TCriterionLike = { id: string; weight: number; active: boolean };
export type TScoreValue = { criterionId: string; value: number };
export type TTierLike = { id: string; rank: number; minScore: number; isKey: boolean };

export type TBreakdownRow = {
  criterionId: string;
  /** null = not scored yet. */
  value: number | null;
  /** Share of the total this criterion carries for this account, in % (0 when unscored). */
  weight: number;
  /** Share of the whole active model, in %: what the settings page shows. */
  modelWeight: number;
  /** Points of the 0–100 total this criterion contributes. */
  contribution: number;
};

export type TCompleteness = { scored: number; total: number };

export type TScoreResult = {
  /** 0–100, one decimal; null while no weighted criterion is scored. */
  score: number | null;
  completeness: TCompleteness;
  breakdown: TBreakdownRow[];
};

/** A scale point 1..5 as points on 0..100: 1 → 0, 3 → 50, 5 → 100. */
export function scalePoints(value: number): number {
  return ((value - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)) * 100;
}

/**
 * Scores are kept to one decimal, the precision the screens show, so a score displayed as 60.0
 * is never tiered as 59.96 below a threshold of 60.
 */
export function roundScore(score: number): number {
  return Math.round(score * 10 + 1e-9) / 10;
}

function isScaleValue(value: number): boolean {
  return Number.isInteger(value) && value >= SCALE_MIN && value <= SCALE_MAX;
}

/**
 * The weighted, compensatory score of one account. Inactive criteria are ignored; zero-weight
 * criteria are shown but count for nothing; unscored criteria are left out and the weights of the
 * scored ones renormalised, so a half-filled scorecard is a fair estimate and says how complete
 * it is. Completeness counts the active criteria that carry weight (the ones that can matter).
 */
export function scoreAccount(criteria: readonly TCriterionLike[], scores: readonly TScoreValue[]): TScoreResult {
  const values = new Map<string, number>();
  for (const s of scores) {
    if (!isScaleValue(s.value)) throw new RangeError(`Score ${s.value} for ${s.criterionId} is outside the 1–5 scale`);
    values.set(s.criterionId, s.value);
  }
  const active = criteria.filter((c) => c.active);
  const weight = (c: TCriterionLike) => (Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 0);

  let modelWeight = 0;
  let scoredWeight = 0;
  let total = 0;
  let scored = 0;
  for (const c of active) {
    const w = weight(c);
    if (w === 0) continue;
    modelWeight += w;
    total += 1;
    if (values.has(c.id)) {
      scoredWeight += w;
      scored += 1;
    }
  }

  let sum = 0;
  const breakdown = active.map((c): TBreakdownRow => {
    const w = weight(c);
    const value = values.get(c.id) ?? null;
    const share = value !== null && scoredWeight > 0 ? w / scoredWeight : 0;
    const contribution = value === null ? 0 : share * scalePoints(value);
    sum += contribution;
    return {
      criterionId: c.id,
      value,
      weight: share * 100,
      modelWeight: modelWeight > 0 ? (w / modelWeight) * 100 : 0,
      contribution,
    };
  });

  return { score: scoredWeight > 0 ? roundScore(sum) : null, completeness: { scored, total }, breakdown };
}

/** Weights as percentages of the active model (what the settings page shows while typing). */
export function weightShares(criteria: readonly TCriterionLike[]): Map<string, number> {
  const active = criteria.filter((c) => c.active && c.weight > 0);
  const total = active.reduce((s, c) => s + c.weight, 0);
  return new Map(criteria.map((c) => [c.id, c.active && c.weight > 0 && total > 0 ? (c.weight / total) * 100 : 0]));
}

// ---------------------------------------------------------------- tiers

/** Tiers from the highest service level (rank 1) down. */
export function tiersByRank<T extends TTierLike>(tiers: readonly T[]): T[] {
  return [...tiers].sort((a, b) => a.rank - b.rank);
}

/** The "not a key account" tier: the non-key one, or failing that the lowest-ranked. */
export function lowestTier<T extends TTierLike>(tiers: readonly T[]): T | null {
  const ordered = tiersByRank(tiers);
  return ordered.find((t) => !t.isKey) ?? ordered[ordered.length - 1] ?? null;
}

/**
 * The tier a score earns: the highest-ranked tier whose minimum the score reaches. A score
 * exactly on a threshold reaches it (lands in the higher tier). An unscored account is not a key
 * account: nothing is known that would make it one.
 */
export function tierFor<T extends TTierLike>(score: number | null, tiers: readonly T[]): T | null {
  if (score === null) return lowestTier(tiers);
  return tiersByRank(tiers).find((t) => t.minScore <= score + 1e-9) ?? lowestTier(tiers);
}

/** The tier an account is served at: a senior manager's override wins over the computed tier. */
export function effectiveTier(
  computedTierId: string | null,
  overrideTierId: string | null,
): { tierId: string | null; overridden: boolean } {
  return overrideTierId ? { tierId: overrideTierId, overridden: true } : { tierId: computedTierId, overridden: false };
}

export type TWhatMovesIt<T extends TTierLike> = {
  current: T | null;
  /** The next tier up and the points still missing to reach its threshold. */
  up: { tier: T; pointsNeeded: number } | null;
  /** The tier below and how many points the account can lose before it drops into it. */
  down: { tier: T; margin: number } | null;
};

/** What would move an account up or down, in points of the 0–100 score. */
export function whatMovesIt<T extends TTierLike>(score: number | null, tiers: readonly T[]): TWhatMovesIt<T> {
  const ordered = tiersByRank(tiers);
  const current = tierFor(score, ordered);
  if (!current || score === null) return { current, up: null, down: null };
  const index = ordered.indexOf(current);
  const above = index > 0 ? ordered[index - 1] : null;
  const below = index < ordered.length - 1 ? ordered[index + 1] : null;
  return {
    current,
    up: above ? { tier: above, pointsNeeded: roundScore(above.minScore - score) } : null,
    down: below ? { tier: below, margin: roundScore(score - current.minScore) } : null,
  };
}

/**
 * Points one more step on each scored criterion would add (or one step less would cost), using
 * the account's current weight shares. Unscored criteria are left out: scoring them reshuffles
 * every share, so a single number would mislead.
 */
export function criterionLevers(breakdown: readonly TBreakdownRow[]): { criterionId: string; stepUp: number | null; stepDown: number | null }[] {
  const step = 100 / (SCALE_MAX - SCALE_MIN);
  return breakdown
    .filter((r) => r.value !== null && r.weight > 0)
    .map((r) => ({
      criterionId: r.criterionId,
      stepUp: (r.value ?? SCALE_MAX) < SCALE_MAX ? (r.weight / 100) * step : null,
      stepDown: (r.value ?? SCALE_MIN) > SCALE_MIN ? (r.weight / 100) * step : null,
    }));
}

/** How many accounts each tier serves (by effective tier) against its capacity. */
export function capacityUse<T extends TTierLike & { capacity: number | null }>(
  tiers: readonly T[],
  effectiveTierIds: Iterable<string | null>,
): { tier: T; count: number; over: number }[] {
  const counts = new Map<string, number>();
  for (const id of effectiveTierIds) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  return tiersByRank(tiers).map((tier) => {
    const count = counts.get(tier.id) ?? 0;
    return { tier, count, over: tier.capacity !== null && count > tier.capacity ? count - tier.capacity : 0 };
  });
}

/** Managers who hold more key accounts than their limit (maxKeyAccounts; null = no limit). */
export function managersOverLimit<M extends { id: string; maxKeyAccounts: number | null }>(
  managers: readonly M[],
  keyAccountOwners: Iterable<string>,
): { manager: M; count: number; over: number }[] {
  const counts = new Map<string, number>();
  for (const ownerId of keyAccountOwners) counts.set(ownerId, (counts.get(ownerId) ?? 0) + 1);
  return managers
    .filter((m) => m.maxKeyAccounts !== null && (counts.get(m.id) ?? 0) > m.maxKeyAccounts)
    .map((manager) => {
      const count = counts.get(manager.id) ?? 0;
      return { manager, count, over: count - (manager.maxKeyAccounts ?? 0) };
    });
}
