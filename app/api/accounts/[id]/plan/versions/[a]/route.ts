import { json, withUser } from "@/lib/http";
import { ZVersionNumber } from "@/lib/plans/schema";
import { getPlanVersion } from "@/lib/plans/service";

export const GET = withUser<{ id: string; a: string }>(async ({ user, params }) =>
  json(await getPlanVersion({ user, accountId: params.id, number: ZVersionNumber.parse(params.a) })),
);
