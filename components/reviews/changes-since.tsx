// A resubmission: what changed since the reviewed version, and which of the mentor's comments
// each change answers (as the team marked them when resubmitting).
import Link from "next/link";
import { CheckCircle2, CornerDownRight } from "lucide-react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PlanDiffView } from "@/components/plans/diff-view";
import { diffText } from "@/lib/plans/model";
import { formatDate } from "@/lib/format";
import type { TPreviousReview, TReviewView } from "@/lib/reviews/view";
import { ReviewStatusBadge } from "./badges";

/** Fields compared word by word; the others (figures, dates, kind, link) are shown old → new. */
const PROSE_FIELDS = new Set(["summary", "body", "title"]);

const CHANGE: Record<"added" | "removed" | "changed", { label: string; tone: Tone }> = {
  added: { label: "Added", tone: "green" },
  removed: { label: "Removed", tone: "red" },
  changed: { label: "Changed", tone: "amber" },
};

function Answers({ answers }: { answers: TPreviousReview["otherAnswers"] }) {
  if (!answers.length) return null;
  return (
    <ul className="space-y-1.5">
      {answers.map((a) => (
        <li key={a.id} className="flex gap-2 text-sm">
          <CheckCircle2 aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-emerald-600" />
          <span className="min-w-0">
            <span className="text-slate-800">Answers {a.author.name}: </span>
            <span className="text-slate-600">“{a.body.length > 160 ? `${a.body.slice(0, 160)}…` : a.body}”</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function InlineDiff({ before, after }: { before: string; after: string }) {
  const d = diffText(before, after);
  return (
    <p className="whitespace-pre-wrap text-sm leading-relaxed text-slate-800">
      {d.parts.map((p, i) =>
        p.removed ? (
          <del key={i} className="rounded-sm bg-red-100 text-red-900">
            {p.value}
          </del>
        ) : p.added ? (
          <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-900 no-underline">
            {p.value}
          </ins>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </p>
  );
}

export function ChangesSince({ review }: { review: TReviewView }) {
  const prev = review.previous;
  if (!prev) return null;
  const since = prev.versionNumber !== null ? `version ${prev.versionNumber}` : "the last review";
  const current = review.subject.type === "plan-version" ? review.subject.number : null;
  return (
    <Card>
      <CardHeader
        title={`What changed since ${since}`}
        description={
          <>
            <Link href={`/reviews/${prev.id}`} className="font-medium text-brand-700 hover:underline">
              The previous review
            </Link>{" "}
            {prev.decidedAt ? `ended ${formatDate(prev.decidedAt)}` : "is still open"}
          </>
        }
        actions={<ReviewStatusBadge status={prev.status} />}
      />
      <CardBody>
        <div className="space-y-4" data-testid="changes-since">
        {prev.summary && (
          <blockquote className="border-l-4 border-amber-300 bg-amber-50/60 px-3 py-2 text-sm text-slate-800">
            <span className="block text-xs font-semibold uppercase tracking-wide text-amber-800">The mentor said</span>
            {prev.summary}
          </blockquote>
        )}
        {prev.changes.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing changed since {since}.</p>
        ) : (
          <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {prev.changes.map((c) => (
              <li key={c.section} className="space-y-2 px-4 py-3" data-change-section={c.section}>
                <div className="flex flex-wrap items-center gap-2">
                  <a href={`#section-${c.section}`} className="font-medium text-slate-900 hover:underline">
                    {c.sectionLabel}
                  </a>
                  <Badge tone={CHANGE[c.status].tone}>{CHANGE[c.status].label}</Badge>
                </div>
                <Answers answers={c.answers} />
              </li>
            ))}
          </ol>
        )}
        {prev.otherAnswers.length > 0 && (
          <div>
            <h3 className="mb-1.5 flex items-center gap-1.5 text-sm font-medium text-slate-800">
              <CornerDownRight aria-hidden className="h-4 w-4" /> Also marked as answered
            </h3>
            <Answers answers={prev.otherAnswers} />
          </div>
        )}
        {prev.stillOpen > 0 && (
          <p className="text-sm text-amber-800">
            {prev.stillOpen} thread{prev.stillOpen > 1 ? "s" : ""} of the previous review {prev.stillOpen > 1 ? "are" : "is"} still open and not marked as answered.
          </p>
        )}
        {prev.diff && prev.versionNumber !== null && current !== null && (
          <details className="group">
            <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline">Show the comparison, section by section</summary>
            <div className="mt-3">
              <PlanDiffView diff={prev.diff} a={prev.versionNumber} b={current} />
            </div>
          </details>
        )}
        {prev.proposalChanges && prev.proposalChanges.length > 0 && (
          <dl className="space-y-3">
            {prev.proposalChanges.map((c) => (
              <div key={c.field}>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{c.label}</dt>
                <dd>
                  {PROSE_FIELDS.has(c.field) ? (
                    <InlineDiff before={c.before} after={c.after} />
                  ) : (
                    // Figures and dates read best whole: old, then new.
                    <p className="text-sm text-slate-800">
                      <del className="rounded-sm bg-red-100 px-0.5 text-red-900">{c.before || "none"}</del> →{" "}
                      <ins className="rounded-sm bg-emerald-100 px-0.5 text-emerald-900 no-underline">{c.after || "none"}</ins>
                    </p>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
        </div>
      </CardBody>
    </Card>
  );
}
