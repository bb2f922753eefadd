import "server-only";
// Periodic plan reviews: every N months from the account's tier (6 without one). The mentor
// records the meeting; agreed next steps become short-term actions on the plan. Overdue reviews
// are listed for the mentor, the account manager and the senior managers.
import { localDateSql, prisma, Prisma, readRows } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { ownAccountsSql, servedTierIdSql, visibleAccountsSql } from "@/lib/accounts/access";
import { createAgreedActions } from "@/lib/plans/service";
import { addDays, localToday } from "@/lib/days";
import { formatDay } from "@/lib/format";
import { authorizeAccountReviews } from "./access";
import { accountBriefFromJson, accountBriefJson, accountBriefSelect, firstApprovalSelect, firstApprovedAt, firstApprovedAtSql, scheduleOf, toAccountBrief, type TAccountBriefJson } from "./context";
import { DEFAULT_REVIEW_EVERY_MONTHS, describeUrgency, DUE_SOON_DAYS, type TPeriodicState } from "./model";
import { PERIODIC_OUTCOME_LABELS, type TPeriodicReviewInput } from "./schema";
import type { TPeriodicOverview, TPeriodicQueueItem, TPeriodicReviewView, TPerson } from "./view";

const periodicSelect = {
  id: true,
  heldOn: true,
  attendees: true,
  notes: true,
  outcome: true,
  nextSteps: true,
  mentorId: true,
  createdAt: true,
} satisfies Prisma.PeriodicReviewSelect;
type PeriodicRow = Prisma.PeriodicReviewGetPayload<{ select: typeof periodicSelect }>;

function toView(r: PeriodicRow, people: Map<string, TPerson>): TPeriodicReviewView {
  return {
    id: r.id,
    heldOn: r.heldOn.toISOString().slice(0, 10),
    attendees: r.attendees,
    notes: r.notes,
    outcome: r.outcome,
    nextSteps: r.nextSteps,
    mentor: people.get(r.mentorId) ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

async function teamPeople(accountId: string): Promise<{ team: TPerson[]; mentor: TPerson | null }> {
  const a = await prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { owner: { select: { id: true, name: true } }, mentor: { select: { id: true, name: true } }, team: { select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } } },
  });
  const seen = new Set([a.owner.id]);
  return { team: [a.owner, ...a.team.map((t) => t.user).filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)))], mentor: a.mentor };
}

/** The schedule, the history of meetings and who may record the next one. */
export async function getPeriodicReviews(opts: { user: SessionUser; accountId: string }): Promise<TPeriodicOverview> {
  const { user, accountId } = opts;
  const access = await authorizeAccountReviews({ user, accountId });
  const [account, rows, people] = await Promise.all([
    prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { ...accountBriefSelect, ...firstApprovalSelect } }),
    prisma.periodicReview.findMany({ where: { accountId }, orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }], take: 100, select: periodicSelect }),
    teamPeople(accountId),
  ]);
  const mentors = await prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.mentorId))] } }, select: { id: true, name: true } });
  const byId = new Map(mentors.map((m) => [m.id, m]));
  return {
    schedule: scheduleOf({ ...account, firstApprovedAt: firstApprovedAt(account) }),
    history: rows.map((r) => toView(r, byId)),
    canRecord: can(user, "periodicReview:record", access.relation),
    team: people.team,
    mentor: people.mentor,
  };
}

/**
 * Records a review meeting. The schedule moves on from the latest meeting held (recording an
 * older meeting afterwards does not move it back); next steps become open actions.
 */
export async function recordPeriodicReview(opts: { user: SessionUser; accountId: string; input: TPeriodicReviewInput }): Promise<TPeriodicReviewView & { actionIds: string[] }> {
  const { user, accountId, input } = opts;
  const access = await authorizeAccountReviews({ user, accountId, action: "periodicReview:record" });
  if (input.heldOn > localToday()) throw new ValidationError({ heldOn: "Record a meeting that has taken place (not a future date)" });
  const heldOn = new Date(`${input.heldOn}T00:00:00Z`);
  const { row, actionIds } = await prisma.$transaction(async (tx) => {
    const created = await tx.periodicReview.create({
      data: {
        accountId,
        // The account's mentor holds the review; a senior manager standing in is recorded when there is none.
        mentorId: access.mentorId ?? user.id,
        heldOn,
        attendees: [...new Set(input.attendees)],
        notes: input.notes,
        outcome: input.outcome,
        nextSteps: input.nextSteps.map((s) => s.title),
      },
      select: periodicSelect,
    });
    await tx.account.updateMany({
      where: { id: accountId, OR: [{ lastPeriodicReviewAt: null }, { lastPeriodicReviewAt: { lt: heldOn } }] },
      data: { lastPeriodicReviewAt: heldOn },
    });
    const actions = await createAgreedActions(tx, {
      actorId: user.id,
      accountId,
      field: "nextSteps",
      source: `periodic review ${input.heldOn}`,
      actions: input.nextSteps.map((s) => ({ title: s.title, ownerId: s.ownerId, dueDate: s.dueDate, notes: `Agreed at the periodic plan review on ${formatDay(input.heldOn)}.` })),
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "periodicReview.record",
      entityType: "PeriodicReview",
      entityId: created.id,
      accountId,
      after: { heldOn: input.heldOn, attendees: input.attendees, outcome: input.outcome, outcomeLabel: PERIODIC_OUTCOME_LABELS[input.outcome], nextSteps: input.nextSteps.length },
    });
    return { row: created, actionIds: actions.map((a) => a.id) };
  });
  const people = new Map<string, TPerson>();
  const m = await prisma.user.findUnique({ where: { id: row.mentorId }, select: { id: true, name: true } });
  if (m) people.set(m.id, m);
  return { ...toView(row, people), actionIds };
}

