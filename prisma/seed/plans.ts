// Demo account plans: several versions per account (approved, superseded, submitted, changes
// requested), a draft being edited, team commitments, short-term actions (some overdue),
// traffic lights with history, and targets against actuals.
import type { SeedContext } from "../seed";
import type { PlanVersionStatus } from "../../lib/generated/prisma/enums";
import type { TPlanContent } from "../../lib/plans/schema";
import { ACTION_SLOTS, ACTION_TEMPLATES, LIGHT_STORIES, draftEdits, firstPlan, secondPlan, thirdPlan } from "./plans-content";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const dayOnly = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`);

/** Which history each account gets, so the demo shows every state a plan can be in. */
type Story = { statuses: PlanVersionStatus[]; draftEdited: boolean };
const STORIES: Story[] = [
  { statuses: ["SUPERSEDED", "SUPERSEDED", "APPROVED"], draftEdited: true },
  { statuses: ["SUPERSEDED", "APPROVED", "SUBMITTED"], draftEdited: false },
  { statuses: ["APPROVED", "CHANGES_REQUESTED"], draftEdited: true },
  { statuses: ["SUPERSEDED", "APPROVED"], draftEdited: false },
];
const SUBMITTED_DAYS_AGO = [420, 230, 50];

export async function seed(ctx: SeedContext) {
  const { prisma, accounts, random } = ctx;
  const thisYear = new Date().getFullYear();
  // The last few accounts have no plan yet: the empty state is part of the demo too.
  const planned = accounts.slice(0, Math.max(0, accounts.length - 3));
  const rows = await prisma.account.findMany({
    where: { id: { in: planned.map((a) => a.id) } },
    select: { id: true, industry: true, annualRevenue: true, annualMargin: true, team: { select: { userId: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));

  for (const a of planned) {
    const row = byId.get(a.id);
    if (!row) continue;
    const story = STORIES[a.index % STORIES.length];
    const input = { accountName: a.name, industry: row.industry, revenue: Number(row.annualRevenue), margin: Number(row.annualMargin), startYear: thisYear - 1 };
    const contents: TPlanContent[] = [firstPlan(input)];
    contents.push(secondPlan(contents[0], input));
    contents.push(thirdPlan(contents[1], input));
    const team = [a.ownerId, ...row.team.map((t) => t.userId).filter((u) => u !== a.ownerId)];

    let previousId: string | null = null;
    const versions: { id: string; number: number; status: PlanVersionStatus; content: TPlanContent; decidedAt: Date | null }[] = [];
    for (const [i, status] of story.statuses.entries()) {
      const submittedAt = daysAgo(SUBMITTED_DAYS_AGO[i] + Math.floor(random() * 10));
      const decidedAt = status === "SUBMITTED" ? null : new Date(submittedAt.getTime() + (5 + Math.floor(random() * 10)) * DAY);
      const v: { id: string } = await prisma.planVersion.create({
        data: { accountId: a.id, number: i + 1, content: contents[i], status, submittedById: a.ownerId, submittedAt, createdAt: submittedAt, decidedAt, previousId },
        select: { id: true },
      });
      versions.push({ id: v.id, number: i + 1, status, content: contents[i], decidedAt });
      previousId = v.id;
    }

    const latest = versions[versions.length - 1];
    const current = [...versions].reverse().find((v) => v.status === "APPROVED") ?? null;
    const draft = story.draftEdited ? draftEdits(latest.content) : latest.content;
    await prisma.accountPlan.create({
      data: {
        accountId: a.id,
        draft,
        draftVersion: 3 + Math.floor(random() * 12),
        draftSavedAt: daysAgo(story.draftEdited ? 2 : 40),
        draftSavedById: a.ownerId,
        basedOnVersionId: latest.id,
        currentVersionId: current?.id ?? null,
      },
    });

    // Commitments: everyone committed to earlier approved plans; one or two still owe it on the current one.
    for (const v of versions) {
      if (v.status !== "APPROVED" && v.status !== "SUPERSEDED") continue;
      const isCurrent = v.id === current?.id;
      const committers = isCurrent ? team.slice(0, Math.max(1, team.length - 1 - (a.index % 2))) : team;
      for (const userId of committers) {
        await prisma.commitment.create({ data: { planVersionId: v.id, userId, committedAt: new Date((v.decidedAt ?? new Date()).getTime() + (1 + Math.floor(random() * 6)) * DAY) } });
      }
    }

    // Targets against actuals: the two years behind us have actuals; targets follow the current plan.
    const plan = current?.content ?? latest.content;
    const revenue = Number(row.annualRevenue);
    const margin = Number(row.annualMargin);
    const years = new Map<number, { targetRevenue: number | null; targetMargin: number | null; actualRevenue: number | null; actualMargin: number | null }>();
    years.set(thisYear - 2, { targetRevenue: Math.round(revenue * 0.9), targetMargin: Math.round(margin * 0.9), actualRevenue: Math.round(revenue * (0.86 + random() * 0.1)), actualMargin: Math.round(margin * (0.84 + random() * 0.1)) });
    for (const t of plan.financialTargets) years.set(t.year, { targetRevenue: t.revenue, targetMargin: t.margin, actualRevenue: null, actualMargin: null });
    const last = years.get(thisYear - 1);
    if (last) years.set(thisYear - 1, { ...last, actualRevenue: Math.round((last.targetRevenue ?? revenue) * (0.92 + random() * 0.14)), actualMargin: Math.round((last.targetMargin ?? margin) * (0.88 + random() * 0.16)) });
    for (const [year, f] of years) await prisma.financialYear.create({ data: { accountId: a.id, year, ...f } });

    // Traffic lights, with history; each account tells a slightly different story.
    for (const [area, story2] of Object.entries(LIGHT_STORIES)) {
      const upTo = story2.length - ((a.index + area.length) % 2);
      for (const l of story2.slice(0, Math.max(1, upTo))) {
        await prisma.trafficLight.create({ data: { accountId: a.id, area, color: l.color, reason: l.reason, setById: team[(a.index + l.daysAgo) % team.length], setAt: daysAgo(l.daysAgo + (a.index % 5)) } });
      }
    }

    // Short-term actions, owned across the team, some overdue: a different handful per account.
    const objectiveIds = new Set(plan.objectives.map((o) => o.id));
    for (const [i, slot] of ACTION_SLOTS.entries()) {
      // Not every account has an overdue action; some are on top of things.
      if (slot.dueInDays < 0 && slot.status === "OPEN" && (a.index + i) % 3 === 0) continue;
      const t = ACTION_TEMPLATES[(a.index * 5 + i * 7) % ACTION_TEMPLATES.length];
      await prisma.action.create({
        data: {
          accountId: a.id,
          title: t.title,
          ownerId: team[(i + a.index) % team.length],
          dueDate: dayOnly(daysAgo(-slot.dueInDays - (a.index % 4))),
          status: slot.status,
          objectiveRef: t.objective && objectiveIds.has(t.objective) ? t.objective : null,
          notes: i === 0 && a.index % 2 === 0 ? "Waiting on their side: chased once by email." : "",
          createdAt: daysAgo(60),
        },
      });
    }
  }
}
