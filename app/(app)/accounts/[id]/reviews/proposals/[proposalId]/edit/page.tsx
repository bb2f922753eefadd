import type { Metadata } from "next";
import { orNotFound } from "@/lib/not-found";
import { requirePageUser } from "@/lib/auth/session";
import { getProposalFormContext } from "@/lib/reviews/proposals";
import { loadProposal } from "./load";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ProposalForm } from "@/components/reviews/proposal-form";

export const metadata: Metadata = { title: "Revise proposal" };

export default async function EditProposalPage({ params }: { params: Promise<{ id: string; proposalId: string }> }) {
  const { id, proposalId } = await params;
  const user = await requirePageUser();
  const [ctx, proposal] = await Promise.all([orNotFound(getProposalFormContext({ user, accountId: id })), loadProposal(user, id, proposalId)]);
  if (!ctx.canEdit) return <EmptyState title="Only the account team revises proposals">You can read and comment on them in their reviews.</EmptyState>;
  if (proposal.latestReview?.status === "pending") {
    return <EmptyState title="This proposal is with the mentor">It can be revised once the verdict is in. Comments can still be answered in the review.</EmptyState>;
  }
  return (
    <Card className="max-w-4xl">
      <CardHeader title={`Revise: ${proposal.title}`} description="The mentor will see what changed since the version they reviewed." />
      <CardBody>
        <ProposalForm accountId={id} mentor={ctx.mentor} canRequest={ctx.canRequest} existing={JSON.parse(JSON.stringify(proposal))} />
      </CardBody>
    </Card>
  );
}
