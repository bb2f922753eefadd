// A 0–100 bar split into the tiers' score ranges, with a marker at the account's score: the
// thresholds at a glance. Used on the scorecard and (with a draft) on the settings page.
import { cn } from "@/lib/cn";
import { tierColor } from "./tier-colors";

type TierLike = { id?: string | null; name: string; rank: number; minScore: number; isKey: boolean };

export function TierScale({ tiers, score, className, label = "Tier thresholds" }: { tiers: TierLike[]; score?: number | null; className?: string; label?: string }) {
  const ordered = [...tiers].sort((a, b) => b.rank - a.rank); // lowest first, left to right
  const segments = ordered.map((t, i) => {
    const from = Math.max(0, Math.min(100, t.minScore));
    const to = i + 1 < ordered.length ? Math.max(from, Math.min(100, ordered[i + 1].minScore)) : 100;
    return { t, from, to };
  });
  // Under 22 points a segment is too narrow for its name on a phone: the legend below names it.
  const legend = segments.some(({ from, to }) => to - from < 22);
  return (
    <figure className={cn("w-full", className)} aria-label={label}>
      <div className="relative h-9">
        {/* Read out by the caption below. */}
        <div className="absolute inset-x-0 top-2 flex h-5 overflow-hidden rounded-md ring-1 ring-inset ring-slate-200" aria-hidden>
          {segments.map(({ t, from, to }) => {
            const c = tierColor(t);
            // The name shows wherever the segment is wide enough for it, at any screen width: the
            // empty first item holds the line, so a name that does not fit wraps onto a second
            // line, which the segment's fixed height hides (no half-cut "Bro…").
            return (
              <div
                key={`${t.id ?? t.name}-${t.rank}`}
                className="flex h-full flex-wrap content-start items-center justify-center overflow-hidden border-r border-white/70 text-[11px] font-medium leading-5 last:border-r-0"
                style={{ width: `${to - from}%`, background: c.soft, color: c.text }}
                title={`${t.name}: ${from} to ${to === 100 ? 100 : `under ${to}`}`}
              >
                <span className="h-5 w-0" />
                <span className="whitespace-nowrap px-1" data-testid="tier-scale-name">
                  {t.name}
                </span>
              </div>
            );
          })}
        </div>
        {typeof score === "number" && (
          <div className="absolute top-0 h-9 -translate-x-1/2" style={{ left: `${Math.max(0, Math.min(100, score))}%` }} aria-hidden>
            <div className="mx-auto h-9 w-0.5 rounded bg-slate-900" />
          </div>
        )}
      </div>
      <div className="relative mt-0.5 h-4 text-[11px] tabular-nums text-slate-500" aria-hidden>
        {segments.map(({ t, from }) => (
          <span key={`${t.id ?? t.name}-tick`} className="absolute -translate-x-1/2" style={{ left: `${from}%` }}>
            {from === 0 ? "" : from}
          </span>
        ))}
        <span className="absolute left-0">0</span>
        <span className="absolute right-0">100</span>
      </div>
      {legend && (
        <ul className="mt-1.5 flex flex-wrap gap-x-3 gap-y-1 text-[11px] text-slate-600" aria-hidden data-testid="tier-scale-legend">
          {[...segments].reverse().map(({ t, from, to }) => (
            <li key={`${t.id ?? t.name}-legend`} className="inline-flex items-center gap-1">
              <span className="h-2.5 w-2.5 rounded-sm" style={{ background: tierColor(t).fill }} />
              <span className="font-medium text-slate-700">{t.name}</span>
              <span className="tabular-nums">
                {from}–{to}
              </span>
            </li>
          ))}
        </ul>
      )}
      <figcaption className="sr-only">
        {segments.map(({ t, from }) => `${t.name} from ${from}`).join(", ")}
        {typeof score === "number" ? `. This account scores ${score.toFixed(1)}.` : ""}
      </figcaption>
    </figure>
  );
}
