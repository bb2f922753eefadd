"use client";

// The verdict: endorse or request changes, with a summary; given once. For a plan version,
// endorsing approves it and asks the team to commit; requesting changes sends it back to draft.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { CheckCircle2, Clock, Handshake, RotateCcw } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Textarea } from "@/components/ui/field";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { cn } from "@/lib/cn";
import { formatDate } from "@/lib/format";
import { Ago } from "@/components/ui/ago";
import { REVIEW_LIMITS, type TVerdict } from "@/lib/reviews/schema";
import type { TReviewView } from "@/lib/reviews/view";

function Decided({ review }: { review: TReviewView }) {
  const endorsed = review.status === "endorsed";
  const isPlan = review.subject.type === "plan-version";
  const owesCommitment = review.commitment?.pending.some((p) => p.id === review.viewerId) ?? false;
  const days = review.turnaroundDays;
  return (
    <div className="space-y-3" data-testid="verdict" data-status={review.status}>
      <p className={cn("flex items-center gap-2 rounded-md px-3 py-2 text-sm font-semibold", endorsed ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900")}>
        {endorsed ? <CheckCircle2 aria-hidden className="h-4 w-4" /> : <RotateCcw aria-hidden className="h-4 w-4" />}
        {endorsed ? "Endorsed" : "Changes requested"}
      </p>
      {review.summary && <p className="whitespace-pre-wrap text-sm leading-relaxed text-slate-800">{review.summary}</p>}
      <p className="text-xs text-slate-500">
        {review.decidedBy ? `${review.decidedBy.name}, ` : ""}
        {formatDate(review.decidedAt)}
        {days !== null ? ` · ${days < 1 ? "within a day of the request" : `${days} days after the request`}` : ""}
      </p>
      {isPlan && endorsed && review.commitment && (
        <div className="rounded-md border border-brand-100 bg-brand-50/60 p-3 text-sm" data-testid="commitment-ask">
          <p className="flex items-center gap-2 font-medium text-brand-900">
            <Handshake aria-hidden className="h-4 w-4" /> Version {review.commitment.versionNumber} is the approved plan. The team is asked to commit.
          </p>
          <p className="mt-1 text-slate-700">
            {review.commitment.committed} of {review.commitment.total} committed
            {review.commitment.pending.length > 0 && ` · waiting for ${review.commitment.pending.map((p) => p.name).join(", ")}`}
          </p>
          {owesCommitment && (
            <Link href={`/accounts/${review.accountId}/plan`} className={cn(buttonClass("primary", "sm"), "mt-2")}>
              Commit to version {review.commitment.versionNumber}
            </Link>
          )}
        </div>
      )}
      {!endorsed && review.viewerOnTeam && (
        <div className="rounded-md border border-slate-200 p-3 text-sm text-slate-700">
          {isPlan ? (
            <>
              The plan is back in draft. Revise it, answer the threads, then submit the next version for review.
              <div className="mt-2 flex flex-wrap gap-2">
                <Link href={`/accounts/${review.accountId}/plan/draft`} className={buttonClass("secondary", "sm")}>
                  Revise the draft
                </Link>
                <Link href={`/accounts/${review.accountId}/reviews`} className={buttonClass("secondary", "sm")}>
                  Resubmit for review
                </Link>
              </div>
            </>
          ) : (
            <>
              Revise the proposal, answer the threads, then ask for the review again.
              <div className="mt-2">
                <Link href={`/accounts/${review.accountId}/reviews/proposals/${review.subject.id}/edit`} className={buttonClass("secondary", "sm")}>
                  Revise the proposal
                </Link>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}

export function VerdictPanel({ review }: { review: TReviewView }) {
  const router = useRouter();
  const [verdict, setVerdict] = useState<TVerdict | null>(null);
  const [summary, setSummary] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const isPlan = review.subject.type === "plan-version";
  const open = review.threads.filter((t) => t.state !== "resolved").length;

  async function submit() {
    if (!verdict) {
      setErrors({ verdict: "Choose endorse or request changes" });
      return;
    }
    const outcome = changeToast("verdict");
    setBusy(true);
    setErrors({});
    try {
      await api(`/api/reviews/${review.id}/verdict`, { body: { verdict, summary } });
      outcome.done(verdict === "endorse" ? (isPlan ? "Endorsed: the plan is approved and the team is asked to commit" : "Endorsed") : "Changes requested: the team has been told");
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        outcome.failed(e.message);
        router.refresh();
      } else if (e instanceof ApiError) {
        // The form says what is wrong; an earlier failure's toast would only repeat it.
        outcome.clear();
        setErrors(Object.keys(e.fields).length ? e.fields : { summary: e.message });
      } else outcome.failedWith(e, "Could not record the verdict; your summary is kept");
    } finally {
      setBusy(false);
    }
  }

  let body: React.ReactNode;
  if (review.status !== "pending") body = <Decided review={review} />;
  else if (review.stale) {
    body = <p className="text-sm text-slate-600">This version was decided outside the review, or a newer version overtook it. No verdict is needed here.</p>;
  } else if (!review.permissions.verdict) {
    body = (
      <p className="flex items-start gap-2 text-sm text-slate-700">
        <Clock aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" />
        {/* One span: beside the icon in a flex row, loose text and the <time> would be separate items. */}
        <span>
          Waiting for {review.mentor?.name ?? "the mentor"}&apos;s verdict. Asked <Ago at={review.submittedAt} />.
        </span>
      </p>
    );
  } else {
    const choice = (value: TVerdict, label: string, hint: string) => (
      <label
        className={cn(
          "flex cursor-pointer gap-3 rounded-lg border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-300",
          verdict === value ? (value === "endorse" ? "border-emerald-300 bg-emerald-50" : "border-amber-300 bg-amber-50") : "border-slate-200 hover:bg-slate-50",
        )}
      >
        <input type="radio" name="verdict" value={value} checked={verdict === value} onChange={() => setVerdict(value)} className="mt-0.5 accent-brand-600" />
        <span>
          <span className="block font-medium text-slate-900">{label}</span>
          <span className="text-slate-600">{hint}</span>
        </span>
      </label>
    );
    body = (
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">Your verdict</legend>
          {choice("endorse", "Endorse", isPlan ? "Approves this version; the team is asked to commit to it." : "The proposal can go to the customer.")}
          {choice("request-changes", "Request changes", isPlan ? "Sends the plan back to its draft for the team to revise." : "The team revises it and asks again.")}
          {errors.verdict && <p role="alert" className="text-xs font-medium text-red-700">{errors.verdict}</p>}
        </fieldset>
        <div className="space-y-1.5">
          <label htmlFor="verdict-summary" className="block text-sm font-medium text-slate-700">
            Summary
          </label>
          <Textarea
            id="verdict-summary"
            rows={4}
            value={summary}
            maxLength={REVIEW_LIMITS.summary}
            onChange={(e) => setSummary(e.target.value)}
            placeholder="What you think, in a few sentences the team will read first"
            aria-invalid={Boolean(errors.summary)}
            aria-describedby={errors.summary ? "verdict-summary-error" : undefined}
          />
          {errors.summary && (
            <p id="verdict-summary-error" role="alert" className="text-xs font-medium text-red-700">
              {errors.summary}
            </p>
          )}
        </div>
        {open > 0 && verdict === "endorse" && (
          <p className="text-xs text-amber-800">
            {open} thread{open > 1 ? "s are" : " is"} still open. Endorsing does not close them; the team can still answer.
          </p>
        )}
        <Button type="submit" disabled={busy} className="w-full">
          {busy ? "Recording…" : verdict === "request-changes" ? "Request changes" : verdict === "endorse" ? (isPlan ? `Endorse version ${review.subject.type === "plan-version" ? review.subject.number : ""}` : "Endorse") : "Give verdict"}
        </Button>
      </form>
    );
  }
  return (
    <Card>
      <CardHeader title="Verdict" />
      <CardBody>{body}</CardBody>
    </Card>
  );
}
