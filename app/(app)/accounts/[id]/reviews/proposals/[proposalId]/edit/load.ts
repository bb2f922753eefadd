import { cache } from "react";
import type { SessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getProposal } from "@/lib/reviews/proposals";

/**
 * The proposal the address names, loaded once per request for the layout (which decides the 404
 * outside the loading skeleton) and the page; the not-found page when there is no such proposal.
 */
export const loadProposal = cache((user: SessionUser, accountId: string, proposalId: string) => orNotFound(getProposal({ user, accountId, proposalId })));
