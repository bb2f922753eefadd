// Pure review logic: the periodic review schedule, the order of the mentor's queue, thread states,
// which comments a resubmission answers, and turnaround per mentor. No I/O; unit-tested in
// tests/unit/reviews-model.test.ts.
import { addDays, addMonthsToDay, daysBetween, isoDay, localDay, timeOf } from "@/lib/days";
import type { TReviewStatus, TVerdict } from "./schema";

// ---------------------------------------------------------------- periodic reviews

/** Without a tier (or before the account is scored) the plan is reviewed every six months. */
export const DEFAULT_REVIEW_EVERY_MONTHS = 6;
/** A periodic review due within this many days shows in the queue as "due soon". */
export const DUE_SOON_DAYS = 30;

export function reviewEveryMonths(tier: { reviewEveryMonths: number } | null | undefined): number {
  const n = tier?.reviewEveryMonths;
  return n && n > 0 ? n : DEFAULT_REVIEW_EVERY_MONTHS;
}

export type TPeriodicState = "overdue" | "due-soon" | "scheduled";

export type TPeriodicSchedule = {
  everyMonths: number;
  /** The last review meeting, or null when none was ever held. */
  lastReviewedOn: string | null;
  /** The day the next review is due. */
  dueOn: string;
  state: TPeriodicState;
  /** Positive: days past due; negative: days left. */
  daysOverdue: number;
  /** What the cadence counts from: the last meeting, else the first approved plan, else the account's creation. */
  countedFrom: TScheduleBasis;
  /** The day it counts from. */
  countedFromOn: string;
};

export type TScheduleBasis = "meeting" | "first-approval" | "creation";

/**
 * When the next periodic review is due: `everyMonths` after the last review meeting; before any,
 * after the account's first approved plan; without one, after the account's creation (`since`).
 * Due today is not overdue yet. The dashboard counts by the same rule (lib/dashboard/sql.ts
 * `periodicDue`).
 */
export function periodicSchedule(input: {
  lastReviewedAt: Date | string | null;
  firstApprovedAt?: Date | string | null;
  since: Date | string;
  everyMonths: number;
  today: Date | string;
}): TPeriodicSchedule {
  // The last review is a meeting day (stored at midnight UTC, read as the day it is); the first
  // approval and the creation are moments, read as the day they fell on where the app runs.
  const from = input.lastReviewedAt ? isoDay(input.lastReviewedAt) : localDay(input.firstApprovedAt ?? input.since);
  const dueOn = addMonthsToDay(from, input.everyMonths);
  const daysOverdue = daysBetween(dueOn, input.today);
  return {
    everyMonths: input.everyMonths,
    lastReviewedOn: input.lastReviewedAt ? isoDay(input.lastReviewedAt) : null,
    dueOn,
    state: daysOverdue > 0 ? "overdue" : -daysOverdue <= DUE_SOON_DAYS ? "due-soon" : "scheduled",
    daysOverdue,
    countedFrom: input.lastReviewedAt ? "meeting" : input.firstApprovedAt ? "first-approval" : "creation",
    countedFromOn: from,
  };
}

/**
 * When the last plan review was held, and, before the first one, what the schedule counts from:
 * "Last held 10 Jan 2026", or "Never held; counted from the first approved plan, 3 Feb 2026".
 * `formatDay` is the caller's format for a day (lib/format formatDay).
 */
export function lastHeldLabel(s: Pick<TPeriodicSchedule, "lastReviewedOn" | "countedFrom" | "countedFromOn">, formatDay: (day: string) => string): string {
  if (s.lastReviewedOn) return `Last held ${formatDay(s.lastReviewedOn)}`;
  const from = s.countedFrom === "first-approval" ? "the first approved plan" : "when the account was added";
  return `Never held; counted from ${from}, ${formatDay(s.countedFromOn)}`;
}

// ---------------------------------------------------------------- the queue

/** What a mentor aims for: a verdict within two working weeks of the request. */
export const REVIEW_TARGET_DAYS = 10;

export type TQueueUrgencyInput =
  | { kind: "review"; submittedAt: Date | string; decisionDate: Date | string | null }
  | { kind: "periodic-review"; dueOn: string };

/**
 * The day by which an item should be dealt with: the customer's decision date or the end of the
 * review target, whichever is first, for a review; the due date for a periodic review. Sorting
 * by it puts the most urgent first and, among equals, the oldest.
 */
export function queueDeadline(item: TQueueUrgencyInput): string {
  if (item.kind === "periodic-review") return item.dueOn;
  const target = addDays(localDay(item.submittedAt), REVIEW_TARGET_DAYS);
  if (!item.decisionDate) return target;
  const decision = isoDay(item.decisionDate);
  return decision < target ? decision : target;
}

export type TUrgency = { deadline: string; tone: "red" | "amber" | "slate"; label: string };

