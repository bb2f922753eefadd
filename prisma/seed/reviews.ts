// Demo mentor reviews, in every state: plan versions endorsed, sent back with changes, waiting
// (one a resubmission that answers earlier comments); proposals waiting with near and far decision
// dates, endorsed, revised after changes; threads open, answered and resolved; periodic reviews
// held, due soon and overdue. Runs after plans.ts and reads the versions it wrote.
import type { SeedContext } from "../seed";
import type { PeriodicReview } from "../../lib/generated/prisma/client";
import { toStoredBody } from "../../lib/reviews/rich-text";
import { formatDay } from "../../lib/format";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const dayOnly = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`);

const MENTOR_ON_SECTION: Record<string, string[]> = {
  strategy: ["Which of these moves matters most if we can only do one this year?", "How does this survive their new COO's cost programme?"],
  risks: ["The competitor risk reads mild. What if they bundle service at cost?", "Who on their side would argue against us, and what do they want?"],
  objectives: ["Is the second objective ours or theirs? It reads like their goal.", "Can we measure the first objective without their data?"],
  financialTargets: ["The jump in year two needs a reason: new sites, or price?", "Margin holds while revenue grows 20%: what carries the extra cost?"],
  opportunities: ["The service extension looks like the real prize. Why is it last?"],
  resources: ["One engineer for three sites: is that a plan or a hope?"],
  general: ["Clear and honest plan. Good to see the risks named.", "Please keep the customer's own words in the objectives."],
  // Proposal parts.
  summary: ["The summary sells features. What does their COO gain in the first year?"],
  body: ["The four-hour guarantee is generous. Can delivery stand behind it on nights and weekends?"],
  commercials: ["Is this price realistic with the new sites? Show the savings in their numbers."],
};
const TEAM_ANSWERS = [
  "Agreed. We reworded it and tied it to their two sites.",
  "Their procurement lead confirmed the timing last week; we added the date.",
  "We think the bundle risk is real and added a counter-offer in the risks.",
  "Fair point. We moved it up and gave it an owner.",
];
const SUMMARIES = {
  endorsed: ["Solid plan. The risks are honest and the targets are backed by the pipeline. Go ahead.", "Endorsed. Keep an eye on the competitor's pricing and revisit at the next periodic review."],
  changes: ["Good direction, but the strategy does not yet say what we stop doing. Sharpen it and answer the open threads.", "The targets outrun the resources. Either add people or lower year two, and show which."],
};

type Ctx = SeedContext;
const pick = <T,>(list: readonly T[], r: () => number) => list[Math.floor(r() * list.length) % list.length];

async function thread(ctx: Ctx, o: { reviewId: string; section: string; mentorId: string; teamIds: string[]; at: Date; answer?: boolean; resolve?: boolean; answeredInVersionId?: string }) {
  const { prisma, random } = ctx;
  const root = await prisma.comment.create({
    data: {
      reviewId: o.reviewId,
      authorId: o.mentorId,
      section: o.section,
      body: pick(MENTOR_ON_SECTION[o.section] ?? MENTOR_ON_SECTION.general, random),
      createdAt: o.at,
      resolvedAt: o.resolve ? new Date(o.at.getTime() + 3 * DAY) : null,
      resolvedById: o.resolve ? o.teamIds[0] : null,
      answeredInVersionId: o.answeredInVersionId ?? null,
    },
  });
  if (o.answer) {
    await prisma.comment.create({
      data: { reviewId: o.reviewId, parentId: root.id, authorId: pick(o.teamIds, random), section: o.section, body: pick(TEAM_ANSWERS, random), createdAt: new Date(o.at.getTime() + DAY) },
    });
  }
  return root.id;
}

async function seedPlanReviews(ctx: Ctx) {
  const { prisma, accounts, random } = ctx;
  for (const a of accounts) {
    if (!a.mentorId) continue;
    const versions = await prisma.planVersion.findMany({ where: { accountId: a.id }, orderBy: { number: "asc" }, select: { id: true, number: true, status: true, submittedAt: true, decidedAt: true, submittedById: true } });
    let previous: { reviewId: string; openThread: string | null } | null = null;
    for (const v of versions) {
      const status = v.status === "SUBMITTED" ? "PENDING" : v.status === "CHANGES_REQUESTED" ? "CHANGES_REQUESTED" : "ENDORSED";
      const decidedAt = status === "PENDING" ? null : (v.decidedAt ?? new Date(v.submittedAt.getTime() + 6 * DAY));
      const review = await prisma.review.create({
        data: {
          accountId: a.id,
          subjectType: "PLAN_VERSION",
          planVersionId: v.id,
          mentorId: a.mentorId,
          requestedById: v.submittedById,
          status,
          summary: status === "ENDORSED" ? pick(SUMMARIES.endorsed, random) : status === "CHANGES_REQUESTED" ? pick(SUMMARIES.changes, random) : null,
          submittedAt: v.submittedAt,
          decidedAt,
          decidedById: decidedAt ? a.mentorId : null,
          createdAt: v.submittedAt,
        },
      });
      // A resubmission: the earlier review's open thread is answered by this version (and, once
      // this version is decided too, resolved).
      if (previous?.openThread) {
        await prisma.comment.update({
          where: { id: previous.openThread },
          data: { answeredInVersionId: v.id, ...(status === "PENDING" ? {} : { resolvedAt: v.submittedAt, resolvedById: v.submittedById }) },
        });
      }
      const at = new Date(v.submittedAt.getTime() + DAY);
      const team = a.teamUserIds;
      let openThread: string | null = null;
      if (status === "ENDORSED") {
        await thread(ctx, { reviewId: review.id, section: "general", mentorId: a.mentorId, teamIds: team, at, resolve: true });
        openThread = await thread(ctx, { reviewId: review.id, section: pick(["risks", "opportunities", "resources"], random), mentorId: a.mentorId, teamIds: team, at, answer: true });
      } else if (status === "CHANGES_REQUESTED") {
        await thread(ctx, { reviewId: review.id, section: "strategy", mentorId: a.mentorId, teamIds: team, at, answer: true });
        await thread(ctx, { reviewId: review.id, section: "financialTargets", mentorId: a.mentorId, teamIds: team, at });
        await thread(ctx, { reviewId: review.id, section: "general", mentorId: a.mentorId, teamIds: team, at, answer: true, resolve: true });
      } else if (a.index % 3 === 1) {
        // Some pending reviews already have a first comment; others wait untouched.
        await thread(ctx, { reviewId: review.id, section: pick(["objectives", "risks", "strategy"], random), mentorId: a.mentorId, teamIds: team, at });
      }
      previous = { reviewId: review.id, openThread };
    }
    // The current plan's review: its last thread was settled when the plan was approved.
    if (previous?.openThread) await prisma.comment.update({ where: { id: previous.openThread }, data: { resolvedAt: new Date(), resolvedById: a.ownerId } });
  }
}

const PROPOSAL_BODY = `## What we propose

