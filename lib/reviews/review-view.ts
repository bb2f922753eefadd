import "server-only";
// Reading one review: the subject as it was submitted, the account's context, the threads, and
// for a resubmission what changed since the reviewed one and which comments each change answers.
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { comparePlanVersions, getPlanVersion } from "@/lib/plans/service";
import { authorizeReview, reviewRowSelect, type TReviewRow } from "./access";
import { loadThreads, tiesOf } from "./comments";
import { loadAccountContext } from "./context";
import { turnaroundDays } from "./model";
import { proposalViewById, readSnapshot, reviewStatusOf } from "./proposals";
import { richTextToPlain, sanitizeRichText } from "./rich-text";
import { PROPOSAL_KIND_LABELS, sectionLabel, sectionsFor, type TSubjectType } from "./schema";
import type { TChangeAnswer, TPerson, TPreviousReview, TProposalFields, TReviewSubjectView, TReviewView, TThreadView } from "./view";

const formatValue = (v: number | null) => (v === null ? "" : `€${v.toLocaleString("en-GB")}`);

/** Field-by-field changes between two proposal snapshots, with the section each belongs to. */
export function proposalChanges(before: TProposalFields, after: TProposalFields): { field: string; label: string; section: string; before: string; after: string }[] {
  const fields: { field: string; label: string; section: string; get: (p: TProposalFields) => string }[] = [
    { field: "title", label: "Title", section: "summary", get: (p) => p.title },
    { field: "kind", label: "Kind", section: "summary", get: (p) => PROPOSAL_KIND_LABELS[p.kind] },
    { field: "summary", label: "Summary", section: "summary", get: (p) => p.summary },
    { field: "body", label: "The proposal", section: "body", get: (p) => richTextToPlain(p.body) },
    { field: "link", label: "Document link", section: "body", get: (p) => p.link ?? "" },
    { field: "value", label: "Value", section: "commercials", get: (p) => formatValue(p.value) },
    { field: "decisionDate", label: "Customer's decision date", section: "commercials", get: (p) => p.decisionDate ?? "" },
  ];
  return fields.map((f) => ({ field: f.field, label: f.label, section: f.section, before: f.get(before), after: f.get(after) })).filter((c) => c.before !== c.after);
}

async function subjectOf(user: SessionUser, review: TReviewRow): Promise<{ subject: TReviewSubjectView; title: string; number: number | null }> {
  if (review.planVersionId) {
    const row = await prisma.planVersion.findUnique({ where: { id: review.planVersionId }, select: { number: true } });
    if (!row) throw new NotFoundError("The plan version under review is gone");
    const v = await getPlanVersion({ user, accountId: review.accountId, number: row.number });
    return {
      subject: { type: "plan-version", id: review.planVersionId, number: v.number, status: v.status, submittedAt: v.submittedAt, submittedBy: v.submittedBy, content: v.content },
      title: `Plan version ${v.number}`,
      number: v.number,
    };
  }
  const current = review.proposalId ? await proposalViewById(review.proposalId) : null;
  const reviewed = readSnapshot(review.subjectSnapshot) ?? (current ? { ...current } : null);
  if (!reviewed) throw new NotFoundError("The proposal under review is gone");
  const { title, kind, summary, value, decisionDate, body, link } = reviewed;
  // Stored bodies are sanitised on write; sanitising again on the way out costs little and
  // protects readers from any row written before a rule tightened.
  const safeCurrent = current ? { ...current, body: sanitizeRichText(current.body) } : null;
  return {
    subject: { type: "proposal", id: review.proposalId ?? "", current: safeCurrent, reviewed: { title, kind, summary, value, decisionDate, body: sanitizeRichText(body), link } },
    title: reviewed.title,
    number: null,
  };
}

function groupAnswers(answered: TThreadView[], changedSections: { section: string; status: TChangeAnswer["status"] }[]): { changes: TChangeAnswer[]; otherAnswers: TChangeAnswer["answers"] } {
  const brief = (t: TThreadView) => ({ id: t.id, body: t.body, author: { id: t.author.id, name: t.author.name }, quote: t.quote });
  const changed = new Set(changedSections.map((c) => c.section));
  return {
    changes: changedSections.map((c) => ({ section: c.section, sectionLabel: sectionLabel(c.section), status: c.status, answers: answered.filter((t) => t.section === c.section).map(brief) })),
    otherAnswers: answered.filter((t) => !changed.has(t.section)).map(brief),
  };
}

