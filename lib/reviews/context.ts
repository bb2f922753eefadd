import "server-only";
// The account's context beside a review: its tier and why (score, override, heaviest criteria),
// the current traffic lights, relationship coverage and the periodic review schedule. Read-only.
import { jsonTimestampIso, prisma, Prisma } from "@/lib/db";
import { currentLights } from "@/lib/plans/model";
import { localToday } from "@/lib/days";
import { LIGHT_AREAS } from "@/lib/plans/schema";
import { periodicSchedule, reviewEveryMonths } from "./model";
import type { TAccountBrief, TAccountContext, TTierView } from "./view";

export const tierSelect = { select: { name: true, rank: true, isKey: true, reviewEveryMonths: true } } as const;

type TierRow = { name: string; rank: number; isKey: boolean; reviewEveryMonths: number } | null;

/** The tier that applies: an override wins over the computed tier. */
export function effectiveTier(a: { computedTier: TierRow; overrideTier: TierRow }): (TTierView & { reviewEveryMonths: number }) | null {
  const t = a.overrideTier ?? a.computedTier;
  if (!t) return null;
  return { name: t.name, rank: t.rank, isKey: t.isKey, reviewEveryMonths: t.reviewEveryMonths, overridden: Boolean(a.overrideTier) };
}

/** What list rows need to show tier and score beside an account, and when its plan review is due. */
export const accountBriefSelect = {
  id: true,
  name: true,
  score: true,
  createdAt: true,
  lastPeriodicReviewAt: true,
  ownerId: true,
  mentorId: true,
  computedTier: tierSelect,
  overrideTier: tierSelect,
} as const;

export type TAccountBriefRow = {
  id: string;
  name: string;
  score: number | null;
  // A Date from Prisma; ISO text from a JSON read (accountBriefFromJson), or the day it fell on
  // where the app runs ("2026-03-05", as localDay reads it): the lists that build hundreds of these
  // only pass them to the day arithmetic (lib/days.ts takes each form).
  createdAt: Date | string;
  lastPeriodicReviewAt: Date | string | null;
  ownerId: string;
  mentorId: string | null;
  computedTier: TierRow;
  overrideTier: TierRow;
};

const tierJson = (column: string) =>
  Prisma.raw(`(SELECT json_build_object('name', t.name, 'rank', t.rank, 'isKey', t."isKey", 'reviewEveryMonths', t."reviewEveryMonths") FROM "Tier" t WHERE t.id = a."${column}")`);

/**
 * accountBriefSelect and the account's mentor, as one JSON column over alias `a` ("Account"), for
 * raw reads that list many accounts in one statement. Read it back with accountBriefFromJson.
 */
export const accountBriefJson = Prisma.sql`json_build_object(
  'id', a.id, 'name', a.name, 'score', a.score, 'createdAt', a."createdAt", 'lastPeriodicReviewAt', a."lastPeriodicReviewAt",
  'ownerId', a."ownerId", 'mentorId', a."mentorId",
  'computedTier', ${tierJson("computedTierId")}, 'overrideTier', ${tierJson("overrideTierId")},
  'mentor', (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = a."mentorId"))`;

export type TAccountBriefJson = Omit<TAccountBriefRow, "createdAt" | "lastPeriodicReviewAt"> & {
  createdAt: string;
  lastPeriodicReviewAt: string | null;
  mentor: { id: string; name: string } | null;
};

export function accountBriefFromJson(j: TAccountBriefJson): TAccountBriefRow & { mentor: { id: string; name: string } | null } {
  // Fields named, not spread: a spread costs about a microsecond per property it adds or replaces
  // in Node 20's V8 (DEVELOPERS.md), and lists build hundreds of these.
  return {
    id: j.id,
    name: j.name,
    score: j.score,
    // As ISO text, not Dates: on the server each Date goes through Next.js's wrapper of the
    // constructor (a wrapped `new Date(text)` took 1.56 us in node, a native one 0.45), and a list
    // row only counts days from these times.
    createdAt: jsonTimestampIso(j.createdAt),
    lastPeriodicReviewAt: jsonTimestampIso(j.lastPeriodicReviewAt),
    ownerId: j.ownerId,
    mentorId: j.mentorId,
    computedTier: j.computedTier,
    overrideTier: j.overrideTier,
    mentor: j.mentor,
  };
}

