import { json, parseBody, withUser } from "@/lib/http";
import { ZProposalInput } from "@/lib/reviews/schema";
import { listProposals } from "@/lib/reviews/proposals";
import { submitProposal } from "@/lib/reviews/service";

type P = { id: string };

export const GET = withUser<P>(async ({ user, params }) => json(await listProposals({ user, accountId: params.id })));

/** Writes a proposal (body sanitised); with `requestReview: true` the mentor is asked in the same step. */
export const POST = withUser<P>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZProposalInput);
  return json(await submitProposal({ user, accountId: params.id, input }), 201);
});
