// The periodic plan review of one account: when it is due (the tier's cadence, six months without
// a tier), who may record the meeting, and the meetings held, newest first.
import Link from "next/link";
import { CalendarClock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDay } from "@/lib/format";
import { lastHeldLabel } from "@/lib/reviews/model";
import { PERIODIC_OUTCOME_LABELS, type TPeriodicOutcome } from "@/lib/reviews/schema";
import type { TPeriodicOverview } from "@/lib/reviews/view";

const outcomeLabel = (o: string) => PERIODIC_OUTCOME_LABELS[o as TPeriodicOutcome] ?? o;

export function PeriodicCard({ accountId, periodic }: { accountId: string; periodic: TPeriodicOverview }) {
  const s = periodic.schedule;
  return (
    <div id="periodic" className="scroll-mt-24">
      <Card>
        <CardHeader
          title="Periodic plan review"
          description={`Every ${s.everyMonths} months${periodic.mentor ? ` with ${periodic.mentor.name}` : ""}`}
          actions={
            periodic.canRecord ? (
              <Link href={`/accounts/${accountId}/reviews/periodic/new`} className={buttonClass("primary", "sm")}>
                Record a meeting
              </Link>
            ) : undefined
          }
        />
        <CardBody className="space-y-4">
          <div className="flex items-start gap-3" data-testid="periodic-schedule" data-state={s.state}>
            <CalendarClock aria-hidden className={`mt-0.5 h-5 w-5 ${s.state === "overdue" ? "text-red-600" : s.state === "due-soon" ? "text-amber-600" : "text-slate-400"}`} />
            <div className="text-sm">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                Next review due {formatDay(s.dueOn)}
                {s.state === "overdue" && <Badge tone="red">Overdue by {s.daysOverdue} days</Badge>}
                {s.state === "due-soon" && <Badge tone="amber">Due in {-s.daysOverdue} days</Badge>}
              </p>
              <p className="text-slate-500">{lastHeldLabel(s, formatDay)}</p>
            </div>
          </div>
          {periodic.history.length === 0 ? (
            <p className="text-sm text-slate-500">No review meeting recorded yet.</p>
          ) : (
            <ol className="space-y-3" aria-label="Review meetings">
              {periodic.history.map((h) => (
                <li key={h.id} className="rounded-lg border border-slate-200 p-3 text-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium text-slate-900">{formatDay(h.heldOn)}</span>
                    <span className="text-xs text-slate-500">{h.mentor?.name}</span>
                  </div>
                  <p className="mt-0.5 font-medium text-slate-700">{outcomeLabel(h.outcome)}</p>
                  <p className="text-xs text-slate-500">With {h.attendees.join(", ")}</p>
                  {h.notes && (
                    <details className="mt-1.5">
                      <summary className="cursor-pointer text-xs font-medium text-brand-700">Notes</summary>
                      <p className="mt-1 whitespace-pre-wrap text-slate-700">{h.notes}</p>
                    </details>
                  )}
                  {h.nextSteps.length > 0 && (
                    <ul className="mt-1.5 list-disc space-y-0.5 pl-5 text-slate-700" aria-label="Agreed next steps">
                      {h.nextSteps.map((n, i) => (
                        <li key={i}>{n}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
