import { json, parseBody, withUser } from "@/lib/http";
import { ZSubmitVersion } from "@/lib/plans/schema";
import { listPlanVersions, submitPlanVersion } from "@/lib/plans/service";

type P = { id: string };

export const GET = withUser<P>(async ({ user, params }) => json(await listPlanVersions({ user, accountId: params.id })));

/** Submits the saved draft as the next numbered version. */
export const POST = withUser<P>(async ({ req, user, params }) => {
  const { draftVersion } = await parseBody(req, ZSubmitVersion);
  return json(await submitPlanVersion({ user, accountId: params.id, draftVersion }), 201);
});
