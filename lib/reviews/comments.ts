import "server-only";
// Comment threads on a review: anchored to a section (and optionally a quoted passage), started
// by anyone taking part, answered by the account team, resolved (never deleted).
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { authorizeReview } from "./access";
import { threadState } from "./model";
import { SUBJECT_TYPE_DB, sectionLabel, sectionsFor, type TCommentInput, type TCommentPatch } from "./schema";
import type { TCommentSide, TCommentView, TPerson, TThreadView } from "./view";

const commentSelect = {
  id: true,
  reviewId: true,
  parentId: true,
  section: true,
  quote: true,
  body: true,
  resolvedAt: true,
  resolvedById: true,
  answeredInVersionId: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} as const;

type CommentRow = {
  id: string;
  reviewId: string;
  parentId: string | null;
  section: string;
  quote: string | null;
  body: string;
  resolvedAt: Date | null;
  resolvedById: string | null;
  answeredInVersionId: string | null;
  createdAt: Date;
  author: TPerson;
};

export type TTies = { teamUserIds: string[]; mentorIds: string[] };

function sideOf(authorId: string, ties: TTies): TCommentSide {
  if (ties.teamUserIds.includes(authorId)) return "team";
  if (ties.mentorIds.includes(authorId)) return "mentor";
  return "other";
}

function toComment(c: CommentRow, ties: TTies): TCommentView {
  return {
    id: c.id,
    section: c.section,
    sectionLabel: sectionLabel(c.section),
    quote: c.quote,
    body: c.body,
    author: { ...c.author, side: sideOf(c.author.id, ties) },
    createdAt: c.createdAt.toISOString(),
  };
}

/**
 * The threads of some reviews, in section order (as `sectionOrder` lists them) and then oldest
 * first. The team (owner and members) is who answers; the thread state says whose turn it is.
 */
export async function loadThreads(reviewIds: string[], ties: TTies, sectionOrder: string[] = []): Promise<TThreadView[]> {
  if (!reviewIds.length) return [];
  const rows: CommentRow[] = await prisma.comment.findMany({ where: { reviewId: { in: reviewIds } }, orderBy: { createdAt: "asc" }, select: commentSelect });
  const answeredIds = [...new Set(rows.map((r) => r.answeredInVersionId).filter((x): x is string => Boolean(x)))];
  const resolverIds = [...new Set(rows.map((r) => r.resolvedById).filter((x): x is string => Boolean(x)))];
  const [versions, resolvers] = await Promise.all([
    answeredIds.length ? prisma.planVersion.findMany({ where: { id: { in: answeredIds } }, select: { id: true, number: true } }) : [],
    resolverIds.length ? prisma.user.findMany({ where: { id: { in: resolverIds } }, select: { id: true, name: true } }) : [],
  ]);
  const numberOf = new Map(versions.map((v) => [v.id, v.number]));
  const resolverOf = new Map(resolvers.map((u) => [u.id, u]));
  const replies = new Map<string, CommentRow[]>();
  for (const r of rows) if (r.parentId) replies.set(r.parentId, [...(replies.get(r.parentId) ?? []), r]);
  const order = (s: string) => {
    const i = sectionOrder.indexOf(s);
    return i < 0 ? sectionOrder.length : i;
  };
  return rows
    .filter((r) => !r.parentId)
    .map((root): TThreadView => {
      const rs = replies.get(root.id) ?? [];
      return {
        ...toComment(root, ties),
        reviewId: root.reviewId,
        resolvedAt: root.resolvedAt?.toISOString() ?? null,
        resolvedBy: root.resolvedById ? (resolverOf.get(root.resolvedById) ?? null) : null,
        state: threadState({
          resolvedAt: root.resolvedAt,
          messages: [root, ...rs].map((m) => ({ authorId: m.author.id, createdAt: m.createdAt })),
          teamUserIds: ties.teamUserIds,
          answered: Boolean(root.answeredInVersionId),
        }),
        answeredIn: root.answeredInVersionId
          ? numberOf.has(root.answeredInVersionId)
            ? { versionNumber: numberOf.get(root.answeredInVersionId)!, reviewId: null }
            : { versionNumber: null, reviewId: root.answeredInVersionId }
          : null,
        replies: rs.map((r) => toComment(r, ties)),
      };
    })
    .sort((a, b) => order(a.section) - order(b.section) || a.createdAt.localeCompare(b.createdAt));
}

