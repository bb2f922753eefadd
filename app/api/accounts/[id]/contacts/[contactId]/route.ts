import { json, parseBody, parseQuery, withUser } from "@/lib/http";
import { ZContactPatch, ZDeleteQuery } from "@/lib/relationships/schema";
import { getContact } from "@/lib/relationships/service";
import { deleteContact, updateContact } from "@/lib/relationships/writes";

type P = { id: string; contactId: string };

/** One person with everything recorded about them and their former roles. */
export const GET = withUser<P>(async ({ user, params }) => json(await getContact({ user, accountId: params.id, contactId: params.contactId })));

/** Edits a person; `version` is required and a stale one gets 409 with the person as they are now. */
export const PATCH = withUser<P>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZContactPatch);
  return json(await updateContact({ user, accountId: params.id, contactId: params.contactId, input }));
});

/** Removes a person with their relationships and links; `?version=` guards against removing a newer edit. */
export const DELETE = withUser<P>(async ({ req, user, params }) => {
  const { version } = parseQuery(req, ZDeleteQuery);
  return json(await deleteContact({ user, accountId: params.id, contactId: params.contactId, version }));
});
