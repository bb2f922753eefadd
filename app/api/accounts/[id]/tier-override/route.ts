import { json, parseBody, withUser } from "@/lib/http";
import { ZTierOverride } from "@/lib/scoring/schema";
import { removeTierOverride, setTierOverride } from "@/lib/scoring/scorecard-service";

type P = { id: string };

/** Overrides the account's tier with a written reason (SENIOR_MANAGER, ADMIN). */
export const PUT = withUser<P>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZTierOverride);
  return json(await setTierOverride({ user, accountId: params.id, input }));
});

/** Removes the override: the account goes back to the tier its score gives it. */
export const DELETE = withUser<P>(async ({ user, params }) => json(await removeTierOverride({ user, accountId: params.id })));
