import { json, parseBody, withUser } from "@/lib/http";
import { ZContactInput } from "@/lib/relationships/schema";
import { createContact } from "@/lib/relationships/writes";

/** Adds one of the customer's people to the account. */
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZContactInput);
  return json(await createContact({ user, accountId: params.id, input }), 201);
});
