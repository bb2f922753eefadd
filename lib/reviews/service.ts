import "server-only";
// A mentor review's life: asked for (a submitted plan version or a proposal), read with the
// account's context, commented on (./comments.ts), and closed by one verdict. Endorsing a plan
// version approves it (the team is then asked to commit); requesting changes sends the plan back
// to its draft. Plan rows are changed only through lib/plans/service.ts.
import { prisma, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { applyPlanDecision, comparePlanVersions } from "@/lib/plans/service";
import { authorizeAccountReviews, authorizeReview, reviewRowSelect, type TReviewRow } from "./access";
import { defaultAnswers, VERDICT_STATUS } from "./model";
import { createProposal, getProposal, proposalFields, proposalSelect, reviewStatusOf } from "./proposals";
import { REVIEW_STATUS_DB, SUBJECT_TYPE_DB, type TCreateReview, type TProposalInput, type TVerdictInput } from "./schema";
import { getReview } from "./review-view";
import type { TProposalView, TReviewView } from "./view";

export { getReview };

type RequestedSubject = { accountId: string; planVersion: { id: string; number: number } | null; proposalId: string | null };

/** Locks the subject's row so two people asking at once cannot open two reviews of it. */
async function lockSubject(tx: Tx, input: TCreateReview): Promise<RequestedSubject & { status: string | null }> {
  if (input.subject.type === "plan-version") {
    const rows = await tx.$queryRaw<{ id: string; accountId: string; number: number; status: string }[]>`
      SELECT "id", "accountId", "number", "status"::text AS "status" FROM "PlanVersion" WHERE "id" = ${input.subject.id} FOR UPDATE`;
    const v = rows[0];
    if (!v) throw new NotFoundError("Plan version not found");
    return { accountId: v.accountId, planVersion: { id: v.id, number: v.number }, proposalId: null, status: v.status };
  }
  const rows = await tx.$queryRaw<{ id: string; accountId: string }[]>`SELECT "id", "accountId" FROM "Proposal" WHERE "id" = ${input.subject.id} FOR UPDATE`;
  if (!rows[0]) throw new NotFoundError("Proposal not found");
  return { accountId: rows[0].accountId, planVersion: null, proposalId: rows[0].id, status: null };
}

/** The review a resubmission follows: the latest review of an earlier version (plan) or of the same proposal. */
async function previousReviewOf(tx: Tx, subject: RequestedSubject) {
  if (subject.planVersion) {
    const earlier = await tx.planVersion.findMany({ where: { accountId: subject.accountId, number: { lt: subject.planVersion.number } }, select: { id: true, number: true } });
    if (!earlier.length) return null;
    const reviews = await tx.review.findMany({ where: { planVersionId: { in: earlier.map((v) => v.id) } }, select: { id: true, planVersionId: true, submittedAt: true } });
    const numberOf = new Map(earlier.map((v) => [v.id, v.number]));
    const best = reviews.sort((a, b) => numberOf.get(b.planVersionId!)! - numberOf.get(a.planVersionId!)! || b.submittedAt.getTime() - a.submittedAt.getTime())[0];
    return best ? { id: best.id, versionNumber: numberOf.get(best.planVersionId!)! } : null;
  }
  const r = await tx.review.findFirst({ where: { proposalId: subject.proposalId }, orderBy: { submittedAt: "desc" }, select: { id: true } });
  return r ? { id: r.id, versionNumber: null } : null;
}

const snapshotSections = (before: ReturnType<typeof proposalFields>, after: ReturnType<typeof proposalFields>): string[] => {
  const out = new Set<string>();
  if (before.title !== after.title || before.kind !== after.kind || before.summary !== after.summary) out.add("summary");
  if (before.body !== after.body || before.link !== after.link) out.add("body");
  if (before.value !== after.value || before.decisionDate !== after.decisionDate) out.add("commercials");
  return [...out];
};

/**
 * Asks the account's mentor to review a submitted plan version or a proposal. For a resubmission,
 * `answers` marks the previous review's comments this version answers (by default: open threads
 * on sections that changed).
 */
export async function createReview(opts: { user: SessionUser; input: TCreateReview }): Promise<TReviewView> {
  const { user, input } = opts;
  const reviewId = await prisma.$transaction(async (tx) => {
    const subject = await lockSubject(tx, input);
    const access = await authorizeAccountReviews({ user, accountId: subject.accountId, action: "review:request" });
    if (access.archivedAt) throw new ConflictError("This account is archived");
    if (!access.mentorId) {
      throw new ValidationError({ "subject.id": `${access.name} has no mentor yet: a senior manager assigns one on the account's page` }, "This account has no mentor yet");
    }
    const existing = await tx.review.findFirst({
      where: subject.planVersion ? { planVersionId: subject.planVersion.id } : { proposalId: subject.proposalId, status: "PENDING" },
      orderBy: { submittedAt: "desc" },
      select: reviewRowSelect,
    });
    if (existing) {
      throw new ConflictError(
        existing.status === "PENDING" ? "A review of this is already waiting for the mentor" : `Version ${subject.planVersion?.number} was already reviewed: submit a new version`,
        { reviewId: existing.id, status: reviewStatusOf(existing.status) },
      );
    }
    if (subject.planVersion && subject.status !== "SUBMITTED") {
      throw new ConflictError(`Version ${subject.planVersion.number} is not awaiting a decision: only a submitted version is reviewed`);
    }
    let snapshot: ReturnType<typeof proposalFields> | null = null;
    if (subject.proposalId) {
      snapshot = proposalFields(await tx.proposal.findUniqueOrThrow({ where: { id: subject.proposalId }, select: proposalSelect }));
    }
    const previous = await previousReviewOf(tx, subject);
    const created = await tx.review.create({
      data: {
        accountId: subject.accountId,
        subjectType: SUBJECT_TYPE_DB[input.subject.type],
        planVersionId: subject.planVersion?.id ?? null,
        proposalId: subject.proposalId,
        mentorId: access.mentorId,
        requestedById: user.id,
        subjectSnapshot: snapshot ?? undefined,
      },
      select: { id: true },
    });
    // Answers: comment ids of the previous review, recorded against what answers them.
    let answered: string[] = [];
    if (previous) {
      const threads = await tx.comment.findMany({ where: { reviewId: previous.id, parentId: null }, select: { id: true, section: true, resolvedAt: true, answeredInVersionId: true } });
      if (input.answers) {
        const ids = new Set(threads.map((t) => t.id));
        input.answers.forEach((id, i) => {
          if (!ids.has(id)) throw new ValidationError({ [`answers.${i}`]: "Not a comment of the previous review" });
        });
        answered = [...new Set(input.answers)];
      } else if (subject.planVersion && previous.versionNumber !== null) {
        const { diff } = await comparePlanVersions({ user, accountId: subject.accountId, a: previous.versionNumber, b: subject.planVersion.number });
        answered = defaultAnswers(threads.filter((t) => !t.answeredInVersionId), diff.changedSections);
      } else if (snapshot) {
        const prev = await tx.review.findUniqueOrThrow({ where: { id: previous.id }, select: { subjectSnapshot: true } });
        const before = prev.subjectSnapshot as ReturnType<typeof proposalFields> | null;
        answered = before ? defaultAnswers(threads.filter((t) => !t.answeredInVersionId), snapshotSections(before, snapshot)) : [];
      }
      if (answered.length) {
        await tx.comment.updateMany({ where: { id: { in: answered } }, data: { answeredInVersionId: subject.planVersion?.id ?? created.id } });
      }
    } else if (input.answers?.length) {
      throw new ValidationError({ "answers.0": "There is no earlier review whose comments this could answer" });
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: "review.request",
      entityType: "Review",
      entityId: created.id,
      accountId: subject.accountId,
      after: { subject: input.subject, mentorId: access.mentorId, previousReviewId: previous?.id ?? null, answered },
    });
    return created.id;
  });
  return getReview({ user, reviewId });
}

