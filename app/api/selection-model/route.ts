import { json, parseBody, withUser } from "@/lib/http";
import { ZSelectionModel } from "@/lib/scoring/schema";
import { getSelectionModel, saveSelectionModel } from "@/lib/scoring/service";

/** Criteria and tiers: every signed-in person may read them (the scorecard explains itself with them). */
export const GET = withUser(async ({ user }) => json(await getSelectionModel({ user })));

/** Saves the model (SENIOR_MANAGER, ADMIN) and re-tiers every account; 409 on a stale version. */
export const PUT = withUser(async ({ req, user }) => {
  const input = await parseBody(req, ZSelectionModel);
  return json(await saveSelectionModel({ user, input }));
});
