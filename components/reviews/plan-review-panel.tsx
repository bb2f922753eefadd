"use client";

// The Reviews tab's plan card: where the plan stands with respect to the mentor, and the one
// next step (submit the draft for review, ask for a review of a submitted version, or follow
// the review that is under way). On a resubmission the team marks which comments it answers.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { AlertTriangle, Send } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { SECTION_LABELS, type TPlanSection } from "@/lib/plans/schema";
import { PLAN_STATUS_LABELS } from "@/lib/plans/model";
import type { TPerson, TReviewablePlan, TReviewView } from "@/lib/reviews/view";

type Subjects = { planVersions: { id: string; number: number }[] };

function AnswersChecklist({ plan, mentor, chosen, setChosen }: { plan: TReviewablePlan; mentor: string; chosen: Set<string>; setChosen: (s: Set<string>) => void }) {
  const cr = plan.changesRequested;
  if (!cr || !cr.threads.length) return null;
  return (
    <fieldset className="space-y-2 rounded-lg border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">Which of {mentor}&apos;s comments on version {cr.versionNumber} does this answer?</legend>
      <p className="text-xs text-slate-500">Comments on the sections you changed are ticked for you. The mentor sees each answered comment beside the change.</p>
      <ul className="space-y-1.5">
        {cr.threads.map((t) => (
          <li key={t.id}>
            <label className="flex cursor-pointer gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 accent-brand-600"
                checked={chosen.has(t.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(t.id);
                  else next.delete(t.id);
                  setChosen(next);
                }}
              />
              <span>
                <span className="font-medium text-slate-800">{t.sectionLabel}:</span> <span className="text-slate-600">{t.body.length > 140 ? `${t.body.slice(0, 140)}…` : t.body}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function PlanReviewPanel({ accountId, plan, mentor, canRequest }: { accountId: string; plan: TReviewablePlan; mentor: TPerson | null; canRequest: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(plan.changesRequested?.threads.filter((t) => t.suggested).map((t) => t.id) ?? []));
  const latest = plan.latest;
  const draftChanged = Boolean(plan.draft && plan.draft.changedSections.length);
  const mentorName = mentor?.name ?? "the mentor";
  // The two ways to ask share one toast: asked again after a failure, the outcome replaces it.
  const outcome = changeToast("plan-review-request");

  async function request(versionId: string) {
    const review = await api<TReviewView>("/api/reviews", { body: { subject: { type: "plan-version", id: versionId }, answers: plan.changesRequested ? [...chosen] : undefined } });
    outcome.done(`${mentorName} has been asked to review version ${review.subject.type === "plan-version" ? review.subject.number : ""}`);
    router.push(`/reviews/${review.id}`);
  }

  async function askForSubmitted() {
    if (!latest) return;
    setBusy(true);
    try {
      await request(latest.id);
    } catch (e) {
      outcome.failedWith(e, "Could not ask for the review");
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  async function submitDraft() {
    if (!plan.draft) return;
    setBusy(true);
    try {
      let number: number;
      try {
        number = (await api<{ number: number }>(`/api/accounts/${accountId}/plan/versions`, { body: { draftVersion: plan.draft.version } })).number;
      } catch (e) {
        outcome.failed(e instanceof ApiError ? `The draft was not submitted: ${e.message}` : "The draft was not submitted");
        router.refresh();
        return;
      }
      const subjects = await api<Subjects>(`/api/reviews/subjects?accountId=${encodeURIComponent(accountId)}`);
      const version = subjects.planVersions.find((v) => v.number === number);
      if (!version) throw new ApiError(404, `Version ${number} was submitted but could not be found; ask for the review from this page`);
      await request(version.id);
    } catch (e) {
      outcome.failedWith(e, "The version was submitted, but the review could not be asked for. Try again from this page.");
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  let body: React.ReactNode;
  if (!mentor) {
    body = (
      <p className="flex items-start gap-2 text-sm text-amber-900">
        <AlertTriangle aria-hidden className="mt-0.5 h-4 w-4 shrink-0" /> This account has no mentor yet. A senior manager assigns one on the account&apos;s Overview; until then the plan cannot be reviewed.
      </p>
    );
  } else if (latest?.status === "SUBMITTED" && latest.reviewId) {
    body = (
      <div className="space-y-2 text-sm text-slate-700">
        <p>
          Version {latest.number} is with {mentorName} for review.
        </p>
        <Link href={`/reviews/${latest.reviewId}`} className={buttonClass("secondary", "sm")}>
          Open the review
        </Link>
      </div>
    );
  } else if (latest?.status === "SUBMITTED") {
    body = (
      <div className="space-y-3 text-sm text-slate-700">
        <p>Version {latest.number} is submitted but {mentorName} has not been asked to review it yet.</p>
        {canRequest && (
          <>
            <AnswersChecklist plan={plan} mentor={mentorName} chosen={chosen} setChosen={setChosen} />
            <Button onClick={askForSubmitted} disabled={busy} data-testid="request-review">
              <Send aria-hidden className="h-4 w-4" /> Ask {mentorName} to review version {latest.number}
            </Button>
          </>
        )}
      </div>
    );
  } else if (draftChanged && plan.draft) {
    const sections = plan.draft.changedSections.filter((s): s is TPlanSection => s in SECTION_LABELS);
    const next = (latest?.number ?? 0) + 1;
    body = (
      <div className="space-y-3 text-sm text-slate-700">
        {plan.changesRequested && (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
            {mentorName} asked for changes on version {plan.changesRequested.versionNumber}.{" "}
            <Link href={`/reviews/${plan.changesRequested.reviewId}`} className="font-medium underline">
              Read the review
            </Link>
          </p>
        )}
        <p>
          {latest ? (
            <>
              The draft has changed since version {latest.number}
              {sections.length ? `: ${sections.map((s) => SECTION_LABELS[s]).join(", ")}` : ""}.
            </>
          ) : (
            "The first plan is drafted and not yet submitted."
          )}{" "}
          <Link href={`/accounts/${accountId}/plan/draft`} className="font-medium text-brand-700 hover:underline">
            Edit the draft
          </Link>
        </p>
        {canRequest && (
          <>
            <AnswersChecklist plan={plan} mentor={mentorName} chosen={chosen} setChosen={setChosen} />
            <Button onClick={submitDraft} disabled={busy} data-testid="submit-for-review">
              <Send aria-hidden className="h-4 w-4" /> {busy ? "Submitting…" : `Submit the draft as version ${next} for review`}
            </Button>
            <p className="text-xs text-slate-500">The draft becomes version {next} (never overwritten) and {mentorName} is asked to review it.</p>
          </>
        )}
      </div>
    );
  } else if (plan.changesRequested) {
    body = (
      <div className="space-y-2 text-sm text-slate-700">
        <p>
          {mentorName} asked for changes on version {plan.changesRequested.versionNumber}. The plan is back in draft: revise it, then submit it here for review.
        </p>
        <div className="flex flex-wrap gap-2">
          <Link href={`/accounts/${accountId}/plan/draft`} className={buttonClass("primary", "sm")}>
            Revise the draft
          </Link>
          <Link href={`/reviews/${plan.changesRequested.reviewId}`} className={buttonClass("secondary", "sm")}>
            Read the review
          </Link>
        </div>
      </div>
    );
  } else if (latest) {
    body = (
      <p className="text-sm text-slate-700">
        Version {latest.number} is {PLAN_STATUS_LABELS[latest.status].toLowerCase()}.{" "}
        {latest.reviewId && (
          <Link href={`/reviews/${latest.reviewId}`} className="font-medium text-brand-700 hover:underline">
            See its review
          </Link>
        )}{" "}
        Change the draft on the Plan tab to submit a new version for review.
      </p>
    );
  } else {
    body = (
      <p className="text-sm text-slate-700">
        No plan yet.{" "}
        <Link href={`/accounts/${accountId}/plan/draft`} className="font-medium text-brand-700 hover:underline">
          Write the first draft
        </Link>{" "}
        and submit it here for {mentorName}&apos;s review.
      </p>
    );
  }
  return (
    <Card>
      <CardHeader title="Plan review" description={mentor ? `Mentor: ${mentor.name}` : "No mentor assigned"} />
      <CardBody>{body}</CardBody>
    </Card>
  );
}