/**
 * Periodic reviews that are overdue (or due soon) on the accounts in `scope`: those the user
 * mentors ("mentor"), owns or is on the team of ("team"), or may see at all ("visible"), earliest
 * due first, at most `take` of them (a list shows only its top), with `total`: how many are due in
 * all. PostgreSQL finds them (due date = last review or start + the tier's months, the same month
 * arithmetic as addMonthsToDay); the list itself is always scoped by visibleAccountsSql too.
 */
export async function listPeriodicDuePage(opts: {
  user: SessionUser;
  scope: "mentor" | "team" | "visible";
  states?: TPeriodicState[];
  accountId?: string;
  take?: number;
}): Promise<{ items: TPeriodicQueueItem[]; total: number }> {
  const { user, scope, accountId } = opts;
  const take = Math.min(opts.take ?? 5000, 5000);
  const states = opts.states ?? ["overdue", "due-soon"];
  const today = localToday();
  // Due on or before this day: yesterday for "overdue" only, otherwise the due-soon window.
  const horizon = addDays(today, states.includes("due-soon") ? DUE_SOON_DAYS : -1);
  const scopeSql =
    scope === "mentor"
      ? Prisma.sql`AND a."mentorId" = ${user.id}`
      : scope === "team"
        ? Prisma.sql`AND ${ownAccountsSql(user.id)}`
        : Prisma.empty; // "visible": the visibility condition every scope gets below
  // One statement: the due accounts (visible to the caller, whatever the scope) with what a
  // queue row shows of each.
  // Due as scheduleOf computes it: the last meeting's day, or the first approved plan's, or the
  // account's creation, plus the tier's cadence. The first approval is looked up only for
  // accounts that never had a meeting.
  // The first approval and the creation come as the days they fell on here (localDateSql, as
  // localDay reads them), so that no Date is made for them: a Date costs several times more on the
  // server, where Next.js wraps the constructor, and the schedule only counts days from them.
  const rows = await readRows<{ account: TAccountBriefJson; total: number; firstApprovedOn: string | null; createdOn: string }>(Prisma.sql`
    SELECT ${accountBriefJson} AS account, d.total,
           to_char(${localDateSql(Prisma.sql`d."firstApprovedAt"`)}, 'YYYY-MM-DD') AS "firstApprovedOn",
           to_char(${localDateSql(Prisma.sql`a."createdAt"`)}, 'YYYY-MM-DD') AS "createdOn"
    FROM (
      SELECT id, due, "firstApprovedAt", count(*) OVER ()::int AS total FROM (
        SELECT a.id, fa."firstApprovedAt",
               (COALESCE(a."lastPeriodicReviewAt"::date, ${localDateSql(Prisma.sql`fa."firstApprovedAt"`)}, ${localDateSql(Prisma.sql`a."createdAt"`)})
               + make_interval(months => CASE WHEN t."reviewEveryMonths" > 0 THEN t."reviewEveryMonths" ELSE ${DEFAULT_REVIEW_EVERY_MONTHS} END))::date AS due
        FROM "Account" a
        CROSS JOIN LATERAL (SELECT CASE WHEN a."lastPeriodicReviewAt" IS NULL THEN ${firstApprovedAtSql} END AS "firstApprovedAt") fa
        LEFT JOIN "Tier" t ON t.id = ${servedTierIdSql}
        WHERE a."archivedAt" IS NULL ${scopeSql} AND ${visibleAccountsSql(user)} ${accountId ? Prisma.sql`AND a.id = ${accountId}` : Prisma.empty}
      ) c
      WHERE due <= ${horizon}::date
      ORDER BY due, id
      LIMIT ${take}
    ) d JOIN "Account" a ON a.id = d.id
    ORDER BY d.due, d.id`);
  if (!rows.length) return { items: [], total: 0 };
  const items = rows
    .map((r) => Object.assign(accountBriefFromJson(r.account), { firstApprovedAt: r.firstApprovedOn, createdAt: r.createdOn }))
    .map((a) => ({ a, schedule: scheduleOf(a, today) }))
    .filter(({ schedule }) => states.includes(schedule.state))
    .map(({ a, schedule }) => ({
      kind: "periodic-review" as const,
      id: `periodic-${a.id}`,
      account: toAccountBrief(a),
      mentor: a.mentor,
      schedule,
      urgency: describeUrgency({ kind: "periodic-review", dueOn: schedule.dueOn }, today),
      href: `/accounts/${a.id}/reviews#periodic`,
    }))
    .sort((x, y) => x.schedule.dueOn.localeCompare(y.schedule.dueOn));
  return { items, total: Math.max(rows[0].total - (rows.length - items.length), items.length) };
}
