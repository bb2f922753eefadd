import { json, parseBody, parseQuery, withUser } from "@/lib/http";
import { ZCreateReview, ZReviewQueueQuery } from "@/lib/reviews/schema";
import { listReviewQueue } from "@/lib/reviews/queue";
import { createReview } from "@/lib/reviews/service";

/** The queue: `?assignedTo=me|all&status=pending|endorsed|changes-requested|decided|all&accountId=`. */
export const GET = withUser(async ({ req, user }) => json(await listReviewQueue({ user, query: parseQuery(req, ZReviewQueueQuery) })));

/** Asks the account's mentor to review `{subject: {type: "plan-version"|"proposal", id}}`. */
export const POST = withUser(async ({ req, user }) => {
  const input = await parseBody(req, ZCreateReview);
  return json(await createReview({ user, input }), 201);
});
