import { z } from "zod";
import { json, parseBody, parseQuery, withUser } from "@/lib/http";
import { ZExpectedOverrideAt, ZTierOverride } from "@/lib/scoring/schema";
import { removeTierOverride, setTierOverride } from "@/lib/scoring/scorecard-service";

type P = { id: string };

/**
 * Overrides the account's tier with a written reason (SENIOR_MANAGER, ADMIN). `expectedOverrideAt`
 * is the override the caller saw (its `at`, or null): if someone changed it since, 409 with the
 * current scorecard, and nothing is written.
 */
export const PUT = withUser<P>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZTierOverride);
  return json(await setTierOverride({ user, accountId: params.id, input }));
});

/**
 * Removes the override: the account goes back to the tier its score gives it.
 * `?expectedOverrideAt=` names the override being removed; a newer one is a 409, as for PUT.
 */
export const DELETE = withUser<P>(async ({ req, user, params }) => {
  const { expectedOverrideAt } = parseQuery(req, z.object({ expectedOverrideAt: ZExpectedOverrideAt.unwrap() }));
  return json(await removeTierOverride({ user, accountId: params.id, expectedOverrideAt }));
});
