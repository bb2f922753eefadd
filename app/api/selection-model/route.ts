import { can } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";
import { json, parseBody, withUser } from "@/lib/http";
import { ZSelectionModel } from "@/lib/scoring/schema";
import { getSelectionModel, saveSelectionModel } from "@/lib/scoring/service";

/** Criteria and tiers: every signed-in person may read them (the scorecard explains itself with them). */
export const GET = withUser(async ({ user }) => json(await getSelectionModel({ user })));

/** Saves the model (SENIOR_MANAGER, ADMIN) and re-tiers every account; 409 on a stale version. */
export const PUT = withUser(async ({ req, user }) => {
  // The role decides before the body is read: a 403, never a 422, for people who may not edit the model.
  if (!can(user, "selectionModel:edit")) throw new ForbiddenError("Only senior managers and administrators change the selection model");
  const input = await parseBody(req, ZSelectionModel);
  return json(await saveSelectionModel({ user, input }));
});
