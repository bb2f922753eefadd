import { json, parseBody, withUser } from "@/lib/http";
import { ZSelectionModelDraft } from "@/lib/scoring/schema";
import { previewSelectionModel } from "@/lib/scoring/service";

/** What-if: the tier each account would get under a draft model, and the moves. Writes nothing. `?only=moves` leaves out unchanged accounts. */
export const POST = withUser(async ({ req, user }) => {
  const input = await parseBody(req, ZSelectionModelDraft);
  const only = req.nextUrl.searchParams.get("only") === "moves" ? "moves" : "all";
  return json(await previewSelectionModel({ user, input, only }));
});
