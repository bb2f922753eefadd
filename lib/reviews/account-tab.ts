import "server-only";
// The account's Reviews tab: its reviews, proposals, periodic reviews, and where the plan stands
// with respect to review (a draft to submit, a submitted version nobody asked to review yet, the
// threads of the last "changes requested" that a resubmission can answer).
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { diffPlanContent } from "@/lib/plans/model";
import { readPlanContent } from "@/lib/plans/schema";
import { getPlanDraft } from "@/lib/plans/service";
import { authorizeAccountReviews } from "./access";
import { loadThreads, tiesOf } from "./comments";
import { defaultAnswers } from "./model";
import { getPeriodicReviews } from "./periodic";
import { listProposals } from "./proposals";
import { findReviewItems } from "./queue";
import type { TAccountReviews, TReviewablePlan } from "./view";

async function planState(user: SessionUser, accountId: string, ties: ReturnType<typeof tiesOf>): Promise<TReviewablePlan> {
  const [planDraft, versions, reviews] = await Promise.all([
    getPlanDraft({ user, accountId }),
    prisma.planVersion.findMany({ where: { accountId }, orderBy: { number: "desc" }, take: 50, select: { id: true, number: true, status: true } }),
    prisma.review.findMany({ where: { accountId, subjectType: "PLAN_VERSION" }, orderBy: { submittedAt: "desc" }, select: { id: true, planVersionId: true, status: true } }),
  ]);
  const latestRow = versions[0] ?? null;
  const changed = planDraft.exists && planDraft.latest ? diffPlanContent(planDraft.latest.content, planDraft.draft.content).changedSections : [];
  const draft = planDraft.exists
    ? { version: planDraft.draft.version, basedOnNumber: planDraft.draft.basedOnNumber, changedSections: planDraft.latest ? changed : ["new plan"], savedAt: planDraft.draft.savedAt }
    : null;
  const reviewOf = (versionId: string) => reviews.find((r) => r.planVersionId === versionId) ?? null;
  // The last reviewed version; if its verdict asked for changes, its threads are what the next version answers.
  const lastReviewed = versions.find((v) => reviewOf(v.id));
  const lastReview = lastReviewed ? reviewOf(lastReviewed.id) : null;
  let changesRequested: TReviewablePlan["changesRequested"] = null;
  if (lastReviewed && lastReview?.status === "CHANGES_REQUESTED") {
    const threads = await loadThreads([lastReview.id], ties);
    const open = threads.filter((t) => !t.answeredIn);
    // Which threads the changes since the reviewed version probably answer: the draft's changes, or the unreviewed newer version's.
    let since = changed;
    if (latestRow && latestRow.number > lastReviewed.number) {
      const [a, b] = await prisma.planVersion.findMany({ where: { id: { in: [lastReviewed.id, latestRow.id] } }, orderBy: { number: "asc" }, select: { content: true } });
      since = diffPlanContent(readPlanContent(a.content), readPlanContent(b.content)).changedSections;
    }
    const suggested = new Set(defaultAnswers(open.map((t) => ({ id: t.id, section: t.section, resolvedAt: t.resolvedAt })), since));
    changesRequested = {
      reviewId: lastReview.id,
      versionNumber: lastReviewed.number,
      threads: open.map((t) => ({ id: t.id, section: t.section, sectionLabel: t.sectionLabel, body: t.body, state: t.state, suggested: suggested.has(t.id) })),
    };
  }
  return {
    draft,
    latest: latestRow ? { id: latestRow.id, number: latestRow.number, status: latestRow.status, reviewId: reviewOf(latestRow.id)?.id ?? null } : null,
    changesRequested,
  };
}

export async function getAccountReviews(opts: { user: SessionUser; accountId: string }): Promise<TAccountReviews> {
  const { user, accountId } = opts;
  const access = await authorizeAccountReviews({ user, accountId });
  const ties = tiesOf(access);
  const [account, reviews, proposals, periodic, plan] = await Promise.all([
    prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { id: true, name: true, owner: { select: { id: true, name: true } }, mentor: { select: { id: true, name: true } } } }),
    findReviewItems({ accountId }, { take: 200, order: "recent" }),
    listProposals({ user, accountId }),
    getPeriodicReviews({ user, accountId }),
    planState(user, accountId, ties),
  ]);
  return {
    account,
    reviews,
    proposals,
    periodic,
    plan,
    permissions: {
      request: can(user, "review:request", access.relation),
      comment: can(user, "review:comment", access.relation),
      recordPeriodic: can(user, "periodicReview:record", access.relation),
      editProposals: can(user, "plan:edit", access.relation),
    },
  };
}
