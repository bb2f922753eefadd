// The figures of the dashboard that drill down to a list of accounts, named by a short key that
// travels in the URL (`?metric=light:delivery:RED`), and the buckets the charts group by.
// Pure and browser-safe: the page builds links with these, the service turns them into SQL.
import { LIGHT_AREAS, type TLightArea } from "@/lib/plans/vocabulary";
import { STAGES, type StageName } from "@/lib/accounts/stages";

export type TBucket = { key: string; label: string; min: number; max: number | null };

/** Score 0–100 in ten bands; a score of exactly 100 falls in the top band. */
export const SCORE_BUCKETS: TBucket[] = Array.from({ length: 10 }, (_, i) => ({
  key: String(i),
  label: `${i * 10}–${i * 10 + 10}`,
  min: i * 10,
  max: i * 10 + 10,
}));

/** Coverage score 0–100 in five bands. */
export const COVERAGE_BUCKETS: TBucket[] = Array.from({ length: 5 }, (_, i) => ({
  key: String(i),
  label: `${i * 20}–${i * 20 + 20}`,
  min: i * 20,
  max: i * 20 + 20,
}));

/** How many days an open action is past its due day (1 = due yesterday). Inclusive bounds. */
export const ACTION_AGE_BUCKETS: TBucket[] = [
  { key: "1-7", label: "1–7 days", min: 1, max: 7 },
  { key: "8-30", label: "8–30 days", min: 8, max: 30 },
  { key: "31-90", label: "31–90 days", min: 31, max: 90 },
  { key: "91+", label: "More than 90 days", min: 91, max: null },
];

/** How many whole days a mentor review has waited since it was submitted. Inclusive bounds. */
export const REVIEW_AGE_BUCKETS: TBucket[] = [
  { key: "0-7", label: "Up to a week", min: 0, max: 7 },
  { key: "8-14", label: "1–2 weeks", min: 8, max: 14 },
  { key: "15-30", label: "2–4 weeks", min: 15, max: 30 },
  { key: "31+", label: "More than 30 days", min: 31, max: null },
];

/** Days ahead in which a periodic review counts as "due soon". */
export const DUE_SOON_DAYS = 30;
export const PERIODIC_STATUSES = ["overdue", "soon", "later"] as const;
export type TPeriodicStatus = (typeof PERIODIC_STATUSES)[number];
export const PERIODIC_LABELS: Record<TPeriodicStatus, string> = {
  overdue: "Overdue",
  soon: `Due within ${DUE_SOON_DAYS} days`,
  later: "Not due yet",
};

export const MOVE_KINDS = ["up", "down", "new", "dropped", "same"] as const;
export type TMoveKind = (typeof MOVE_KINDS)[number];
export const MOVE_LABELS: Record<TMoveKind, string> = {
  up: "Moved up",
  down: "Moved down",
  new: "New key accounts",
  dropped: "No longer key",
  same: "Same tier",
};

export const LIGHT_VALUES = ["RED", "AMBER", "GREEN", "NONE"] as const;
export type TLightValue = (typeof LIGHT_VALUES)[number];

export type TMetric =
  | { kind: "all" }
  | { kind: "key" }
  | { kind: "tier"; tierId: string | null }
  | { kind: "score"; bucket: number | null }
  | { kind: "move"; move: TMoveKind }
  | { kind: "moveMonth"; month: string; move: Exclude<TMoveKind, "same"> }
  | { kind: "owner"; ownerId: string; keyOnly: boolean }
  | { kind: "light"; area: TLightArea; color: TLightValue }
  | { kind: "noPlan" }
  | { kind: "stalePlan" }
  | { kind: "overdue"; bucket: string | null }
  | { kind: "periodic"; status: TPeriodicStatus }
  | { kind: "pending"; bucket: string | null }
  | { kind: "mentor"; mentorId: string }
  | { kind: "coverage"; bucket: number | null }
  | { kind: "uncovered" }
  | { kind: "single" }
  | { kind: "year"; year: number; tierId?: string | null; missed?: boolean }
  | { kind: "stage"; stage: StageName };

const ID = /^[A-Za-z0-9_-]{1,40}$/;
const includes = <T extends string>(list: readonly T[], v: string | undefined): v is T => v !== undefined && (list as readonly string[]).includes(v);
const bucketIndex = (v: string | undefined, n: number): number | null | undefined =>
  v === "none" ? null : v !== undefined && /^\d+$/.test(v) && Number(v) < n ? Number(v) : undefined;