/** A short, honest line about why an item is where it is in the queue. */
export function describeUrgency(item: TQueueUrgencyInput, today: Date | string): TUrgency {
  const deadline = queueDeadline(item);
  const left = daysBetween(today, deadline);
  const tone = left < 0 ? "red" : left <= 3 ? "amber" : "slate";
  const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
  if (item.kind === "periodic-review") {
    const label = left < 0 ? `Periodic review overdue by ${days(-left)}` : left === 0 ? "Periodic review due today" : `Periodic review due in ${days(left)}`;
    return { deadline, tone, label };
  }
  const waited = Math.max(0, daysBetween(localDay(item.submittedAt), today));
  const waiting = waited === 0 ? "Asked today" : `Waiting ${days(waited)}`;
  if (item.decisionDate && isoDay(item.decisionDate) === deadline) {
    const d = daysBetween(today, item.decisionDate);
    const decision = d < 0 ? `customer decided ${days(-d)} ago` : d === 0 ? "customer decides today" : `customer decides in ${days(d)}`;
    return { deadline, tone, label: `${waiting}; ${decision}` };
  }
  return { deadline, tone, label: left < 0 ? `${waiting}, past the ${REVIEW_TARGET_DAYS}-day target` : waiting };
}

/** Most urgent first (earliest deadline), then the one waiting longest. */
export function sortQueue<T extends { deadline: string; since: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.since.localeCompare(b.since));
}

// ---------------------------------------------------------------- verdicts

export const VERDICT_STATUS: Record<TVerdict, TReviewStatus> = { endorse: "endorsed", "request-changes": "changes-requested" };

/** A verdict is given once: only a pending review takes one. */
export const canGiveVerdict = (status: TReviewStatus) => status === "pending";

// ---------------------------------------------------------------- threads

export type TThreadMessage = { authorId: string; createdAt: Date | string };
export type TThreadState = "resolved" | "awaiting-team" | "awaiting-mentor";

/**
 * Whose turn it is in a thread: resolved threads rest; otherwise the side that did not write the
 * last message is expected to answer. The team is the account's owner and team members. A thread
 * the team marked as answered by a later version waits for the mentor, whoever wrote last.
 */
export function threadState(input: { resolvedAt: Date | string | null; messages: readonly TThreadMessage[]; teamUserIds: readonly string[]; answered?: boolean }): TThreadState {
  if (input.resolvedAt) return "resolved";
  if (input.answered) return "awaiting-mentor";
  // The latest message; of two at the same moment, the later in the list.
  let last: TThreadMessage | undefined;
  let lastAt = -Infinity;
  for (const m of input.messages) {
    const at = timeOf(m.createdAt);
    if (at >= lastAt) (last = m), (lastAt = at);
  }
  if (!last) return "awaiting-team";
  return input.teamUserIds.includes(last.authorId) ? "awaiting-mentor" : "awaiting-team";
}

/**
 * The comments of the previous review that a resubmitted version answers when the team did not
 * say: open threads anchored to a section that changed. Threads about the review as a whole
 * ("general") are never assumed answered.
 */
export function defaultAnswers(threads: readonly { id: string; section: string; resolvedAt: Date | string | null }[], changedSections: readonly string[]): string[] {
  const changed = new Set(changedSections);
  return threads.filter((t) => !t.resolvedAt && t.section !== "general" && changed.has(t.section)).map((t) => t.id);
}

// ---------------------------------------------------------------- turnaround

const DAY_MS = 86_400_000;

/** Days from the request to the verdict, to one decimal (a verdict in 6 hours is 0.3 days). */
export function turnaroundDays(submittedAt: Date | string, decidedAt: Date | string): number {
  const ms = timeOf(decidedAt) - timeOf(submittedAt);
  return Math.max(0, Math.round((ms / DAY_MS) * 10) / 10);
}

export type TTurnaroundRow = {
  mentorId: string;
  decided: number;
  medianDays: number | null;
  averageDays: number | null;
  longestDays: number | null;
  /** Share of verdicts given within REVIEW_TARGET_DAYS. */
  withinTarget: number | null;
  pending: number;
  /** Age of the oldest review still waiting, in whole days. */
  oldestPendingDays: number | null;
};

function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(m * 10) / 10;
}

/** Turnaround per mentor: decided reviews give the times, pending ones the backlog. */
export function turnaroundByMentor(
  reviews: readonly { mentorId: string; submittedAt: Date | string; decidedAt: Date | string | null }[],
  now: Date | string,
): TTurnaroundRow[] {
  const byMentor = new Map<string, { days: number[]; pending: number; oldest: number | null }>();
  const nowMs = timeOf(now);
  for (const r of reviews) {
    const row = byMentor.get(r.mentorId) ?? { days: [], pending: 0, oldest: null };
    if (r.decidedAt) row.days.push(turnaroundDays(r.submittedAt, r.decidedAt));
    else {
      row.pending += 1;
      const age = Math.max(0, Math.floor((nowMs - timeOf(r.submittedAt)) / DAY_MS));
      row.oldest = row.oldest === null ? age : Math.max(row.oldest, age);
    }
    byMentor.set(r.mentorId, row);
  }
  return [...byMentor.entries()].map(([mentorId, r]) => {
    const days = [...r.days].sort((a, b) => a - b);
    const sum = days.reduce((s, d) => s + d, 0);
    return {
      mentorId,
      decided: days.length,
      medianDays: median(days),
      averageDays: days.length ? Math.round((sum / days.length) * 10) / 10 : null,
      longestDays: days.length ? days[days.length - 1] : null,
      withinTarget: days.length ? days.filter((d) => d <= REVIEW_TARGET_DAYS).length / days.length : null,
      pending: r.pending,
      oldestPendingDays: r.oldest,
    };
  });
}
