import { json, parseBody, withUser } from "@/lib/http";
import { ZUserCreate } from "@/lib/users/schema";
import { createUser, listUsers } from "@/lib/users/service";

export const GET = withUser(async ({ user }) => json({ items: await listUsers({ user }) }));

export const POST = withUser(async ({ req, user }) => {
  const input = await parseBody(req, ZUserCreate);
  return json(await createUser({ user, input }), 201);
});
