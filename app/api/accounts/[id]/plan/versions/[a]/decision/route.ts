import { json, parseBody, withUser } from "@/lib/http";
import { ZVersionDecision, ZVersionNumber } from "@/lib/plans/schema";
import { decidePlanVersion } from "@/lib/plans/service";

/** Approve or request changes on a submitted version (senior managers; the mentor review flow comes later). */
export const POST = withUser<{ id: string; a: string }>(async ({ req, user, params }) => {
  const number = ZVersionNumber.parse(params.a);
  const { decision } = await parseBody(req, ZVersionDecision);
  return json(await decidePlanVersion({ user, accountId: params.id, number, decision }));
});
