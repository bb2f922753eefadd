import { json, parseBody, withUser } from "@/lib/http";
import { ZFinancialYearInput } from "@/lib/plans/schema";
import { recordFinancialYear } from "@/lib/plans/tracking";

/** Records targets and/or actuals for a year not recorded yet (409 if it is). */
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZFinancialYearInput);
  return json(await recordFinancialYear({ user, accountId: params.id, input }), 201);
});
