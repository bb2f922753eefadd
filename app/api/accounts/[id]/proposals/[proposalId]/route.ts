import { json, parseBody, withUser } from "@/lib/http";
import { ZProposalUpdate } from "@/lib/reviews/schema";
import { getProposal, updateProposal } from "@/lib/reviews/proposals";

type P = { id: string; proposalId: string };

export const GET = withUser<P>(async ({ user, params }) => json(await getProposal({ user, accountId: params.id, proposalId: params.proposalId })));

/** Revises a proposal (`version` required; 409 if stale or while it waits for a verdict). */
export const PUT = withUser<P>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZProposalUpdate);
  return json(await updateProposal({ user, accountId: params.id, proposalId: params.proposalId, input }));
});
