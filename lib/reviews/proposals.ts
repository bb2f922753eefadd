import "server-only";
// Major proposals and presentations: written by the account team, reviewed by the mentor. The
// body is sanitised before it is stored (./rich-text.ts). A proposal under review is frozen until
// the verdict; each review keeps a snapshot of what it reviewed.
import { prisma, type Prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { alreadyHolds } from "@/lib/already-saved";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { authorizeAccountReviews } from "./access";
import { sanitizeRichText, toStoredBody } from "./rich-text";
import { PROPOSAL_KINDS, type TProposalInput, type TProposalKind, type TProposalUpdate } from "./schema";
import type { TProposalFields, TProposalView } from "./view";

const DB_STATUS_TO_API = { PENDING: "pending", ENDORSED: "endorsed", CHANGES_REQUESTED: "changes-requested" } as const;
export const reviewStatusOf = (s: keyof typeof DB_STATUS_TO_API) => DB_STATUS_TO_API[s];

export const proposalSelect = {
  id: true,
  accountId: true,
  title: true,
  kind: true,
  summary: true,
  value: true,
  decisionDate: true,
  body: true,
  link: true,
  authorId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ProposalSelect;
type ProposalRow = Prisma.ProposalGetPayload<{ select: typeof proposalSelect }>;

const asKind = (k: string): TProposalKind => ((PROPOSAL_KINDS as readonly string[]).includes(k) ? (k as TProposalKind) : "other");

/** The reviewable fields of a proposal, as stored in a review's snapshot. */
export function proposalFields(p: Pick<ProposalRow, "title" | "kind" | "summary" | "value" | "decisionDate" | "body" | "link">): TProposalFields {
  return {
    title: p.title,
    kind: asKind(p.kind),
    summary: p.summary,
    value: p.value === null ? null : Number(p.value.toString()),
    decisionDate: p.decisionDate ? p.decisionDate.toISOString().slice(0, 10) : null,
    body: p.body,
    link: p.link,
  };
}

/** Reads a snapshot back; a malformed one (never expected) still yields something readable. */
export function readSnapshot(value: unknown): TProposalFields | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<Record<keyof TProposalFields, unknown>>;
  const str = (x: unknown) => (typeof x === "string" ? x : "");
  return {
    title: str(v.title),
    kind: asKind(str(v.kind)),
    summary: str(v.summary),
    value: typeof v.value === "number" ? v.value : null,
    decisionDate: typeof v.decisionDate === "string" ? v.decisionDate : null,
    body: str(v.body),
    link: typeof v.link === "string" ? v.link : null,
  };
}

async function latestReviews(proposalIds: string[]) {
  if (!proposalIds.length) return new Map<string, TProposalView["latestReview"]>();
  const rows = await prisma.review.findMany({
    where: { proposalId: { in: proposalIds } },
    orderBy: { submittedAt: "desc" },
    select: { id: true, proposalId: true, status: true, submittedAt: true, decidedAt: true },
  });
  const out = new Map<string, TProposalView["latestReview"]>();
  for (const r of rows) {
    if (!r.proposalId || out.has(r.proposalId)) continue;
    out.set(r.proposalId, { id: r.id, status: reviewStatusOf(r.status), submittedAt: r.submittedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null });
  }
  return out;
}

async function toViews(rows: ProposalRow[]): Promise<TProposalView[]> {
  const [reviews, authors] = await Promise.all([
    latestReviews(rows.map((r) => r.id)),
    prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } }, select: { id: true, name: true } }),
  ]);
  const byId = new Map(authors.map((a) => [a.id, a]));
  return rows.map((p) => ({
    ...proposalFields(p),
    // Sanitised on write; again on the way out, for rows written before a rule tightened.
    body: sanitizeRichText(p.body),
    id: p.id,
    accountId: p.accountId,
    author: byId.get(p.authorId) ?? null,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    latestReview: reviews.get(p.id) ?? null,
  }));
}

export async function listProposals(opts: { user: SessionUser; accountId: string }): Promise<TProposalView[]> {
  await authorizeAccountReviews({ user: opts.user, accountId: opts.accountId });
  const rows = await prisma.proposal.findMany({ where: { accountId: opts.accountId }, orderBy: { createdAt: "desc" }, take: 200, select: proposalSelect });
  return toViews(rows);
}

