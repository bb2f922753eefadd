import { json, parseBody, parseQuery, withUser } from "@/lib/http";
import { ZDeleteQuery, ZLinkPatch } from "@/lib/relationships/schema";
import { deleteLink, updateLink } from "@/lib/relationships/writes";

type P = { id: string; linkId: string };

export const PATCH = withUser<P>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZLinkPatch);
  return json(await updateLink({ user, accountId: params.id, linkId: params.linkId, input }));
});

export const DELETE = withUser<P>(async ({ req, user, params }) => {
  const { version } = parseQuery(req, ZDeleteQuery);
  return json(await deleteLink({ user, accountId: params.id, linkId: params.linkId, version }));
});
