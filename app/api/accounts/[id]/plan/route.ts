import { json, withUser } from "@/lib/http";
import { getPlan } from "@/lib/plans/service";

/** The current version, the draft (if any), targets and actuals, traffic lights, actions, commitment and stage history. */
export const GET = withUser<{ id: string }>(async ({ user, params }) => json(await getPlan({ user, accountId: params.id })));
