"use client";

import { Fragment, useState } from "react";
import { ChevronDown, ChevronRight } from "lucide-react";

type Event = { id: string; action: string; entityType: string; entityId: string; accountId: string | null; before: unknown; after: unknown; createdAt: string; actor: { id: string; name: string } | null };

export function AuditTable({ items }: { items: Event[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">When</th>
            <th scope="col" className="px-4 py-3">Who</th>
            <th scope="col" className="px-4 py-3">What</th>
            <th scope="col" className="px-4 py-3">Record</th>
            <th scope="col" className="px-4 py-3"><span className="sr-only">Details</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((e) => (
            <Fragment key={e.id}>
              <tr className="hover:bg-slate-50">
                <td className="whitespace-nowrap px-4 py-2.5 tabular-nums text-slate-600">{new Date(e.createdAt).toLocaleString("en-GB")}</td>
                <td className="whitespace-nowrap px-4 py-2.5 text-slate-900">{e.actor?.name ?? "System"}</td>
                <td className="whitespace-nowrap px-4 py-2.5 font-mono text-xs text-slate-700">{e.action}</td>
                <td className="whitespace-nowrap px-4 py-2.5 text-slate-600">
                  {e.entityType} <span className="font-mono text-xs text-slate-400">{e.entityId.slice(0, 10)}</span>
                </td>
                <td className="px-4 py-2.5 text-right">
                  {(e.before !== null || e.after !== null) && (
                    <button type="button" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)} className="inline-flex items-center gap-1 rounded text-xs font-medium text-brand-700 hover:underline">
                      {open === e.id ? <ChevronDown aria-hidden className="h-3.5 w-3.5" /> : <ChevronRight aria-hidden className="h-3.5 w-3.5" />} Before / after
                    </button>
                  )}
                </td>
              </tr>
              {open === e.id && (
                <tr className="bg-slate-50">
                  <td colSpan={5} className="px-4 py-3">
                    <div className="grid gap-3 md:grid-cols-2">
                      {(["before", "after"] as const).map((k) => (
                        <div key={k}>
                          <div className="mb-1 text-xs font-semibold uppercase text-slate-500">{k}</div>
                          <pre className="max-h-72 overflow-auto rounded-md border border-slate-200 bg-white p-2 text-xs text-slate-700">{JSON.stringify(e[k], null, 2) ?? "—"}</pre>
                        </div>
                      ))}
                    </div>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
