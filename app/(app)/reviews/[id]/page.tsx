import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/lib/not-found";
import { requirePageUser } from "@/lib/auth/session";
import { getReview } from "@/lib/reviews/service";
import { formatDate, formatDay } from "@/lib/format";
import { Ago } from "@/components/ui/ago";
import { PLAN_STATUS_LABELS } from "@/lib/plans/model";
import { PageHeader } from "@/components/ui/page-header";
import { AccountContextCard } from "@/components/reviews/account-context";
import { ChangesSince } from "@/components/reviews/changes-since";
import { ReviewStatusBadge } from "@/components/reviews/badges";
import { ReviewWorkspace } from "@/components/reviews/review-workspace";
import { VerdictPanel } from "@/components/reviews/verdict-panel";
import { RevealHashTarget } from "@/components/ui/reveal-hash-target";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const review = await orNotFound(getReview({ user, reviewId: id }));
  // Plain JSON for the client components (no Dates or class instances).
  const data = JSON.parse(JSON.stringify(review)) as typeof review;
  const open = review.threads.filter((t) => t.state !== "resolved");
  const awaitingTeam = open.filter((t) => t.state === "awaiting-team").length;
  const subjectLine =
    review.subject.type === "plan-version"
      ? `Plan version ${review.subject.number} (${PLAN_STATUS_LABELS[review.subject.status].toLowerCase()})`
      : `Proposal${review.subject.reviewed.decisionDate ? `, customer decides ${formatDay(review.subject.reviewed.decisionDate)}` : ""}`;
  return (
    <>
      <div className="mb-4 text-sm text-slate-600">
        <Link href="/reviews" className="hover:text-slate-900 hover:underline">
          Reviews
        </Link>{" "}
        /{" "}
        <Link href={`/accounts/${review.accountId}/reviews`} className="hover:text-slate-900 hover:underline">
          {review.context.name}
        </Link>{" "}
        / <span className="text-slate-800">{review.title}</span>
      </div>
      <PageHeader
        title={review.title}
        description={
          <>
            {subjectLine}. Asked by {review.requestedBy?.name ?? "someone"} <Ago at={review.submittedAt} /> ({formatDate(review.submittedAt)}) · mentor {review.mentor?.name ?? "none"}
            {open.length > 0 && ` · ${open.length} open thread${open.length > 1 ? "s" : ""}${awaitingTeam ? `, ${awaitingTeam} waiting for the team` : ""}`}
          </>
        }
        actions={<ReviewStatusBadge status={review.status} stale={review.stale} />}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <ChangesSince review={data} />
          <ReviewWorkspace review={data} />
        </div>
        <aside className="min-w-0 space-y-6" aria-label="Verdict and account context">
          <VerdictPanel review={data} />
          <AccountContextCard context={data.context} />
        </aside>
      </div>
      {/* Links to a comment (#comment-…) land on it. */}
      <RevealHashTarget />
    </>
  );
}
