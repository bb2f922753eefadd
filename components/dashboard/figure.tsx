"use client";

// A number on the dashboard, always a link to the accounts behind it, and the tile that shows one.
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { IntentLink } from "@/components/ui/intent-link";
import { useDrill } from "./context";
export { formatMoneyShort } from "@/lib/format";

const nf = new Intl.NumberFormat("en-GB");
export const formatCount = (n: number) => nf.format(n);
export const formatPercent = (n: number | null, digits = 0) => (n === null || !Number.isFinite(n) ? "—" : `${(n * 100).toFixed(digits)}%`);
export const formatDays = (n: number | null) => (n === null ? "—" : `${n % 1 === 0 ? n : n.toFixed(1)} d`);

/**
 * A figure that opens the list of accounts behind it. `label` says what the number counts, for screen readers.
 * Prefetched when pointed at (`IntentLink`): the dashboard shows dozens of figures.
 */
export function FigureLink({ metric, label, children, className }: { metric: string; label: string; children: ReactNode; className?: string }) {
  const href = useDrill()(metric);
  return (
    <IntentLink href={href} aria-label={`${label}: show the accounts`} data-metric={metric} className={cn("rounded tabular-nums text-brand-700 underline-offset-2 hover:underline", className)}>
      {children}
    </IntentLink>
  );
}

export type TTone = "neutral" | "good" | "warn" | "bad";
const toneRing: Record<TTone, string> = {
  neutral: "border-slate-200",
  good: "border-emerald-200",
  warn: "border-amber-300",
  bad: "border-red-300",
};
const toneText: Record<TTone, string> = { neutral: "text-slate-900", good: "text-emerald-700", warn: "text-amber-700", bad: "text-red-700" };

/** One headline figure: what it is, the number (a link to its accounts when `metric` is given), and a line of context. */
export function StatTile({ label, value, metric, hint, tone = "neutral", testId }: { label: string; value: string; metric?: string; hint?: ReactNode; tone?: TTone; testId?: string }) {
  return (
    <div className={cn("rounded-xl border bg-white px-4 py-3 shadow-sm", toneRing[tone])} data-testid={testId}>
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500" data-part="stat-label">
        {label}
      </div>
      <div className={cn("mt-1 text-2xl font-semibold", toneText[tone])}>
        {metric ? (
          <FigureLink metric={metric} label={label} className={cn("no-underline hover:underline", toneText[tone])}>
            {value}
          </FigureLink>
        ) : (
          <span className="tabular-nums">{value}</span>
        )}
      </div>
      {hint && <div className="mt-0.5 text-xs text-slate-500">{hint}</div>}
    </div>
  );
}
