// The review queue and review lists: one row per item, most urgent first (the order comes from
// lib/reviews/queue.ts), with the account's tier and score beside each.
import { IntentLink } from "@/components/ui/intent-link";
import { CalendarClock, FileText, MessageSquare, Presentation } from "lucide-react";
import { formatDate, formatDay } from "@/lib/format";
import { Ago } from "@/components/ui/ago";
import { lastHeldLabel } from "@/lib/reviews/model";
import type { TQueueItem } from "@/lib/reviews/view";
import { ReviewStatusBadge, TierAndScore, UrgencyText } from "./badges";

function Icon({ item }: { item: TQueueItem }) {
  const cls = "h-4 w-4";
  if (item.kind === "periodic-review") return <CalendarClock aria-hidden className={cls} />;
  return item.subjectType === "proposal" ? <Presentation aria-hidden className={cls} /> : <FileText aria-hidden className={cls} />;
}

/** `showAccount` off on an account's own page, where its name, tier and score are in the header. */
export function QueueList({ items, showAccount = true, showMentor = true }: { items: TQueueItem[]; showAccount?: boolean; showMentor?: boolean }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="review-queue">
      {items.map((item) => (
        <li key={item.id} className="flex items-start gap-x-4 px-5 py-3.5" data-kind={item.kind}>
          <span className="mt-0.5 flex h-8 w-8 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-600">
            <Icon item={item} />
          </span>
          {/* Beside the icon: what and whose, and the due text, which goes under them on a phone. */}
          <div className="flex min-w-0 flex-1 flex-col gap-x-4 gap-y-2 sm:flex-row sm:items-start">
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <IntentLink href={item.href} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {item.kind === "review" ? item.title : "Periodic plan review"}
                </IntentLink>
                {item.kind === "review" ? (
                  <ReviewStatusBadge status={item.status} stale={item.stale} />
                ) : (
                  <span className="whitespace-nowrap text-xs text-slate-500">every {item.schedule.everyMonths} months</span>
                )}
              </div>
              <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
                {showAccount && (
                  <IntentLink href={`/accounts/${item.account.id}/reviews`} className="font-medium text-slate-700 hover:underline">
                    {item.account.name}
                  </IntentLink>
                )}
                {showAccount && <TierAndScore account={item.account} />}
                {item.kind === "review" && item.requestedBy && <span className="text-xs text-slate-500">asked by {item.requestedBy.name}</span>}
                {showMentor && item.mentor && <span className="text-xs text-slate-500">mentor {item.mentor.name}</span>}
              </div>
            </div>
            <div className="flex flex-col items-start gap-1 sm:max-w-60 sm:items-end sm:text-right">
              {item.kind === "review" ? (
                <>
                  {item.status === "pending" && !item.stale ? (
                    <UrgencyText urgency={item.urgency} />
                  ) : (
                    <span className="text-xs text-slate-500" title={formatDate(item.decidedAt ?? item.submittedAt)}>
                      {item.decidedAt ? "decided " : "asked "}
                      <Ago at={item.decidedAt ?? item.submittedAt} />
                    </span>
                  )}
                  {item.decisionDate && item.status !== "pending" && <span className="text-xs text-slate-500">decision date {formatDay(item.decisionDate)}</span>}
                  {item.openThreads > 0 && (
                    <span className="inline-flex items-center gap-1 text-xs text-slate-500">
                      <MessageSquare aria-hidden className="h-3.5 w-3.5" />
                      {item.openThreads} open{item.awaitingTeam ? `, ${item.awaitingTeam} for the team` : ""}
                    </span>
                  )}
                </>
              ) : (
                <>
                  <UrgencyText urgency={item.urgency} />
                  <span className="text-xs text-slate-500">{lastHeldLabel(item.schedule, formatDay)}</span>
                </>
              )}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
