import { json, parseBody, withUser } from "@/lib/http";
import { ZVerdictInput } from "@/lib/reviews/schema";
import { giveVerdict } from "@/lib/reviews/service";

/** `{verdict: "endorse"|"request-changes", summary}`: once per review (a second one is 409). */
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZVerdictInput);
  return json(await giveVerdict({ user, reviewId: params.id, input }));
});
