import type { Metadata } from "next";
import { orNotFound } from "@/lib/not-found";
import { requirePageUser } from "@/lib/auth/session";
import { getProposalFormContext } from "@/lib/reviews/proposals";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ProposalForm } from "@/components/reviews/proposal-form";

export const metadata: Metadata = { title: "New proposal" };

export default async function NewProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const ctx = await orNotFound(getProposalFormContext({ user, accountId: id }));
  if (!ctx.canEdit) return <EmptyState title="Only the account team writes proposals">You can read and comment on them in their reviews.</EmptyState>;
  return (
    <Card className="max-w-4xl">
      <CardHeader title="A major proposal or presentation" description="What the mentor should look at before it goes to the customer." />
      <CardBody>
        <ProposalForm accountId={id} mentor={ctx.mentor} canRequest={ctx.canRequest} />
      </CardBody>
    </Card>
  );
}
