import { json, parseBody, withUser } from "@/lib/http";
import { ZFinancialYearInput } from "@/lib/plans/schema";
import { updateFinancialYear } from "@/lib/plans/tracking";
import { z } from "zod";

const ZYearParam = z.coerce.number().int().min(2000).max(2100);
const ZPatch = ZFinancialYearInput.partial({ year: true });

/** Changes a recorded year's figures; `version` is required (409 when stale). */
export const PATCH = withUser<{ id: string; year: string }>(async ({ req, user, params }) => {
  const year = ZYearParam.parse(params.year);
  const input = await parseBody(req, ZPatch);
  return json(await updateFinancialYear({ user, accountId: params.id, year, input }));
});
