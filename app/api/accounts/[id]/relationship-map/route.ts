import { json, withUser } from "@/lib/http";
import { getRelationshipMap } from "@/lib/relationships/service";

/** The whole map in one response: { contacts, teamMembers, relationships, links, analysis }. */
export const GET = withUser<{ id: string }>(async ({ user, params }) => json(await getRelationshipMap({ user, accountId: params.id })));
