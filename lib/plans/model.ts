// Pure plan logic: version statuses, overdue actions, current traffic lights, targets vs actuals,
// team commitment. No I/O; unit-tested in tests/unit/plans-*.test.ts.
import {
  LIGHT_AREAS,
  SECTION_LABELS,
  type TActionStatus,
  type TFinancialTarget,
  type TLightArea,
  type TLightColor,
  type TPlanContent,
  type TPlanSection,
  type TPlanVersionStatus,
} from "./schema";
import { diffPlanContent } from "./diff";

export { diffPlanContent, diffText, samePlanContent, canonicalPlanJson } from "./diff";
export type { TPlanDiff, TSectionDiff, TTextDiff, TFieldDiff, TObjectiveDiff, TTargetDiff, TChangeStatus, TDiffPart } from "./diff";

import { daysBetween, isoDay } from "@/lib/days";

// ---------------------------------------------------------------- actions

export type TActionLike = { status: TActionStatus; dueDate: Date | string };

/** An open action whose due day has passed. Due today is not overdue yet; done or dropped never is. */
export function isOverdue(action: TActionLike, today: Date | string): boolean {
  return action.status === "OPEN" && isoDay(action.dueDate) < isoDay(today);
}

export function daysOverdue(action: TActionLike, today: Date | string): number {
  return isOverdue(action, today) ? daysBetween(action.dueDate, today) : 0;
}

/** Overdue first (oldest first), then open by due date, then done and dropped (latest due first). */
export function sortActions<T extends TActionLike>(actions: readonly T[], today: Date | string): T[] {
  const rank = (a: T) => (isOverdue(a, today) ? 0 : a.status === "OPEN" ? 1 : 2);
  return [...actions].sort((x, y) => {
    const r = rank(x) - rank(y);
    if (r) return r;
    const dx = isoDay(x.dueDate);
    const dy = isoDay(y.dueDate);
    return rank(x) === 2 ? dy.localeCompare(dx) : dx.localeCompare(dy);
  });
}

// ---------------------------------------------------------------- traffic lights

export type TLightRecord = {
  area: string;
  color: TLightColor;
  reason: string;
  setAt: Date | string;
  setById?: string | null;
};

const time = (d: Date | string) => (typeof d === "string" ? Date.parse(d) : d.getTime());

/** The current light of each standard area: its latest row (append-only history), or null if never set. */
export function currentLights<T extends TLightRecord>(history: readonly T[]): Record<TLightArea, T | null> {
  const out = Object.fromEntries(LIGHT_AREAS.map((a) => [a, null])) as Record<TLightArea, T | null>;
  for (const row of history) {
    if (!(LIGHT_AREAS as readonly string[]).includes(row.area)) continue;
    const area = row.area as TLightArea;
    const prev = out[area];
    // On an exact tie the row that comes later in the history wins: it was written last.
    if (!prev || time(row.setAt) >= time(prev.setAt)) out[area] = row;
  }
  return out;
}

/** One area's history, newest first. */
export function lightHistory<T extends TLightRecord>(history: readonly T[], area: TLightArea): T[] {
  return history
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.area === area)
    .sort((a, b) => time(b.row.setAt) - time(a.row.setAt) || b.i - a.i)
    .map(({ row }) => row);
}

const SEVERITY: Record<TLightColor, number> = { GREEN: 0, AMBER: 1, RED: 2 };

/** The worst of the current lights, for a one-glance summary; null when none is set. */
export function worstLight(current: Record<TLightArea, TLightRecord | null>): TLightColor | null {
  let worst: TLightColor | null = null;
  for (const l of Object.values(current)) {
    if (l && (worst === null || SEVERITY[l.color] > SEVERITY[worst])) worst = l.color;
  }
  return worst;
}

// ---------------------------------------------------------------- version statuses

export type TVersionLike = { number: number; status: TPlanVersionStatus };

export const PLAN_STATUS_LABELS: Record<TPlanVersionStatus | "DRAFT", string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  APPROVED: "Approved",
  CHANGES_REQUESTED: "Changes requested",
  SUPERSEDED: "Superseded",
};

