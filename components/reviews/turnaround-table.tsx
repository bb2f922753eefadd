// Turnaround per mentor: how long a verdict takes, and what still waits.
import type { TTurnaroundView } from "@/lib/reviews/view";
import { REVIEW_TARGET_DAYS } from "@/lib/reviews/model";
import { ScrollX } from "@/components/ui/scroll-x";

// A no-break space keeps "14.0 d" on one line in the narrow side column.
const days = (d: number | null) => (d === null ? "—" : `${d.toFixed(1)}\u00a0d`);
const waiting = (r: TTurnaroundView) => (r.oldestPendingDays !== null && r.pending > 0 ? `oldest ${r.oldestPendingDays}\u00a0d` : null);
const late = (r: TTurnaroundView) => (r.oldestPendingDays ?? 0) > REVIEW_TARGET_DAYS;

// In the reviews page's side column (a third of a laptop screen) the table is narrower than 24rem:
// there the waiting count goes under the mentor's name ("2 waiting · oldest 12 d") and its column
// is folded away, so nothing scrolls. A container query, because the column's width, not the
// screen's, decides.

export function TurnaroundTable({ rows }: { rows: TTurnaroundView[] }) {
  if (!rows.length) return <p className="px-5 py-4 text-sm text-slate-500">No reviews in the last twelve months.</p>;
  return (
    <div className="@container">
      <ScrollX label="Turnaround per mentor">
        <table className="w-full text-sm" data-testid="turnaround">
          <caption className="sr-only">Turnaround per mentor over the last twelve months</caption>
          <thead>
            <tr className="border-b border-slate-100 text-left text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="py-2 pr-2 pl-4 font-medium @sm:pl-5">Mentor</th>
              <th scope="col" className="px-2 py-2 text-right font-medium" title="Median time from request to verdict">Median</th>
              <th scope="col" className="py-2 pr-4 pl-2 text-right font-medium @sm:pr-2" title={`Share of verdicts within ${REVIEW_TARGET_DAYS} days`}>On time</th>
              <th scope="col" className="hidden px-5 py-2 text-right font-medium @sm:table-cell">Waiting</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.mentorId} className="border-b border-slate-50 last:border-0">
                <th scope="row" className="py-2.5 pr-2 pl-4 text-left font-medium text-slate-900 @sm:pl-5">
                  {r.mentor.name}
                  <div className="text-xs font-normal text-slate-500" data-testid="turnaround-summary">
                    {r.decided} verdict{r.decided === 1 ? "" : "s"}
                    {r.longestDays !== null ? ` · longest ${days(r.longestDays)}` : ""}
                  </div>
                  <div className="text-xs font-normal @sm:hidden" data-testid="turnaround-waiting">
                    <span className="text-slate-500">{r.pending} waiting</span>
                    {waiting(r) && <span className={late(r) ? "text-red-700" : "text-slate-500"}> · {waiting(r)}</span>}
                  </div>
                </th>
                <td className="px-2 py-2.5 text-right tabular-nums text-slate-800">{days(r.medianDays)}</td>
                <td className="py-2.5 pr-4 pl-2 text-right tabular-nums text-slate-800 @sm:pr-2">{r.withinTarget === null ? "—" : `${Math.round(r.withinTarget * 100)}%`}</td>
                <td className="hidden whitespace-nowrap px-5 py-2.5 text-right tabular-nums text-slate-800 @sm:table-cell">
                  {r.pending}
                  {waiting(r) && <div className={`text-xs ${late(r) ? "text-red-700" : "text-slate-500"}`}>{waiting(r)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </div>
  );
}
