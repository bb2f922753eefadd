import { json, parseBody, parseQuery, withUser } from "@/lib/http";
import { ZDeleteQuery, ZRelationshipPatch } from "@/lib/relationships/schema";
import { deleteRelationship, updateRelationship } from "@/lib/relationships/writes";

type P = { id: string; relationshipId: string };

/** Edits a relationship; a stale `version` gets 409 with the relationship as it is now. */
export const PATCH = withUser<P>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZRelationshipPatch);
  return json(await updateRelationship({ user, accountId: params.id, relationshipId: params.relationshipId, input }));
});

export const DELETE = withUser<P>(async ({ req, user, params }) => {
  const { version } = parseQuery(req, ZDeleteQuery);
  return json(await deleteRelationship({ user, accountId: params.id, relationshipId: params.relationshipId, version }));
});