/** The figure a key names, or null when the key is not one the dashboard knows. */
export function parseMetric(key: string): TMetric | null {
  const [kind, a, b, c, ...rest] = key.split(":");
  if (rest.length) return null;
  const none = (...xs: (string | undefined)[]) => xs.every((x) => x === undefined);
  switch (kind) {
    case "all":
    case "key":
    case "noPlan":
    case "stalePlan":
    case "uncovered":
    case "single":
      return none(a, b, c) ? ({ kind } as TMetric) : null;
    case "tier":
      return a && (a === "none" || ID.test(a)) && none(b, c) ? { kind, tierId: a === "none" ? null : a } : null;
    case "score":
    case "coverage": {
      const bucket = bucketIndex(a, kind === "score" ? SCORE_BUCKETS.length : COVERAGE_BUCKETS.length);
      return bucket !== undefined && none(b, c) ? { kind, bucket } : null;
    }
    case "move":
      return includes(MOVE_KINDS, a) && none(b, c) ? { kind, move: a } : null;
    case "moveMonth":
      return a && /^\d{4}-(0[1-9]|1[0-2])$/.test(a) && includes(MOVE_KINDS, b) && b !== "same" && none(c) ? { kind, month: a, move: b } : null;
    case "owner":
      return a && ID.test(a) && (b === "key" || b === "all") && none(c) ? { kind, ownerId: a, keyOnly: b === "key" } : null;
    case "light":
      return includes(LIGHT_AREAS, a) && includes(LIGHT_VALUES, b) && none(c) ? { kind, area: a, color: b } : null;
    case "overdue":
    case "pending": {
      const buckets = kind === "overdue" ? ACTION_AGE_BUCKETS : REVIEW_AGE_BUCKETS;
      if (a === undefined) return { kind, bucket: null };
      return buckets.some((x) => x.key === a) && none(b, c) ? { kind, bucket: a } : null;
    }
    case "periodic":
      return includes(PERIODIC_STATUSES, a) && none(b, c) ? { kind, status: a } : null;
    case "mentor":
      return a && ID.test(a) && none(b, c) ? { kind, mentorId: a } : null;
    case "year": {
      if (!a || !/^\d{4}$/.test(a)) return null;
      const year = Number(a);
      if (b === undefined) return { kind, year };
      if (b === "missed" && c === undefined) return { kind, year, missed: true };
      if (b === "tier" && c && (c === "none" || ID.test(c))) return { kind, year, tierId: c === "none" ? null : c };
      return null;
    }
    case "stage":
      return includes(STAGES, a) && none(b, c) ? { kind, stage: a } : null;
    default:
      return null;
  }
}

/** The key of a figure (the inverse of parseMetric). */
export function metricKey(m: TMetric): string {
  switch (m.kind) {
    case "tier":
      return `tier:${m.tierId ?? "none"}`;
    case "score":
    case "coverage":
      return `${m.kind}:${m.bucket ?? "none"}`;
    case "move":
      return `move:${m.move}`;
    case "moveMonth":
      return `moveMonth:${m.month}:${m.move}`;
    case "owner":
      return `owner:${m.ownerId}:${m.keyOnly ? "key" : "all"}`;
    case "light":
      return `light:${m.area}:${m.color}`;
    case "overdue":
    case "pending":
      return m.bucket === null ? m.kind : `${m.kind}:${m.bucket}`;
    case "periodic":
      return `periodic:${m.status}`;
    case "mentor":
      return `mentor:${m.mentorId}`;
    case "year":
      return m.missed ? `year:${m.year}:missed` : m.tierId !== undefined ? `year:${m.year}:tier:${m.tierId ?? "none"}` : `year:${m.year}`;
    case "stage":
      return `stage:${m.stage}`;
    default:
      return m.kind;
  }
}

/** Which bucket a value falls in (inclusive integer bounds for ages; [min, max) for scores, top band closed). */
export function bucketFor(buckets: readonly TBucket[], value: number | null, kind: "range" | "days"): TBucket | null {
  if (value === null || Number.isNaN(value)) return null;
  if (kind === "range") {
    const last = buckets[buckets.length - 1];
    if (value >= last.min) return last;
    return buckets.find((b) => value >= b.min && value < (b.max ?? Infinity)) ?? (value < buckets[0].min ? buckets[0] : null);
  }
  return buckets.find((b) => value >= b.min && (b.max === null || value <= b.max)) ?? null;
}