/**
 * The mentor's (or a senior manager's) verdict, given once: a second one is a 409. For a plan
 * version the plan's own decision is applied in the same transaction, so the review and the
 * version can never disagree.
 */
export async function giveVerdict(opts: { user: SessionUser; reviewId: string; input: TVerdictInput }): Promise<TReviewView> {
  const { user, reviewId, input } = opts;
  const { review, access } = await authorizeReview({ user, reviewId, action: "review:verdict" });
  const alreadyDecided = (r: TReviewRow) =>
    new ConflictError(`A verdict was already given: ${reviewStatusOf(r.status).replace("-", " ")}`, { status: reviewStatusOf(r.status), summary: r.summary, decidedAt: r.decidedAt?.toISOString() ?? null });
  if (review.status !== "PENDING") throw alreadyDecided(review);
  const status = REVIEW_STATUS_DB[VERDICT_STATUS[input.verdict]];
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    const r = await tx.review.updateMany({
      where: { id: reviewId, status: "PENDING" },
      // The assigned mentor is whoever mentors the account now (a senior manager may have changed it).
      data: { status, summary: input.summary, decidedAt: now, decidedById: user.id, mentorId: access.mentorId ?? review.mentorId, version: { increment: 1 } },
    });
    if (r.count === 0) throw alreadyDecided(await tx.review.findUniqueOrThrow({ where: { id: reviewId }, select: reviewRowSelect }));
    if (review.planVersionId) {
      const v = await tx.planVersion.findUnique({ where: { id: review.planVersionId }, select: { number: true } });
      if (!v) throw new NotFoundError("The plan version is gone");
      await applyPlanDecision(tx, { actorId: user.id, accountId: review.accountId, number: v.number, decision: input.verdict === "endorse" ? "APPROVED" : "CHANGES_REQUESTED" });
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: "review.verdict",
      entityType: "Review",
      entityId: reviewId,
      accountId: review.accountId,
      before: { status: "PENDING" },
      after: { status, verdict: input.verdict, summary: input.summary },
    });
  });
  return getReview({ user, reviewId });
}

