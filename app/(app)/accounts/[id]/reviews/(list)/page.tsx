import type { Metadata } from "next";
import Link from "next/link";
import { MessageSquare, Presentation } from "lucide-react";
import { orNotFound } from "@/lib/not-found";
import { requirePageUser } from "@/lib/auth/session";
import { getAccountReviews } from "@/lib/reviews/account-tab";
import { PROPOSAL_KIND_LABELS } from "@/lib/reviews/schema";
import { formatMoney, formatDay } from "@/lib/format";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PlanReviewPanel } from "@/components/reviews/plan-review-panel";
import { PeriodicCard } from "@/components/reviews/periodic-card";
import { QueueList } from "@/components/reviews/queue-list";
import { ReviewStatusBadge } from "@/components/reviews/badges";
import { AskProposalReview } from "@/components/reviews/proposal-actions";
import { RevealHashTarget } from "@/components/ui/reveal-hash-target";

export const metadata: Metadata = { title: "Reviews" };

export default async function AccountReviewsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const data = await orNotFound(getAccountReviews({ user, accountId: id }));
  const { permissions: can } = data;
  return (
    <div className="grid gap-6 xl:grid-cols-3">
      <div className="min-w-0 space-y-6 xl:col-span-2">
        <PlanReviewPanel accountId={id} plan={JSON.parse(JSON.stringify(data.plan))} mentor={data.account.mentor} canRequest={can.request} />

        <Card>
          <CardHeader title="Reviews" description="Every review of this account's plan and proposals, newest first." />
          {data.reviews.length ? (
            <QueueList items={data.reviews} showAccount={false} />
          ) : (
            <CardBody>
              <EmptyState level={3} icon={<MessageSquare aria-hidden className="h-8 w-8" />} title="No reviews yet" className="border-0">
                Submit the plan or a major proposal for {data.account.mentor?.name ?? "the mentor"}&apos;s review and it will appear here.
              </EmptyState>
            </CardBody>
          )}
        </Card>

        {/* /accounts/[id]/proposals leads here (next.config.ts). */}
        <Card id="proposals" className="scroll-mt-24">
          <CardHeader
            title="Major proposals and presentations"
            description="Shown to the mentor before they go to the customer."
            actions={
              can.editProposals ? (
                <Link href={`/accounts/${id}/reviews/proposals/new`} className={buttonClass("primary", "sm")}>
                  New proposal
                </Link>
              ) : undefined
            }
          />
          {data.proposals.length ? (
            <ul className="divide-y divide-slate-100" data-testid="proposals">
              {data.proposals.map((p) => {
                const pending = p.latestReview?.status === "pending";
                return (
                  <li key={p.id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-3.5">
                    <div className="min-w-0">
                      <div className="flex flex-wrap items-center gap-2">
                        {p.latestReview ? (
                          <Link href={`/reviews/${p.latestReview.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                            {p.title}
                          </Link>
                        ) : (
                          <span className="font-medium text-slate-900">{p.title}</span>
                        )}
                        {p.latestReview ? <ReviewStatusBadge status={p.latestReview.status} /> : <span className="text-xs text-slate-500">Not reviewed yet</span>}
                      </div>
                      <p className="mt-0.5 text-sm text-slate-600">
                        {PROPOSAL_KIND_LABELS[p.kind]} · {formatMoney(p.value)}
                        {p.decisionDate ? ` · customer decides ${formatDay(p.decisionDate)}` : ""}
                        {p.author ? ` · by ${p.author.name}` : ""}
                      </p>
                    </div>
                    <div className="flex flex-wrap gap-2">
                      {can.editProposals && !pending && (
                        <Link href={`/accounts/${id}/reviews/proposals/${p.id}/edit`} className={buttonClass("secondary", "sm")} aria-label={`Revise ${p.title}`}>
                          Revise
                        </Link>
                      )}
                      {can.request && !pending && data.account.mentor && p.latestReview?.status !== "endorsed" && (
                        <AskProposalReview proposalId={p.id} title={p.title} again={p.latestReview?.status === "changes-requested"} />
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          ) : (
            <CardBody>
              <EmptyState level={3} icon={<Presentation aria-hidden className="h-8 w-8" />} title="No proposals yet" className="border-0">
                Write up a major proposal or presentation (title, value, the customer&apos;s decision date, the text or a link) and ask the mentor to look at it.
              </EmptyState>
            </CardBody>
          )}
        </Card>
      </div>
      <div className="min-w-0 space-y-6">
        <PeriodicCard accountId={id} periodic={JSON.parse(JSON.stringify(data.periodic))} />
      </div>
      {/* #proposals and #periodic land on their cards. */}
      <RevealHashTarget />
    </div>
  );
}