A **five-year service agreement** covering both plants, with:

- preventive maintenance on a fixed schedule,
- a 4-hour response guarantee on critical lines,
- a shared spare-parts pool at the Kemi site.

## Why now

Their current contract ends in the spring and their COO wants one supplier for both plants.

> "We want fewer suppliers who know our lines." (their operations director)`;

type ProposalStory = { title: string; kind: string; value: number; decisionInDays: number | null; askedDaysAgo: number | null; status: "PENDING" | "ENDORSED" | "CHANGES_REQUESTED" | "REVISED" };
const PROPOSAL_STORIES: ProposalStory[] = [
  { title: "Five-year service agreement", kind: "renewal", value: 2_400_000, decisionInDays: 4, askedDaysAgo: 2, status: "PENDING" },
  { title: "Board presentation: automation roadmap", kind: "presentation", value: 0, decisionInDays: 45, askedDaysAgo: 12, status: "PENDING" },
  { title: "Tender response: line 3 retrofit", kind: "tender", value: 1_150_000, decisionInDays: -20, askedDaysAgo: 60, status: "ENDORSED" },
  { title: "Spare-parts pooling proposal", kind: "proposal", value: 380_000, decisionInDays: 30, askedDaysAgo: 25, status: "REVISED" },
  { title: "Energy-monitoring pilot", kind: "proposal", value: 95_000, decisionInDays: 60, askedDaysAgo: 9, status: "CHANGES_REQUESTED" },
];

async function seedProposals(ctx: Ctx) {
  const { prisma, accounts, random } = ctx;
  const withMentor = accounts.filter((a) => a.mentorId);
  // Each story once for each mentor, so that both queues show every state.
  const mentorIds = [...new Set(withMentor.map((a) => a.mentorId))];
  const byMentor = mentorIds.map((m) => withMentor.filter((a) => a.mentorId === m));
  for (const [i, story] of PROPOSAL_STORIES.entries()) {
    for (const a of byMentor.map((list) => list[(i * 2) % list.length])) {
      if (!a?.mentorId) continue;
      const decisionDate = story.decisionInDays === null ? null : dayOnly(daysAgo(-story.decisionInDays));
      const body = toStoredBody(PROPOSAL_BODY, "markdown");
      const fields = { title: story.title, kind: story.kind, summary: `What ${a.name} gets, and why they should say yes before ${decisionDate ? formatDay(decisionDate.toISOString().slice(0, 10)) : "the budget round"}.`, value: story.value || null, decisionDate, body, link: null };
      const snapshot = (f: typeof fields) => ({ ...f, decisionDate: f.decisionDate?.toISOString().slice(0, 10) ?? null });
      const askedAt = daysAgo(story.askedDaysAgo ?? 1);
      const p = await prisma.proposal.create({ data: { accountId: a.id, authorId: a.ownerId, ...fields, createdAt: daysAgo((story.askedDaysAgo ?? 1) + 2) } });
      const mk = (status: "PENDING" | "ENDORSED" | "CHANGES_REQUESTED", submittedAt: Date, snap: ReturnType<typeof snapshot>) =>
        prisma.review.create({
          data: {
            accountId: a.id,
            subjectType: "PROPOSAL",
            proposalId: p.id,
            mentorId: a.mentorId!,
            requestedById: a.ownerId,
            status,
            summary: status === "ENDORSED" ? "Strong offer and well argued. Send it." : status === "CHANGES_REQUESTED" ? "The value case is thin: show the savings in their numbers, not ours." : null,
            submittedAt,
            decidedAt: status === "PENDING" ? null : new Date(submittedAt.getTime() + (2 + Math.floor(random() * 8)) * DAY),
            decidedById: status === "PENDING" ? null : a.mentorId,
            subjectSnapshot: snap,
            createdAt: submittedAt,
          },
        });
      if (story.status === "REVISED") {
        // Changes requested, then revised (lower value) and asked again: the new review shows what changed.
        const first = await mk("CHANGES_REQUESTED", askedAt, snapshot(fields));
        const t = await thread(ctx, { reviewId: first.id, section: "commercials", mentorId: a.mentorId, teamIds: a.teamUserIds, at: new Date(askedAt.getTime() + DAY), answer: true });
        const revised = { ...fields, value: Math.round(fields.value! * 0.85), summary: `${fields.summary} Priced per site, with the pool shared.` };
        await prisma.proposal.update({ where: { id: p.id }, data: { value: revised.value, summary: revised.summary, version: { increment: 1 } } });
        const second = await mk("PENDING", daysAgo(3), snapshot(revised));
        await prisma.comment.update({ where: { id: t }, data: { answeredInVersionId: second.id } });
      } else {
        const r = await mk(story.status, askedAt, snapshot(fields));
        if (story.status !== "PENDING" || random() < 0.5) {
          await thread(ctx, { reviewId: r.id, section: pick(["body", "summary", "commercials"], random), mentorId: a.mentorId, teamIds: a.teamUserIds, at: new Date(askedAt.getTime() + DAY), answer: story.status === "ENDORSED", resolve: story.status === "ENDORSED" });
        }
      }
    }
  }
  // One proposal still being written: not asked for review yet.
  const a = withMentor[2];
  if (a) await prisma.proposal.create({ data: { accountId: a.id, authorId: a.ownerId, title: "Framework agreement draft", kind: "proposal", summary: "Early draft, not ready for the mentor.", body: toStoredBody("Outline only.", "markdown") } });
}

const OUTCOMES = ["on-track", "adjust", "adjust", "replan", "escalate"];
const NEXT_STEPS = ["Refresh the stakeholder map before the budget round", "Re-forecast year two with the new site", "Book an executive sponsor meeting", "Close the open threads on the risks section"];

async function seedPeriodicReviews(ctx: Ctx) {
  const { prisma, accounts, users, random } = ctx;
  const names = new Map(Object.values(users).map((u) => [u.id, u.name]));
  // Months since the last meeting, by account: some overdue (> 6), some due soon, some recent, some never.
  const LAST = [8, 2, 5.5, 1, 2.5, 13, null, 1.5];
  const actions: { accountId: string; title: string; ownerId: string; dueDate: Date; status: "OPEN" | "DONE"; notes: string; createdAt: Date }[] = [];
  const rows: Omit<PeriodicReview, "id" | "createdAt">[] = [];
  // A periodic review goes through the plan, so none is held before the account's first plan
  // version was submitted; an account without a plan has had none yet.
  const firstVersions = await prisma.planVersion.groupBy({ by: ["accountId"], _min: { submittedAt: true } });
  const planSince = new Map(firstVersions.map((v) => [v.accountId, v._min.submittedAt]));
  for (const a of accounts) {
    const months = LAST[a.index % LAST.length];
    const since = planSince.get(a.id);
    if (months === null || !since) continue;
    const mentorId = a.mentorId ?? users.senior.id;
    const held = Array.from({ length: 1 + (a.index % 3) }, (_, k) => dayOnly(daysAgo(Math.round((months + 6 * k) * 30.4)))).filter((d) => d > since);
    if (!held.length) continue;
    for (const [k, d] of held.entries()) {
      const steps = NEXT_STEPS.filter((_, i) => (i + a.index + k) % 3 === 0).slice(0, 2);
      rows.push({
        accountId: a.id,
        mentorId,
        heldOn: d,
        attendees: [names.get(a.ownerId) ?? "Account manager", names.get(mentorId) ?? "Mentor", ...(random() < 0.5 ? ["Customer operations director"] : [])],
        notes: k === 0 ? "Walked through the plan section by section. The relationship is stronger at the plant than at head office." : "Earlier review: targets confirmed, two actions agreed.",
        outcome: pick(OUTCOMES, random),
        nextSteps: steps,
      });
      for (const [i, title] of steps.entries()) {
        const due = new Date(d.getTime() + (21 + 7 * i) * DAY);
        actions.push({ accountId: a.id, title, ownerId: a.teamUserIds[(i + k) % a.teamUserIds.length], dueDate: dayOnly(due), status: due < new Date() && k > 0 ? "DONE" : "OPEN", notes: `Agreed at the periodic plan review on ${formatDay(d.toISOString().slice(0, 10))}.`, createdAt: d });
      }
    }
    await prisma.account.update({ where: { id: a.id }, data: { lastPeriodicReviewAt: held[0] } });
  }
  await prisma.periodicReview.createMany({ data: rows });
  await prisma.action.createMany({ data: actions });
}

export async function seed(ctx: SeedContext) {
  await seedPlanReviews(ctx);
  await seedProposals(ctx);
  await seedPeriodicReviews(ctx);
}