/** What can be put up for review on an account: submitted plan versions and proposals, with their review if any. */
export async function listReviewableSubjects(opts: { user: SessionUser; accountId: string }) {
  const { user, accountId } = opts;
  const access = await authorizeAccountReviews({ user, accountId });
  const [versions, proposals, reviews] = await Promise.all([
    prisma.planVersion.findMany({ where: { accountId }, orderBy: { number: "desc" }, take: 50, select: { id: true, number: true, status: true } }),
    prisma.proposal.findMany({ where: { accountId }, orderBy: { createdAt: "desc" }, take: 100, select: { id: true, title: true } }),
    prisma.review.findMany({ where: { accountId }, orderBy: { submittedAt: "desc" }, select: { id: true, planVersionId: true, proposalId: true, status: true } }),
  ]);
  const reviewOf = (pred: (r: (typeof reviews)[number]) => boolean) => {
    const r = reviews.find(pred);
    return r ? { id: r.id, status: reviewStatusOf(r.status) } : null;
  };
  return {
    planVersions: versions.map((v) => ({ id: v.id, number: v.number, status: v.status, review: reviewOf((r) => r.planVersionId === v.id) })),
    proposals: proposals.map((p) => ({ id: p.id, title: p.title, review: reviewOf((r) => r.proposalId === p.id) })),
    canRequest: can(user, "review:request", access.relation),
  };
}

/**
 * Writes a proposal and, when asked, requests the mentor's review of it. The conditions for the
 * review (the owner asks; the account has a mentor) are checked before anything is written.
 */
export async function submitProposal(opts: { user: SessionUser; accountId: string; input: TProposalInput }): Promise<{ proposal: TProposalView; review: TReviewView | null }> {
  const { user, accountId, input } = opts;
  if (input.requestReview) {
    const access = await authorizeAccountReviews({ user, accountId, action: "review:request" });
    if (!access.mentorId) throw new ValidationError({ requestReview: `${access.name} has no mentor yet: a senior manager assigns one on the account's page` }, "This account has no mentor yet");
  }
  const created = await createProposal({ user, accountId, input });
  const review = input.requestReview ? await createReview({ user, input: { subject: { type: "proposal", id: created.id } } }) : null;
  return { proposal: await getProposal({ user, accountId, proposalId: created.id }), review };
}
