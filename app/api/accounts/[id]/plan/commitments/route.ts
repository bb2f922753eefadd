import { json, parseBody, withUser } from "@/lib/http";
import { ZCommitmentInput } from "@/lib/plans/schema";
import { commitToPlanVersion } from "@/lib/plans/service";

/** The caller, a team member, commits to the approved version. */
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const { versionNumber } = await parseBody(req, ZCommitmentInput);
  return json(await commitToPlanVersion({ user, accountId: params.id, versionNumber }), 201);
});
