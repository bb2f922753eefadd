import { json, withUser } from "@/lib/http";
import { listScoreHistory } from "@/lib/scoring/scorecard-service";

type P = { id: string };

/** Dated snapshots of the account's score and tier, oldest first. */
export const GET = withUser<P>(async ({ user, params }) => json(await listScoreHistory({ user, accountId: params.id })));
