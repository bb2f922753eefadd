import { json, parseBody, withUser } from "@/lib/http";
import { ZUserUpdate } from "@/lib/users/schema";
import { updateUser } from "@/lib/users/service";

export const PATCH = withUser<{ id: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZUserUpdate);
  return json(await updateUser({ user, userId: params.id, input }));
});
