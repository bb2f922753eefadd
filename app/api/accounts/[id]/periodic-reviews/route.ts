import { json, parseBody, withUser } from "@/lib/http";
import { ZPeriodicReviewInput } from "@/lib/reviews/schema";
import { getPeriodicReviews, recordPeriodicReview } from "@/lib/reviews/periodic";

type P = { id: string };

/** The schedule (due every N months from the tier) and the meetings held. */
export const GET = withUser<P>(async ({ user, params }) => json(await getPeriodicReviews({ user, accountId: params.id })));

/** Records a review meeting; next steps become actions on the plan. */
export const POST = withUser<P>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZPeriodicReviewInput);
  return json(await recordPeriodicReview({ user, accountId: params.id, input }), 201);
});
