import { json, parseBody, withUser } from "@/lib/http";
import { ZScorecardUpdate } from "@/lib/scoring/schema";
import { getScorecard, scorecardJsonSql, updateScorecard } from "@/lib/scoring/scorecard-service";

type P = { id: string };

// The scorecard is read with the session, in one round trip (used once the account's ties allow it).
export const GET = withUser<P>(async ({ user, params, read }) => json(await getScorecard({ user, accountId: params.id, read })), {
  readFirst: (p) => scorecardJsonSql(p.id),
});

/** Saves scores with rationale; 409 on a stale `version`, 422 naming the entry for a bad value or criterion. */
export const PUT = withUser<P>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZScorecardUpdate);
  return json(await updateScorecard({ user, accountId: params.id, input }));
});
