// Turnaround per mentor: how long a verdict takes, and what still waits.
import type { TTurnaroundView } from "@/lib/reviews/view";
import { REVIEW_TARGET_DAYS } from "@/lib/reviews/model";
import { ScrollX } from "@/components/ui/scroll-x";

// A no-break space keeps "14.0 d" on one line in the narrow side column.
const days = (d: number | null) => (d === null ? "—" : `${d.toFixed(1)}\u00a0d`);

export function TurnaroundTable({ rows }: { rows: TTurnaroundView[] }) {
  if (!rows.length) return <p className="px-5 py-4 text-sm text-slate-500">No reviews in the last twelve months.</p>;
  return (
    <ScrollX label="Turnaround per mentor">
      <table className="w-full text-sm" data-testid="turnaround">
        <caption className="sr-only">Turnaround per mentor over the last twelve months</caption>
        <thead>
          <tr className="border-b border-slate-100 text-left text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="px-5 py-2 font-medium">Mentor</th>
            <th scope="col" className="px-2 py-2 text-right font-medium" title="Median time from request to verdict">Median</th>
            <th scope="col" className="px-2 py-2 text-right font-medium" title={`Share of verdicts within ${REVIEW_TARGET_DAYS} days`}>On time</th>
            <th scope="col" className="px-5 py-2 text-right font-medium">Waiting</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.mentorId} className="border-b border-slate-50 last:border-0">
              <th scope="row" className="px-5 py-2.5 text-left font-medium text-slate-900">
                {r.mentor.name}
                <div className="text-xs font-normal text-slate-500" data-testid="turnaround-summary">
                  {r.decided} verdict{r.decided === 1 ? "" : "s"}
                  {r.longestDays !== null ? ` · longest ${days(r.longestDays)}` : ""}
                </div>
              </th>
              <td className="px-2 py-2.5 text-right tabular-nums text-slate-800">{days(r.medianDays)}</td>
              <td className="px-2 py-2.5 text-right tabular-nums text-slate-800">{r.withinTarget === null ? "—" : `${Math.round(r.withinTarget * 100)}%`}</td>
              <td className="whitespace-nowrap px-5 py-2.5 text-right tabular-nums text-slate-800">
                {r.pending}
                {r.oldestPendingDays !== null && r.pending > 0 && <div className={`text-xs ${r.oldestPendingDays > REVIEW_TARGET_DAYS ? "text-red-700" : "text-slate-500"}`}>oldest {r.oldestPendingDays}\u00a0d</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}
