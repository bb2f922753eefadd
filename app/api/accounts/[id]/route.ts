import { json, parseBody, withUser } from "@/lib/http";
import { ZAccountUpdate } from "@/lib/accounts/schema";
import { archiveAccount, getAccount, updateAccount } from "@/lib/accounts/service";

type P = { id: string };

export const GET = withUser<P>(async ({ user, params }) => json(await getAccount({ user, accountId: params.id })));

export const PATCH = withUser<P>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZAccountUpdate);
  return json(await updateAccount({ user, accountId: params.id, input }));
});

/** Archives (keeps the account and its history). `?restore=1` brings it back. */
export const DELETE = withUser<P>(async ({ req, user, params }) => {
  const restore = req.nextUrl.searchParams.get("restore") === "1";
  return json(await archiveAccount({ user, accountId: params.id, restore }));
});
