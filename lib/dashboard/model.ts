// Pure dashboard rules: how a tier move is classified, when a periodic review is due, the months
// of the last year, what a figure is called, and CSV. No I/O; unit-tested in
// tests/unit/dashboard-model.test.ts. The SQL in lib/dashboard/sql.ts applies the same rules
// set-wise in the database (the integration tests check the two agree).
import { DUE_SOON_DAYS, MOVE_LABELS, PERIODIC_LABELS, REVIEW_AGE_BUCKETS, ACTION_AGE_BUCKETS, SCORE_BUCKETS, COVERAGE_BUCKETS, type TMetric, type TMoveKind, type TPeriodicStatus } from "./metrics";
import { LIGHT_AREA_LABELS } from "@/lib/plans/vocabulary";
import { STAGE_LABELS } from "@/lib/accounts/stages";
import { addMonthsToDay, addMonthsToMoment, daysBetween } from "@/lib/days";
import { DEFAULT_REVIEW_EVERY_MONTHS } from "@/lib/reviews/model";

export type TTierAt = { rank: number; isKey: boolean } | null;

/**
 * How an account's tier changed between two moments. Rank 1 is the highest service level, so a
 * smaller rank is a move up. "new" and "dropped" are about being a key account at all (a tier
 * with isKey); moves among non-key states (unscored, "not a key account") are not moves: null.
 */
export function classifyTierMove(start: TTierAt, end: TTierAt): TMoveKind | null {
  const wasKey = Boolean(start?.isKey);
  const isKey = Boolean(end?.isKey);
  if (!wasKey && isKey) return "new";
  if (wasKey && !isKey) return "dropped";
  if (!wasKey && !isKey) return null;
  if (end!.rank < start!.rank) return "up";
  if (end!.rank > start!.rank) return "down";
  return "same";
}

/** Overdue when the due day is before today; due soon within DUE_SOON_DAYS days (inclusive). Days are YYYY-MM-DD. */
export function periodicStatus(dueDay: string, today: string): TPeriodicStatus {
  const diff = daysBetween(today, dueDay);
  if (diff < 0) return "overdue";
  if (diff <= DUE_SOON_DAYS) return "soon";
  return "later";
}

/** The plan in force is stale when its approval is older than the review cadence. */
export function isPlanStale(approvedAt: Date | null, reviewEveryMonths: number | null, now: Date): boolean {
  if (!approvedAt) return false;
  return addMonthsToMoment(approvedAt, reviewEveryMonths ?? DEFAULT_REVIEW_EVERY_MONTHS).getTime() < now.getTime();
}

/**
 * The twelve calendar months ending with `today`'s month (a day, YYYY-MM-DD, as `localToday` gives
 * it: the server's zone, the same one the months' events are counted in), oldest first, as YYYY-MM.
 */
export function lastTwelveMonths(today: string): string[] {
  return Array.from({ length: 12 }, (_, i) => addMonthsToDay(`${today.slice(0, 7)}-01`, i - 11).slice(0, 7));
}

export function formatMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
}

export type TNames = { tiers: Record<string, string>; users: Record<string, string> };

const bucketLabel = (list: { key: string; label: string }[], key: string | null) => list.find((b) => b.key === key)?.label ?? key ?? "";

/** What a figure is, in words, for the drill-down page's title. */
export function describeMetric(m: TMetric, names: TNames): string {
  const tier = (id: string | null | undefined) => (id === null ? "no tier" : names.tiers[id ?? ""] ?? "an unknown tier");
  switch (m.kind) {
    case "all":
      return "All accounts";
    case "key":
      return "Key accounts";
    case "tier":
      return m.tierId === null ? "Accounts without a tier" : `Accounts in tier ${tier(m.tierId)}`;
    case "score":
      return m.bucket === null ? "Accounts not scored yet" : `Accounts scoring ${SCORE_BUCKETS[m.bucket].label}`;
    case "move":
      return `${MOVE_LABELS[m.move]} in the last 12 months`;
    case "moveMonth":
      return `${MOVE_LABELS[m.move]} in ${formatMonth(m.month)}`;
    case "owner":
      return `${m.keyOnly ? "Key accounts" : "Accounts"} managed by ${names.users[m.ownerId] ?? "an unknown manager"}`;
    case "light":
      return m.color === "NONE"
        ? `Accounts with no ${LIGHT_AREA_LABELS[m.area].toLowerCase()} light set`
        : `Accounts with a ${m.color.toLowerCase()} ${LIGHT_AREA_LABELS[m.area].toLowerCase()} light`;
    case "noPlan":
      return "Accounts without an approved plan";
    case "stalePlan":
      return "Accounts whose approved plan is older than their review cadence";
    case "overdue":
      return m.bucket === null ? "Accounts with overdue actions" : `Accounts with actions overdue by ${bucketLabel(ACTION_AGE_BUCKETS, m.bucket).toLowerCase()}`;
    case "periodic":
      return `Periodic plan review: ${PERIODIC_LABELS[m.status].toLowerCase()}`;
    case "pending":
      return m.bucket === null ? "Accounts with mentor reviews pending" : `Accounts with mentor reviews pending ${bucketLabel(REVIEW_AGE_BUCKETS, m.bucket).toLowerCase()}`;
    case "mentor":
      return `Accounts reviewed by ${names.users[m.mentorId] ?? "an unknown mentor"} (last 12 months or pending)`;
    case "coverage":
      return m.bucket === null ? "Accounts whose relationships are not analysed yet" : `Accounts with a coverage score of ${COVERAGE_BUCKETS[m.bucket].label}`;
    case "uncovered":
      return "Accounts with decision makers nobody covers";
    case "single":
      return "Single-threaded accounts";
    case "year":
      if (m.missed) return `Accounts below their revenue target in ${m.year}`;
      return m.tierId !== undefined ? `Accounts in ${tier(m.tierId)} with targets or actuals for ${m.year}` : `Accounts with targets or actuals for ${m.year}`;
    case "stage":
      return `Accounts in ${STAGE_LABELS[m.stage].toLowerCase()}`;
  }
}

// ---------------------------------------------------------------- CSV

export type TCsvColumn<T> = { header: string; value: (row: T) => string | number | null | undefined };

/**
 * RFC 4180 CSV (CRLF line ends, quotes doubled). A cell that starts with = + - @ (or a tab or
 * carriage return) is prefixed with ' so that a spreadsheet does not run it as a formula; plain
 * negative numbers stay numbers.
 */
export function toCsv<T>(rows: readonly T[], columns: readonly TCsvColumn<T>[]): string {
  const cell = (v: string | number | null | undefined) => {
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
    let s = v;
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map((c) => cell(c.header)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** A file name for an export: letters, digits and dashes, with the day. */
export function csvFileName(title: string, today: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "export";
  return `keystone-${slug}-${today}.csv`;
}

/** Whether a tier's name already says it is not key ("Not a key account", "Non-key"): then no "(not key)" beside it. */
export const saysNotKey = (name: string) => /\bnot\b.*\bkey\b|\bnon-?key\b/i.test(name);
