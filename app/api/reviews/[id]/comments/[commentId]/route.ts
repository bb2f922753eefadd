import { json, parseBody, withUser } from "@/lib/http";
import { ZCommentPatch } from "@/lib/reviews/schema";
import { setCommentResolved } from "@/lib/reviews/comments";

/** Resolves (`{resolved: true}`) or reopens a thread; nothing is deleted. */
export const PATCH = withUser<{ id: string; commentId: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZCommentPatch);
  return json(await setCommentResolved({ user, reviewId: params.id, commentId: params.commentId, input }));
});
