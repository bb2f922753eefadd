import "server-only";
// Who may see a review: the account team, the account's mentor and the senior roles. Everyone
// else gets 404, the same as for a review that does not exist.
import { prisma } from "@/lib/db";
import { can, type Action } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { authorizeAccount, type AccountAccess } from "@/lib/accounts/access";

export const reviewRowSelect = {
  id: true,
  accountId: true,
  subjectType: true,
  planVersionId: true,
  proposalId: true,
  mentorId: true,
  requestedById: true,
  status: true,
  summary: true,
  submittedAt: true,
  decidedAt: true,
  decidedById: true,
  subjectSnapshot: true,
  version: true,
} as const;

/** Seeing a review is the right to take part in it (comment); the role table decides both. */
export const mayTakePart = (user: SessionUser, access: AccountAccess) => can(user, "review:comment", access.relation);

/** Checks account-level access to reviews (404 if the caller may not see them, 403 if the role may not do `action`). */
export async function authorizeAccountReviews(opts: { user: SessionUser; accountId: string; action?: Action }): Promise<AccountAccess> {
  const { user, accountId, action } = opts;
  let access: AccountAccess;
  try {
    access = await authorizeAccount({ user, accountId, action: "account:read" });
  } catch (e) {
    if (e instanceof ForbiddenError) throw new NotFoundError("Not found");
    throw e;
  }
  if (!mayTakePart(user, access)) throw new NotFoundError("Not found");
  if (action && !can(user, action, access.relation)) throw new ForbiddenError();
  return access;
}

/** Loads a review the caller may see; `action` (if given) must be allowed to their role. */
export async function authorizeReview(opts: { user: SessionUser; reviewId: string; action?: Action }) {
  const review = await prisma.review.findUnique({ where: { id: opts.reviewId }, select: reviewRowSelect });
  if (!review) throw new NotFoundError("Review not found");
  try {
    const access = await authorizeAccountReviews({ user: opts.user, accountId: review.accountId, action: opts.action });
    return { review, access };
  } catch (e) {
    if (e instanceof NotFoundError) throw new NotFoundError("Review not found");
    throw e;
  }
}

export type TReviewRow = Awaited<ReturnType<typeof authorizeReview>>["review"];