export function toAccountBrief(a: TAccountBriefRow): TAccountBrief {
  const tier = effectiveTier(a);
  return { id: a.id, name: a.name, score: a.score, tier: tier ? { name: tier.name, rank: tier.rank, isKey: tier.isKey, overridden: tier.overridden } : null };
}

/**
 * The account's first approved plan version, the start of its periodic reviews until a meeting is
 * held: select with `firstApprovalSelect`, read with `firstApprovedAt`. (In SQL: `firstApprovedAtSql`.)
 */
export const firstApprovalSelect = {
  planVersions: { where: { status: { in: ["APPROVED", "SUPERSEDED"] }, decidedAt: { not: null } }, orderBy: { decidedAt: "asc" }, take: 1, select: { decidedAt: true } },
} as const satisfies Prisma.AccountSelect;

export const firstApprovedAt = (a: { planVersions: { decidedAt: Date | null }[] }): Date | null => a.planVersions[0]?.decidedAt ?? null;

/** The same over alias `a` ("Account"), as the dashboard counts it (lib/dashboard/sql.ts `p`). */
export const firstApprovedAtSql = Prisma.sql`(SELECT min(v."decidedAt") FROM "PlanVersion" v WHERE v."accountId" = a.id AND v.status IN ('APPROVED', 'SUPERSEDED'))`;

/** When the account's next plan review is due (the rule: periodicSchedule). */
export function scheduleOf(a: TAccountBriefRow & { firstApprovedAt: Date | string | null }, today: string = localToday()) {
  return periodicSchedule({ lastReviewedAt: a.lastPeriodicReviewAt, firstApprovedAt: a.firstApprovedAt, since: a.createdAt, everyMonths: reviewEveryMonths(effectiveTier(a)), today });
}

export async function loadAccountContext(accountId: string): Promise<TAccountContext> {
  const [account, scores, lights, contacts, relationships] = await Promise.all([
    prisma.account.findUniqueOrThrow({
      where: { id: accountId },
      select: {
        ...accountBriefSelect,
        ...firstApprovalSelect,
        stage: true,
        scoredCriteria: true,
        overrideReason: true,
        overrideById: true,
        overrideAt: true,
        coverageScore: true,
        uncoveredDecisionMakers: true,
        singleThreaded: true,
        owner: { select: { id: true, name: true } },
        mentor: { select: { id: true, name: true } },
      },
    }),
    prisma.criterionScore.findMany({
      where: { accountId, criterion: { active: true } },
      select: { value: true, rationale: true, criterion: { select: { name: true, weight: true } } },
    }),
    prisma.trafficLight.findMany({ where: { accountId }, orderBy: { setAt: "desc" }, take: 200, select: { area: true, color: true, reason: true, setAt: true } }),
    prisma.contact.count({ where: { accountId, archivedAt: null } }),
    prisma.relationship.count({ where: { accountId } }),
  ]);
  const overrideBy = account.overrideById ? await prisma.user.findUnique({ where: { id: account.overrideById }, select: { id: true, name: true } }) : null;
  const current = currentLights(lights);
  const tier = effectiveTier(account);
  return {
    id: account.id,
    name: account.name,
    stage: account.stage,
    owner: account.owner,
    mentor: account.mentor,
    score: account.score,
    scoredCriteria: account.scoredCriteria,
    tier,
    computedTierName: account.computedTier?.name ?? null,
    override: account.overrideTier ? { reason: account.overrideReason, by: overrideBy, at: account.overrideAt?.toISOString() ?? null } : null,
    topCriteria: scores
      .map((s) => ({ name: s.criterion.name, weight: s.criterion.weight, value: s.value, rationale: s.rationale }))
      .sort((a, b) => b.weight * b.value - a.weight * a.value)
      .slice(0, 5),
    lights: LIGHT_AREAS.map((area) => {
      const l = current[area];
      return { area, color: l?.color ?? null, reason: l?.reason ?? null, setAt: l ? l.setAt.toISOString() : null };
    }),
    coverage: {
      score: account.coverageScore,
      uncoveredDecisionMakers: account.uncoveredDecisionMakers,
      singleThreaded: account.singleThreaded,
      contacts,
      relationships,
    },
    periodic: scheduleOf({ ...account, firstApprovedAt: firstApprovedAt(account) }),
  };
}
