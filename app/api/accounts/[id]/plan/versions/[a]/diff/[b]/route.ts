import { json, withUser } from "@/lib/http";
import { ZVersionNumber } from "@/lib/plans/schema";
import { comparePlanVersions } from "@/lib/plans/service";

/** Compares version a with version b, section by section (added, removed, changed). */
export const GET = withUser<{ id: string; a: string; b: string }>(async ({ user, params }) =>
  json(await comparePlanVersions({ user, accountId: params.id, a: ZVersionNumber.parse(params.a), b: ZVersionNumber.parse(params.b) })),
);
