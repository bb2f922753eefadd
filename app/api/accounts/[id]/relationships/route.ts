import { json, parseBody, withUser } from "@/lib/http";
import { ZRelationshipInput } from "@/lib/relationships/schema";
import { createRelationship } from "@/lib/relationships/writes";

/** Records a relationship between someone on the account team and one of the customer's people. */
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZRelationshipInput);
  return json(await createRelationship({ user, accountId: params.id, input }), 201);
});
