"use client";

import { Fragment, useState } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { ChevronDown, ChevronRight } from "lucide-react";
import { cn } from "@/lib/cn";
import { CARD } from "@/components/ui/card-rows";
import { displayZoneName, formatStamp, zoneAbbreviation } from "@/lib/format";

type Event = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  recordName: string | null;
  account: { id: string; name: string | null } | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: string;
  actor: { id: string; name: string } | null;
};

/** The page's own address with one more filter (and back to page 1). */
const withFilter = (current: URLSearchParams, key: string, value: string) => {
  const next = new URLSearchParams(current);
  next.set(key, value);
  next.delete("page");
  return `?${next.toString()}`;
};

// Tighter below 1280 px, where the navigation rail leaves the table less room.
const CELL = "px-3 py-2.5 xl:px-4";
const HEAD = "px-3 py-3 xl:px-4";

export function AuditTable({ items }: { items: Event[] }) {
  const params = useSearchParams();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className={cn("min-w-full divide-y divide-slate-200 text-sm", CARD.table)} data-testid="audit-table">
        <thead className={cn("bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500", CARD.head)}>
          <tr>
            <th scope="col" className={HEAD}>
              When <span className="font-normal normal-case">({displayZoneName()})</span>
            </th>
            <th scope="col" className={HEAD}>Who</th>
            <th scope="col" className={HEAD}>What</th>
            <th scope="col" className={HEAD}>Record</th>
            <th scope="col" className={HEAD}>Account</th>
            <th scope="col" className={HEAD}><span className="sr-only">Details</span></th>
          </tr>
        </thead>
        <tbody className={cn("divide-y divide-slate-100", CARD.body)}>
          {items.map((e) => {
            const [day, time] = formatStamp(e.createdAt);
            return (
              <Fragment key={e.id}>
                <tr className={cn("hover:bg-slate-50", CARD.row)}>
                  <td className={cn(CELL, CARD.cell, "tabular-nums text-slate-600 lg:whitespace-nowrap")}>
                    {/* Date over time below 1024 px, so that the table fits a tablet held upright; on a
                        phone's card, "when" and "who" share its first line. */}
                    <span className="whitespace-nowrap">{day}</span>
                    <span className="hidden max-md:inline lg:inline">, </span>
                    <span className="block whitespace-nowrap max-md:inline lg:inline">{time}</span>
                    {/* The heading names the zone; on a phone's card, where headings are folded away, the
                        time does, by its short name ("GMT+14", not "Pacific/Kiritimati"), so that "when"
                        keeps the first line with "who". */}
                    <span className={cn("text-slate-500", CARD.only)}>
                      {" "}
                      <abbr title={displayZoneName()} className="no-underline">
                        {zoneAbbreviation(e.createdAt)}
                      </abbr>
                    </span>
                  </td>
                  <td className={cn(CELL, CARD.cell, "whitespace-nowrap text-slate-900")}>{e.actor?.name ?? "System"}</td>
                  <td className={cn(CELL, CARD.cell, "min-w-28 font-mono text-xs text-slate-700 max-md:basis-full lg:whitespace-nowrap")}>
                    {/* May break after a dot below 1024 px ("plan.version." / "requestChanges"): each
                        part is an inline block, which wraps where the cell allows it (<wbr> ignores nowrap). */}
                    {e.action.split(".").map((part, i, all) => (
                      <span key={i} className="inline-block">
                        {part}
                        {i < all.length - 1 && "."}
                      </span>
                    ))}
                  </td>
                  <td className={cn(CELL, CARD.cell, "text-slate-600 wrap-anywhere max-md:basis-full")}>
                    {e.entityType}{" "}
                    {e.recordName ? <span className="text-slate-900">{e.recordName}</span> : <span className="font-mono text-xs text-slate-500" title={e.entityId}>{e.entityId.slice(0, 10)}</span>}
                  </td>
                  <td className={cn(CELL, CARD.cell, "wrap-anywhere")}>
                    {e.account ? (
                      <Link href={withFilter(params, "accountId", e.account.id)} className="text-brand-700 hover:underline" aria-label={`Only the events of ${e.account.name ?? "this account"}`}>
                        {e.account.name ?? <span className="font-mono text-xs">{e.account.id.slice(0, 10)}</span>}
                      </Link>
                    ) : (
                      <span className="text-slate-500 max-md:hidden">—</span>
                    )}
                  </td>
                  <td className={cn(CELL, CARD.cell, "text-right max-md:ml-auto")}>
                    {(e.before !== null || e.after !== null || e.requestId) && (
                      <button type="button" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)} className="inline-flex items-center gap-1 rounded text-xs font-medium text-brand-700 hover:underline">
                        {open === e.id ? <ChevronDown aria-hidden className="h-3.5 w-3.5" /> : <ChevronRight aria-hidden className="h-3.5 w-3.5" />} Details
                      </button>
                    )}
                  </td>
                </tr>
                {open === e.id && (
                  <tr className={cn("bg-slate-50", CARD.row)}>
                    <td colSpan={6} className={cn("px-4 py-3 max-md:min-w-0 max-md:basis-full", CARD.cell)}>
                      <p className="mb-2 text-xs text-slate-500 wrap-anywhere">
                        Record id <span className="font-mono text-slate-700">{e.entityId}</span>
                        {e.requestId && (
                          <>
                            {" "}· request id <span className="font-mono text-slate-700">{e.requestId}</span> (the same id is in the server&apos;s log lines of that request) ·{" "}
                            {params.get("requestId") === e.requestId ? (
                              <span>every event of this request is shown</span>
                            ) : (
                              <Link href={`?${new URLSearchParams({ requestId: e.requestId })}`} className="font-medium text-brand-700 hover:underline">
                                Every event of this request
                              </Link>
                            )}
                          </>
                        )}
                      </p>
                      <div className="grid gap-3 md:grid-cols-2">
                        {(["before", "after"] as const).map((k) => (
                          <div key={k} className="min-w-0">
                            <div className="mb-1 text-xs font-semibold uppercase text-slate-500">{k}</div>
                            <pre tabIndex={0} aria-label={`The record ${k} the change`} className="max-h-72 overflow-auto rounded-md border border-slate-200 bg-white p-2 text-xs text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-600">{JSON.stringify(e[k], null, 2) ?? "—"}</pre>
                          </div>
                        ))}
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
