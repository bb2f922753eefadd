// One section of what is reviewed, read-only: a plan section (rendered by the plan's own document
// component) or a part of a proposal. Proposal bodies arrive sanitised from the server.
import { PlanDocument } from "@/components/plans/plan-document";
import { PLAN_SECTIONS, type TPlanSection } from "@/lib/plans/schema";
import { formatMoney, formatDay } from "@/lib/format";
import { PROPOSAL_KIND_LABELS } from "@/lib/reviews/schema";
import { RICH_TEXT_CLASS } from "./rich-text-style";
import type { TReviewSubjectView } from "@/lib/reviews/view";

export function SubjectSection({ subject, section }: { subject: TReviewSubjectView; section: string }) {
  if (subject.type === "plan-version") {
    const omit = PLAN_SECTIONS.filter((s) => s !== section) as TPlanSection[];
    return <PlanDocument content={subject.content} omit={omit} />;
  }
  const p = subject.reviewed;
  switch (section) {
    case "summary":
      return (
        <section id="section-summary" className="scroll-mt-24 space-y-2">
          <h2 className="border-b border-slate-200 pb-1 text-base font-semibold text-slate-900">Summary</h2>
          <p className="text-sm text-slate-500">{PROPOSAL_KIND_LABELS[p.kind]}</p>
          {p.summary ? <p className="whitespace-pre-wrap text-[15px] leading-relaxed text-slate-800">{p.summary}</p> : <p className="text-sm italic text-slate-500">No summary.</p>}
        </section>
      );
    case "body":
      return (
        <section id="section-body" className="scroll-mt-24 space-y-2">
          <h2 className="border-b border-slate-200 pb-1 text-base font-semibold text-slate-900">The proposal</h2>
          {p.body ? (
            // Sanitised on the server (lib/reviews/rich-text.ts) when stored and again when read.
            <div className={RICH_TEXT_CLASS} data-testid="proposal-body" dangerouslySetInnerHTML={{ __html: p.body }} />
          ) : (
            <p className="text-sm italic text-slate-500">No text; see the linked document.</p>
          )}
          {p.link && (
            <p className="text-sm">
              Document:{" "}
              <a href={p.link} target="_blank" rel="noopener noreferrer nofollow" className="font-medium text-brand-700 underline">
                {p.link}
              </a>
            </p>
          )}
        </section>
      );
    default:
      return (
        <section id="section-commercials" className="scroll-mt-24 space-y-2">
          <h2 className="border-b border-slate-200 pb-1 text-base font-semibold text-slate-900">Value and decision date</h2>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <div>
              <dt className="text-slate-500">Value</dt>
              <dd className="font-semibold tabular-nums text-slate-900">{formatMoney(p.value)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Customer decides</dt>
              <dd className="font-semibold text-slate-900">{p.decisionDate ? formatDay(p.decisionDate) : "—"}</dd>
            </div>
          </dl>
        </section>
      );
  }
}
