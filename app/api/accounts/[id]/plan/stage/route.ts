import { json, parseBody, withUser } from "@/lib/http";
import { ZStageChange } from "@/lib/plans/schema";
import { changeAccountStage } from "@/lib/plans/tracking";

/** Moves the account to another lifecycle stage (kept in the stage history). */
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZStageChange);
  return json(await changeAccountStage({ user, accountId: params.id, input }), 201);
});
