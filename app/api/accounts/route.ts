import { json, parseBody, parseQuery, withUser } from "@/lib/http";
import { ZAccountCreate, ZAccountListQuery } from "@/lib/accounts/schema";
import { createAccount, listAccounts } from "@/lib/accounts/service";

export const GET = withUser(async ({ req, user }) => {
  const query = parseQuery(req, ZAccountListQuery);
  return json(await listAccounts({ user, query }));
});

export const POST = withUser(async ({ req, user }) => {
  const input = await parseBody(req, ZAccountCreate);
  return json(await createAccount({ user, input }), 201);
});