export async function getProposal(opts: { user: SessionUser; accountId: string; proposalId: string }): Promise<TProposalView> {
  await authorizeAccountReviews({ user: opts.user, accountId: opts.accountId });
  const row = await prisma.proposal.findFirst({ where: { id: opts.proposalId, accountId: opts.accountId }, select: proposalSelect });
  if (!row) throw new NotFoundError("Proposal not found");
  return (await toViews([row]))[0];
}

/** Loads a proposal as a view without checking access (callers have checked). */
export async function proposalViewById(proposalId: string): Promise<TProposalView | null> {
  const row = await prisma.proposal.findUnique({ where: { id: proposalId }, select: proposalSelect });
  return row ? (await toViews([row]))[0] : null;
}

const toDay = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function dataOf(input: TProposalInput | TProposalUpdate) {
  return {
    title: input.title,
    kind: input.kind,
    summary: input.summary,
    value: input.value,
    decisionDate: toDay(input.decisionDate),
    body: toStoredBody(input.body, input.bodyFormat),
    link: input.link,
  };
}

/**
 * The account team writes a proposal. Asking for the review in the same step is the owner's
 * right (checked before anything is written); ./service.ts createReview does the asking.
 */
export async function createProposal(opts: { user: SessionUser; accountId: string; input: TProposalInput }): Promise<ProposalRow> {
  const { user, accountId, input } = opts;
  const access = await authorizeAccountReviews({ user, accountId, action: "plan:edit" });
  if (input.requestReview && !can(user, "review:request", access.relation)) throw new ForbiddenError("Only the account's manager asks the mentor for a review");
  return prisma.$transaction(async (tx) => {
    const created = await tx.proposal.create({ data: { accountId, authorId: user.id, ...dataOf(input) }, select: proposalSelect });
    await recordAudit(tx, { actorId: user.id, action: "proposal.create", entityType: "Proposal", entityId: created.id, accountId, after: { ...proposalFields(created), body: `${created.body.length} characters` } });
    return created;
  });
}

/** Revises a proposal if nobody changed it since `version` and it is not waiting for a verdict. */
export async function updateProposal(opts: { user: SessionUser; accountId: string; proposalId: string; input: TProposalUpdate }): Promise<TProposalView> {
  const { user, accountId, proposalId, input } = opts;
  await authorizeAccountReviews({ user, accountId, action: "plan:edit" });
  await prisma.$transaction(async (tx) => {
    const before = await tx.proposal.findFirst({ where: { id: proposalId, accountId }, select: proposalSelect });
    if (!before) throw new NotFoundError("Proposal not found");
    const pending = await tx.review.findFirst({ where: { proposalId, status: "PENDING" }, select: { id: true } });
    if (pending) throw new ConflictError("This proposal is with the mentor: wait for the verdict before changing it", { reviewId: pending.id });
    const data = dataOf(input);
    const r = await tx.proposal.updateMany({ where: { id: proposalId, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (r.count === 0) {
      const current = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: proposalSelect });
      if (alreadyHolds(current, data)) return;
      throw new ConflictError("Someone else changed this proposal after you opened it", (await toViews([current]))[0]);
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: "proposal.update",
      entityType: "Proposal",
      entityId: proposalId,
      accountId,
      before: { ...proposalFields(before), body: `${before.body.length} characters`, version: before.version },
      after: { ...data, body: undefined, version: before.version + 1 },
    });
  });
  return getProposal({ user, accountId, proposalId });
}

/** What the proposal form needs to know: who the mentor is and what the caller may do. */
export async function getProposalFormContext(opts: { user: SessionUser; accountId: string }): Promise<{ mentor: { id: string; name: string } | null; canEdit: boolean; canRequest: boolean }> {
  const access = await authorizeAccountReviews({ user: opts.user, accountId: opts.accountId });
  const mentor = access.mentorId ? await prisma.user.findUnique({ where: { id: access.mentorId }, select: { id: true, name: true } }) : null;
  return { mentor, canEdit: can(opts.user, "plan:edit", access.relation), canRequest: can(opts.user, "review:request", access.relation) };
}
