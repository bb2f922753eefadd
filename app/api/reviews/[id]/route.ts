import { json, withUser } from "@/lib/http";
import { getReview } from "@/lib/reviews/service";

/** One review with its subject, threads and the account's context. */
export const GET = withUser<{ id: string }>(async ({ user, params }) => json(await getReview({ user, reviewId: params.id })));
