import { json, parseBody, withUser } from "@/lib/http";
import { ZTeamUpdate } from "@/lib/accounts/schema";
import { setAccountTeam } from "@/lib/accounts/service";

export const PUT = withUser<{ id: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZTeamUpdate);
  return json(await setAccountTeam({ user, accountId: params.id, input }));
});