export function tiesOf(access: { ownerId: string; teamUserIds: string[]; mentorId: string | null }, reviewMentorId?: string): TTies {
  return {
    teamUserIds: [access.ownerId, ...access.teamUserIds],
    mentorIds: [access.mentorId, reviewMentorId].filter((x): x is string => Boolean(x)),
  };
}

async function threadById(reviewId: string, commentId: string, ties: TTies): Promise<TThreadView> {
  const thread = (await loadThreads([reviewId], ties)).find((t) => t.id === commentId || t.replies.some((r) => r.id === commentId));
  if (!thread) throw new NotFoundError("Comment not found");
  return thread;
}

/** Starts a thread on a section, or answers one (`parentId`). Returns the whole thread. */
export async function addComment(opts: { user: SessionUser; reviewId: string; input: TCommentInput }): Promise<TThreadView> {
  const { user, reviewId, input } = opts;
  const { review, access } = await authorizeReview({ user, reviewId, action: "review:comment" });
  const type = review.subjectType === SUBJECT_TYPE_DB.proposal ? "proposal" : "plan-version";
  let section = input.section;
  if (input.parentId) {
    const parent = await prisma.comment.findFirst({ where: { id: input.parentId, reviewId }, select: { id: true, parentId: true, section: true } });
    if (!parent) throw new ValidationError({ parentId: "That comment is not on this review" });
    if (parent.parentId) throw new ValidationError({ parentId: "Answer the thread, not a reply in it" });
    // A reply belongs to its thread's section, whatever the client sent.
    section = parent.section;
  } else if (!sectionsFor(type).includes(section)) {
    throw new ValidationError({ section: `Not a section of this ${type === "proposal" ? "proposal" : "plan"}` });
  }
  const created = await prisma.$transaction(async (tx) => {
    const c = await tx.comment.create({
      data: { reviewId, authorId: user.id, parentId: input.parentId ?? null, section, quote: input.parentId ? null : (input.quote ?? null), body: input.body },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: input.parentId ? "review.comment.reply" : "review.comment.create",
      entityType: "Comment",
      entityId: c.id,
      accountId: review.accountId,
      after: { reviewId, section, parentId: input.parentId ?? null, length: input.body.length },
    });
    return c;
  });
  return threadById(reviewId, created.id, tiesOf(access, review.mentorId));
}

/** Resolves (or reopens) a thread. Resolving keeps every word: the thread is marked, not deleted. */
export async function setCommentResolved(opts: { user: SessionUser; reviewId: string; commentId: string; input: TCommentPatch }): Promise<TThreadView> {
  const { user, reviewId, commentId, input } = opts;
  const { review, access } = await authorizeReview({ user, reviewId, action: "review:comment" });
  const comment = await prisma.comment.findFirst({ where: { id: commentId, reviewId }, select: { id: true, parentId: true, resolvedAt: true } });
  if (!comment) throw new NotFoundError("Comment not found");
  if (comment.parentId) throw new ValidationError({ resolved: "A reply is resolved with its thread: resolve the first comment" });
  if (Boolean(comment.resolvedAt) !== input.resolved) {
    await prisma.$transaction(async (tx) => {
      // Only flip it if nobody flipped it meanwhile (two people resolving at once is harmless).
      const r = await tx.comment.updateMany({
        where: { id: commentId, resolvedAt: input.resolved ? null : { not: null } },
        data: input.resolved ? { resolvedAt: new Date(), resolvedById: user.id } : { resolvedAt: null, resolvedById: null },
      });
      if (r.count) {
        await recordAudit(tx, {
          actorId: user.id,
          action: input.resolved ? "review.comment.resolve" : "review.comment.reopen",
          entityType: "Comment",
          entityId: commentId,
          accountId: review.accountId,
          before: { resolved: !input.resolved },
          after: { resolved: input.resolved },
        });
      }
    });
  }
  return threadById(reviewId, commentId, tiesOf(access, review.mentorId));
}