/**
 * draft -> SUBMITTED -> APPROVED | CHANGES_REQUESTED. A submitted version that a later approval
 * overtakes, and an approved version that a newer approval replaces, become SUPERSEDED. The
 * draft is not a version: it lives on the plan and becomes one when submitted.
 */
const TRANSITIONS: Record<TPlanVersionStatus, readonly TPlanVersionStatus[]> = {
  SUBMITTED: ["APPROVED", "CHANGES_REQUESTED", "SUPERSEDED"],
  APPROVED: ["SUPERSEDED"],
  CHANGES_REQUESTED: [],
  SUPERSEDED: [],
};

export function canTransition(from: TPlanVersionStatus, to: TPlanVersionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Only a submitted version awaits a decision (approve or request changes). */
export const awaitsDecision = (v: { status: TPlanVersionStatus }) => v.status === "SUBMITTED";

/** The current plan: the latest approved version. */
export function currentVersion<T extends TVersionLike>(versions: readonly T[]): T | null {
  return versions.filter((v) => v.status === "APPROVED").reduce<T | null>((best, v) => (!best || v.number > best.number ? v : best), null);
}

export function latestVersion<T extends TVersionLike>(versions: readonly T[]): T | null {
  return versions.reduce<T | null>((best, v) => (!best || v.number > best.number ? v : best), null);
}

export function nextVersionNumber(versions: readonly TVersionLike[]): number {
  return (latestVersion(versions)?.number ?? 0) + 1;
}

export type TStatusChange = { number: number; from: TPlanVersionStatus; to: TPlanVersionStatus };

/**
 * What approving version `number` changes: it becomes APPROVED; the previously approved version
 * and any older version still awaiting a decision become SUPERSEDED. Refused (with a reason) when
 * the version is not awaiting a decision or a newer version is already approved.
 */
export function approvalChanges(
  versions: readonly TVersionLike[],
  number: number,
): { ok: true; changes: TStatusChange[] } | { ok: false; reason: string } {
  const target = versions.find((v) => v.number === number);
  if (!target) return { ok: false, reason: `There is no version ${number}` };
  if (!awaitsDecision(target)) {
    return { ok: false, reason: `Version ${number} is ${PLAN_STATUS_LABELS[target.status].toLowerCase()}, not awaiting a decision` };
  }
  const current = currentVersion(versions);
  if (current && current.number > number) return { ok: false, reason: `A newer version (${current.number}) is already approved` };
  const changes: TStatusChange[] = [{ number, from: target.status, to: "APPROVED" }];
  for (const v of versions) {
    if (v.number === number) continue;
    if (v.status === "APPROVED" || (v.status === "SUBMITTED" && v.number < number)) {
      changes.push({ number: v.number, from: v.status, to: "SUPERSEDED" });
    }
  }
  return { ok: true, changes };
}

export type TPlanPhase = { label: string; tone: "neutral" | "info" | "success" | "warning" };

/** One line for the plan header: where the plan stands. */
export function planPhase(versions: readonly TVersionLike[], draftHasChanges: boolean): TPlanPhase {
  const latest = latestVersion(versions);
  const current = currentVersion(versions);
  if (!latest) return { label: draftHasChanges ? "Draft, never submitted" : "No plan yet", tone: "neutral" };
  if (latest.status === "SUBMITTED") return { label: `Version ${latest.number} submitted, awaiting review`, tone: "info" };
  if (latest.status === "CHANGES_REQUESTED") return { label: `Changes requested on version ${latest.number}`, tone: "warning" };
  if (current) {
    return {
      label: draftHasChanges ? `Version ${current.number} approved; draft has unsubmitted changes` : `Version ${current.number} approved`,
      tone: "success",
    };
  }
  return { label: `Version ${latest.number} ${PLAN_STATUS_LABELS[latest.status].toLowerCase()}`, tone: "neutral" };
}

/**
 * What a draft still lacks before it can be submitted as a version, per section. Drafts may be
 * incomplete (saved mid-thought); a version is a plan someone can be asked to commit to.
 */
export function submitProblems(content: TPlanContent): Partial<Record<TPlanSection, string>> {
  const out: Partial<Record<TPlanSection, string>> = {};
  const label = (s: TPlanSection) => SECTION_LABELS[s];
  if (!content.objectives.length) out.objectives = `${label("objectives")}: add at least one objective`;
  else if (content.objectives.some((o) => !o.title.trim())) out.objectives = `${label("objectives")}: every objective needs a title`;
  if (!content.financialTargets.length) out.financialTargets = `${label("financialTargets")}: add targets for at least one year`;
  else if (content.financialTargets.some((t) => t.revenue === null || t.margin === null)) {
    out.financialTargets = `${label("financialTargets")}: fill in revenue and margin for every year`;
  }
  if (!content.strategy.trim()) out.strategy = `${label("strategy")}: describe the strategy`;
  return out;
}

/** Sections where two drafts differ: what a person must look at when their save hits a 409. */
export function conflictingSections(mine: TPlanContent, theirs: TPlanContent): TPlanSection[] {
  return diffPlanContent(theirs, mine).changedSections;
}

// ---------------------------------------------------------------- targets vs actuals

export type TMoney = number | null;
export type TRecordedYear = {
  year: number;
  targetRevenue: TMoney;
  targetMargin: TMoney;
  actualRevenue: TMoney;
  actualMargin: TMoney;
};

export type TTargetVsActual = {
  year: number;
  targetRevenue: TMoney;
  actualRevenue: TMoney;
  targetMargin: TMoney;
  actualMargin: TMoney;
  /** actual - target, when both are known. */
  revenueVariance: TMoney;
  marginVariance: TMoney;
  /** actual / target revenue (1 = on target), when both are known and the target is not zero. */
  revenueAttainment: number | null;
};

/**
 * One row per year for the chart. A target recorded on the financial year (set explicitly, or
 * copied from the plan when a version was approved) wins over the current plan's target.
 */
export function targetsVsActuals(input: { planTargets: readonly TFinancialTarget[]; recorded: readonly TRecordedYear[] }): TTargetVsActual[] {
  const years = [...new Set([...input.planTargets.map((t) => t.year), ...input.recorded.map((r) => r.year)])].sort((a, b) => a - b);
  const diff = (a: TMoney, t: TMoney) => (a === null || t === null ? null : Math.round((a - t) * 100) / 100);
  return years.map((year) => {
    const plan = input.planTargets.find((t) => t.year === year);
    const rec = input.recorded.find((r) => r.year === year);
    const targetRevenue = rec?.targetRevenue ?? plan?.revenue ?? null;
    const targetMargin = rec?.targetMargin ?? plan?.margin ?? null;
    const actualRevenue = rec?.actualRevenue ?? null;
    const actualMargin = rec?.actualMargin ?? null;
    return {
      year,
      targetRevenue,
      actualRevenue,
      targetMargin,
      actualMargin,
      revenueVariance: diff(actualRevenue, targetRevenue),
      marginVariance: diff(actualMargin, targetMargin),
      revenueAttainment: actualRevenue !== null && targetRevenue ? actualRevenue / targetRevenue : null,
    };
  });
}

// ---------------------------------------------------------------- commitment

export type TTeamPerson = { userId: string; name: string };
export type TCommitmentLike = { userId: string; committedAt: Date | string };

export type TCommitmentStatus = {
  members: (TTeamPerson & { committedAt: Date | string | null })[];
  committed: number;
  total: number;
  complete: boolean;
  pending: TTeamPerson[];
};

/** Who on the team has committed to a version and who has not. People no longer on the team do not count. */
export function commitmentStatus(team: readonly TTeamPerson[], commitments: readonly TCommitmentLike[]): TCommitmentStatus {
  const seen = new Set<string>();
  const unique = team.filter((p) => (seen.has(p.userId) ? false : (seen.add(p.userId), true)));
  const byUser = new Map(commitments.map((c) => [c.userId, c.committedAt]));
  const members = unique
    .map((p) => ({ ...p, committedAt: byUser.get(p.userId) ?? null }))
    .sort((a, b) => Number(a.committedAt !== null) - Number(b.committedAt !== null) || a.name.localeCompare(b.name));
  const committed = members.filter((m) => m.committedAt !== null).length;
  return {
    members,
    committed,
    total: members.length,
    complete: members.length > 0 && committed === members.length,
    pending: members.filter((m) => m.committedAt === null).map(({ userId, name }) => ({ userId, name })),
  };
}
