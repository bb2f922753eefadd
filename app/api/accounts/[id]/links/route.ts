import { json, parseBody, withUser } from "@/lib/http";
import { ZLinkInput } from "@/lib/relationships/schema";
import { createLink } from "@/lib/relationships/writes";

/** Records that one of the customer's people influences another, or that two pull against each other. */
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZLinkInput);
  return json(await createLink({ user, accountId: params.id, input }), 201);
});
