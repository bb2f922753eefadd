import { can } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";
import { json, parseBody, withUser } from "@/lib/http";
import { ZSelectionModelDraft } from "@/lib/scoring/schema";
import { previewSelectionModel } from "@/lib/scoring/service";

/** What-if: the tier each account would get under a draft model, and the moves. Writes nothing. `?only=moves` leaves out unchanged accounts. */
export const POST = withUser(async ({ req, user }) => {
  // The role decides before the body is read: a 403, never a 422, for people who may not edit the model.
  if (!can(user, "selectionModel:edit")) throw new ForbiddenError("Only senior managers and administrators change the selection model");
  const input = await parseBody(req, ZSelectionModelDraft);
  const only = req.nextUrl.searchParams.get("only") === "moves" ? "moves" : "all";
  return json(await previewSelectionModel({ user, input, only }));
});
