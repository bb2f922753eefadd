import { json, parseBody, withUser } from "@/lib/http";
import { ZCommentInput } from "@/lib/reviews/schema";
import { addComment } from "@/lib/reviews/comments";

/** Starts a thread anchored to `section` (optionally quoting a passage), or answers one with `parentId`. */
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZCommentInput);
  return json(await addComment({ user, reviewId: params.id, input }), 201);
});
