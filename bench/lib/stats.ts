// The numbers `npm run bench` reports from its timings, and its verdict.

/** The value at quantile `p` (0–1) of `times`, to 0.1 ms; `times` need not be sorted. */
export function quantileMs(times: readonly number[], p: number): number {
  if (!times.length) return NaN;
  const sorted = [...times].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;
}

/** App over baseline, to two decimals (a baseline under 0.1 ms counts as 0.1). */
export function ratio(app: number, raw: number): number {
  return Math.round((app / Math.max(raw, 0.1)) * 100) / 100;
}

/**
 * Each round's own ratio of medians (the app's round i against the baseline's round i, which ran
 * right after it): how far one run's ratio moves with the machine while it runs.
 */
export function roundRatios(appRounds: readonly (readonly number[])[], rawRounds: readonly (readonly number[])[]): number[] {
  return appRounds.map((times, i) => ratio(quantileMs(times, 0.5), quantileMs(rawRounds[i] ?? [], 0.5)));
}

/** The bench's reference row: the framework's fixed cost, not a request people make. */
export const FLOOR = "framework floor";

/** The target for one request: its ratio at concurrency 20 is at most 2 (NaN is not). */
export const withinTarget = (ratio: number): boolean => ratio <= 2;

export type VerdictRow = { request: string; ratio: number; errors: number };

/**
 * The target over the requests measured: every one within 2× of its baseline at
 * concurrency 20 and no errors anywhere. The floor is not judged.
 */
export function verdict(rows: readonly VerdictRow[]): { ok: boolean; judged: number; missed: VerdictRow[]; errors: number } {
  const judged = rows.filter((r) => r.request !== FLOOR);
  const missed = judged.filter((r) => !withinTarget(r.ratio));
  const errors = rows.reduce((sum, r) => sum + r.errors, 0);
  return { ok: judged.length > 0 && missed.length === 0 && errors === 0, judged: judged.length, missed, errors };
}
