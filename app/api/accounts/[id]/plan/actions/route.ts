import { json, parseBody, withUser } from "@/lib/http";
import { ZActionInput } from "@/lib/plans/schema";
import { createAction } from "@/lib/plans/tracking";

export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZActionInput);
  return json(await createAction({ user, accountId: params.id, input }), 201);
});
