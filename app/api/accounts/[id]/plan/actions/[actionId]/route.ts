import { json, parseBody, withUser } from "@/lib/http";
import { ZActionPatch } from "@/lib/plans/schema";
import { updateAction } from "@/lib/plans/tracking";

/** Changes an action; `version` is required, and a stale one gets 409 with the action as it is now. */
export const PATCH = withUser<{ id: string; actionId: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZActionPatch);
  return json(await updateAction({ user, accountId: params.id, actionId: params.actionId, input }));
});