async function previousOf(user: SessionUser, review: TReviewRow, subject: TReviewSubjectView, ties: Parameters<typeof loadThreads>[1]): Promise<TPreviousReview | null> {
  let prev: TReviewRow | null = null;
  let prevNumber: number | null = null;
  if (subject.type === "plan-version") {
    const earlier = await prisma.planVersion.findMany({ where: { accountId: review.accountId, number: { lt: subject.number } }, select: { id: true, number: true } });
    const numberOf = new Map(earlier.map((v) => [v.id, v.number]));
    const candidates = earlier.length ? await prisma.review.findMany({ where: { planVersionId: { in: earlier.map((v) => v.id) } }, select: reviewRowSelect }) : [];
    prev = candidates.sort((a, b) => numberOf.get(b.planVersionId!)! - numberOf.get(a.planVersionId!)! || b.submittedAt.getTime() - a.submittedAt.getTime())[0] ?? null;
    prevNumber = prev ? numberOf.get(prev.planVersionId!)! : null;
  } else if (review.proposalId) {
    prev = await prisma.review.findFirst({ where: { proposalId: review.proposalId, submittedAt: { lt: review.submittedAt } }, orderBy: { submittedAt: "desc" }, select: reviewRowSelect });
  }
  if (!prev) return null;
  const threads = await loadThreads([prev.id], ties);
  const answerKey = subject.type === "plan-version" ? subject.id : review.id;
  const answered = threads.filter((t) => (t.answeredIn?.reviewId ?? null) === answerKey || (subject.type === "plan-version" && t.answeredIn?.versionNumber === subject.number));
  let diff: TPreviousReview["diff"] = null;
  let changes: TChangeAnswer[] = [];
  let otherAnswers: TChangeAnswer["answers"] = [];
  let propChanges: TPreviousReview["proposalChanges"] = null;
  if (subject.type === "plan-version" && prevNumber !== null) {
    diff = (await comparePlanVersions({ user, accountId: review.accountId, a: prevNumber, b: subject.number })).diff;
    ({ changes, otherAnswers } = groupAnswers(
      answered,
      diff.sections.filter((s) => s.status !== "unchanged").map((s) => ({ section: s.key, status: s.status as TChangeAnswer["status"] })),
    ));
  } else if (subject.type === "proposal") {
    const before = readSnapshot(prev.subjectSnapshot);
    if (before) {
      const all = proposalChanges(before, subject.reviewed);
      propChanges = all.map(({ section: _s, ...c }) => c);
      const sections = [...new Set(all.map((c) => c.section))];
      ({ changes, otherAnswers } = groupAnswers(answered, sections.map((section) => ({ section, status: "changed" as const }))));
    }
  }
  return {
    id: prev.id,
    status: reviewStatusOf(prev.status),
    summary: prev.summary,
    decidedAt: prev.decidedAt?.toISOString() ?? null,
    versionNumber: prevNumber,
    diff,
    proposalChanges: propChanges,
    changes,
    otherAnswers,
    stillOpen: threads.filter((t) => t.state !== "resolved" && !answered.includes(t)).length,
  };
}

export async function getReview(opts: { user: SessionUser; reviewId: string }): Promise<TReviewView> {
  const { user, reviewId } = opts;
  const { review, access } = await authorizeReview({ user, reviewId });
  const type: TSubjectType = review.subjectType === "PROPOSAL" ? "proposal" : "plan-version";
  const ties = tiesOf(access, review.mentorId);
  const sectionKeys = sectionsFor(type);
  const [{ subject, title }, context, threads, people] = await Promise.all([
    subjectOf(user, review),
    loadAccountContext(review.accountId),
    loadThreads([review.id], ties, sectionKeys),
    prisma.user.findMany({ where: { id: { in: [review.mentorId, review.requestedById, review.decidedById].filter((x): x is string => Boolean(x)) } }, select: { id: true, name: true } }),
  ]);
  const person = (id: string | null): TPerson | null => (id ? (people.find((p) => p.id === id) ?? null) : null);
  const status = reviewStatusOf(review.status);
  const stale = status === "pending" && subject.type === "plan-version" && subject.status !== "SUBMITTED";
  let commitment: TReviewView["commitment"] = null;
  if (subject.type === "plan-version" && subject.status === "APPROVED") {
    const teamIds = [...new Set(ties.teamUserIds)];
    const [done, team] = await Promise.all([
      prisma.commitment.findMany({ where: { planVersionId: subject.id }, select: { userId: true } }),
      prisma.user.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }),
    ]);
    const committed = new Set(done.map((c) => c.userId));
    commitment = { versionNumber: subject.number, committed: teamIds.filter((id) => committed.has(id)).length, total: teamIds.length, pending: team.filter((p) => !committed.has(p.id)) };
  }
  return {
    id: review.id,
    accountId: review.accountId,
    status,
    stale,
    subjectType: type,
    title,
    subject,
    // A pending review is with whoever mentors the account now.
    mentor: status === "pending" ? (context.mentor ?? person(review.mentorId)) : person(review.mentorId),
    requestedBy: person(review.requestedById),
    submittedAt: review.submittedAt.toISOString(),
    decidedAt: review.decidedAt?.toISOString() ?? null,
    decidedBy: person(review.decidedById),
    summary: review.summary,
    turnaroundDays: review.decidedAt ? turnaroundDays(review.submittedAt, review.decidedAt) : null,
    version: review.version,
    sections: sectionKeys.map((key) => ({ key, label: sectionLabel(key) })),
    threads,
    previous: await previousOf(user, review, subject, ties),
    context,
    commitment,
    permissions: {
      comment: can(user, "review:comment", access.relation),
      resolve: can(user, "review:comment", access.relation),
      verdict: can(user, "review:verdict", access.relation) && status === "pending" && !stale,
    },
    viewerId: user.id,
    viewerOnTeam: ties.teamUserIds.includes(user.id),
  };
}
