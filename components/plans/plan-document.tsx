// The plan as a document, read-only: used for the current plan, any version, and the print view.
// Plain text only (no HTML from users is ever rendered), line breaks kept.
import type { ReactNode } from "react";
import { formatMoney } from "@/lib/format";
import { PHONE_COLUMN, PHONE_ONLY } from "@/components/ui/fold";
import { SECTION_LABELS, SUBFIELD_LABELS, type TPlanContent, type TPlanSection } from "@/lib/plans/schema";
import { cn } from "@/lib/cn";
import { ScrollX } from "@/components/ui/scroll-x";

function Prose({ text, empty }: { text: string; empty: string }) {
  if (!text.trim()) return <p className="text-sm italic text-slate-500">{empty}</p>;
  return <p className="whitespace-pre-wrap text-[15px] leading-relaxed text-slate-800 print:text-[11pt]">{text}</p>;
}

function Section({ id, title, children }: { id: TPlanSection; title: string; children: ReactNode }) {
  return (
    <section id={`section-${id}`} aria-labelledby={`h-${id}`} className="scroll-mt-24 break-inside-avoid-page">
      <h2 id={`h-${id}`} className="mb-2 border-b border-slate-200 pb-1 text-base font-semibold text-slate-900 print:text-[13pt]">
        {title}
      </h2>
      {children}
    </section>
  );
}

const margin = (revenue: number | null, m: number | null) =>
  revenue && m !== null ? `${((m / revenue) * 100).toFixed(1)}%` : "—";

export function PlanDocument({
  content,
  actuals,
  hideEmpty = false,
  omit = [],
  className,
}: {
  content: TPlanContent;
  /** Actual revenue and margin per year, shown beside the targets when given. */
  actuals?: Record<number, { revenue: number | null; margin: number | null }>;
  hideEmpty?: boolean;
  /** Sections left out (e.g. internal ones when printing for the customer). */
  omit?: TPlanSection[];
  className?: string;
}) {
  const empty = "Not written yet.";
  const isEmpty = (s: TPlanSection): boolean => {
    switch (s) {
      case "keyInformation":
        return !Object.values(content.keyInformation).some((v) => v.trim());
      case "howTheyBuy":
        return !Object.values(content.howTheyBuy).some((v) => v.trim());
      case "objectives":
        return !content.objectives.length;
      case "financialTargets":
        return !content.financialTargets.length;
      default:
        return !content[s].trim();
    }
  };
  const show = (s: TPlanSection) => !omit.includes(s) && (!hideEmpty || !isEmpty(s));
  const sub = <S extends "keyInformation" | "howTheyBuy">(s: S) =>
    (Object.entries(SUBFIELD_LABELS[s]) as [keyof TPlanContent[S] & string, string][]).map(([k, label]) => {
      const text = (content[s] as Record<string, string>)[k] ?? "";
      if (hideEmpty && !text.trim()) return null;
      return (
        <div key={k} className="mb-3">
          <h3 className="mb-1 text-sm font-semibold uppercase tracking-wide text-slate-500 print:text-[9pt]">{label}</h3>
          <Prose text={text} empty={empty} />
        </div>
      );
    });
  const text = (s: Exclude<TPlanSection, "keyInformation" | "howTheyBuy" | "objectives" | "financialTargets">) =>
    show(s) && (
      <Section id={s} title={SECTION_LABELS[s]}>
        <Prose text={content[s]} empty={empty} />
      </Section>
    );
  const years = [...content.financialTargets].sort((a, b) => a.year - b.year);

  return (
    <article className={cn("space-y-7", className)}>
      {show("keyInformation") && (
        <Section id="keyInformation" title={SECTION_LABELS.keyInformation}>
          {sub("keyInformation")}
        </Section>
      )}
      {text("customerObjectives")}
      {show("objectives") && (
        <Section id="objectives" title={SECTION_LABELS.objectives}>
          {content.objectives.length ? (
            <ol className="space-y-3">
              {content.objectives.map((o, i) => (
                <li key={o.id} className="flex gap-3">
                  <span className="mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600 print:border print:border-slate-300">
                    {i + 1}
                  </span>
                  <div>
                    <div className="font-medium text-slate-900">
                      {o.title || <span className="italic text-slate-500">Untitled objective</span>}
                      {o.horizonYear ? <span className="ml-2 text-sm font-normal text-slate-500">by {o.horizonYear}</span> : null}
                    </div>
                    {o.description.trim() && <p className="mt-0.5 whitespace-pre-wrap text-sm leading-relaxed text-slate-700">{o.description}</p>}
                  </div>
                </li>
              ))}
            </ol>
          ) : (
            <Prose text="" empty="No objectives yet." />
          )}
        </Section>
      )}
      {show("financialTargets") && (
        <Section id="financialTargets" title={SECTION_LABELS.financialTargets}>
          {years.length ? (
            <ScrollX label="Financial targets by year">
              {/* On a phone the margin % and the actuals go under the targets, so the table fits. */}
              <table className="w-full text-sm tabular-nums sm:min-w-[28rem]">
                <thead>
                  <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                    <th className="py-1.5 pr-4 font-medium">Year</th>
                    <th className="py-1.5 pr-4 text-right font-medium">Target revenue</th>
                    <th className="py-1.5 pr-4 text-right font-medium">Target margin</th>
                    <th className={cn("py-1.5 pr-4 text-right font-medium", PHONE_COLUMN)}>Margin %</th>
                    {actuals && <th className={cn("py-1.5 pr-4 text-right font-medium", PHONE_COLUMN)}>Actual revenue</th>}
                    {actuals && <th className={cn("py-1.5 text-right font-medium", PHONE_COLUMN)}>Actual margin</th>}
                  </tr>
                </thead>
                <tbody>
                  {years.map((t) => (
                    <tr key={t.year} className="border-b border-slate-100">
                      <td className="py-1.5 pr-4 font-medium text-slate-900">{t.year}</td>
                      <td className="py-1.5 pr-4 text-right">
                        {formatMoney(t.revenue)}
                        {actuals && <span className={cn("block text-xs text-slate-500", PHONE_ONLY)}>actual {formatMoney(actuals[t.year]?.revenue ?? null)}</span>}
                      </td>
                      <td className="py-1.5 text-right sm:pr-4">
                        {formatMoney(t.margin)}
                        <span className={cn("block text-xs text-slate-500", PHONE_ONLY)}>{margin(t.revenue, t.margin)} margin</span>
                        {actuals && <span className={cn("block text-xs text-slate-500", PHONE_ONLY)}>actual {formatMoney(actuals[t.year]?.margin ?? null)}</span>}
                      </td>
                      <td className={cn("py-1.5 pr-4 text-right text-slate-500", PHONE_COLUMN)}>{margin(t.revenue, t.margin)}</td>
                      {actuals && <td className={cn("py-1.5 pr-4 text-right", PHONE_COLUMN)}>{formatMoney(actuals[t.year]?.revenue ?? null)}</td>}
                      {actuals && <td className={cn("py-1.5 text-right", PHONE_COLUMN)}>{formatMoney(actuals[t.year]?.margin ?? null)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollX>
          ) : (
            <Prose text="" empty="No targets yet." />
          )}
        </Section>
      )}
      {text("strategy")}
      {text("opportunities")}
      {text("risks")}
      {show("howTheyBuy") && (
        <Section id="howTheyBuy" title={SECTION_LABELS.howTheyBuy}>
          {sub("howTheyBuy")}
        </Section>
      )}
      {text("criticalSuccessFactors")}
      {text("resources")}
    </article>
  );
}
