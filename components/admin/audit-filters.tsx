"use client";

import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { X } from "lucide-react";
import { Input, Select } from "@/components/ui/field";

export function AuditFilters({
  people,
  actions,
  entityTypes,
  account,
}: {
  people: { id: string; name: string }[];
  actions: string[];
  entityTypes: string[];
  /** The account the log is narrowed to (chosen from a row), if any. */
  account: { id: string; name: string | null } | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, start] = useTransition();
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params.toString());
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete("page");
    start(() => router.replace(`${pathname}?${next.toString()}`));
  };
  const sel = (k: string, label: string, opts: { v: string; l: string }[]) => (
    <div>
      <label htmlFor={`audit-${k}`} className="mb-1 block text-xs font-medium text-slate-600">{label}</label>
      <Select id={`audit-${k}`} value={params.get(k) ?? ""} onChange={(e) => set(k, e.target.value)} className="w-48">
        <option value="">All</option>
        {opts.map((o) => (
          <option key={o.v} value={o.v}>{o.l}</option>
        ))}
      </Select>
    </div>
  );
  return (
    <div role="search" aria-busy={pending} className="mb-4 flex flex-wrap items-end gap-3">
      {sel("actorId", "Who", people.map((p) => ({ v: p.id, l: p.name })))}
      {sel("action", "What", actions.map((a) => ({ v: a, l: a })))}
      {sel("entityType", "Record type", entityTypes.map((e) => ({ v: e, l: e })))}
      <div>
        <label htmlFor="audit-from" className="mb-1 block text-xs font-medium text-slate-600">From</label>
        <Input id="audit-from" type="date" value={params.get("from") ?? ""} onChange={(e) => set("from", e.target.value)} />
      </div>
      <div>
        <label htmlFor="audit-to" className="mb-1 block text-xs font-medium text-slate-600">To</label>
        <Input id="audit-to" type="date" value={params.get("to") ?? ""} onChange={(e) => set("to", e.target.value)} />
      </div>
      <div>
        <label htmlFor="audit-requestId" className="mb-1 block text-xs font-medium text-slate-600">Request id</label>
        {/* Committed on Enter or on leaving the field: an id is pasted whole, not typed a key at a time. */}
        <Input
          id="audit-requestId"
          key={params.get("requestId") ?? ""}
          defaultValue={params.get("requestId") ?? ""}
          placeholder="From a log line or an error"
          className="w-64 font-mono placeholder:font-sans"
          maxLength={100}
          onKeyDown={(e) => {
            if (e.key === "Enter") set("requestId", e.currentTarget.value.trim());
          }}
          onBlur={(e) => {
            if (e.target.value.trim() !== (params.get("requestId") ?? "")) set("requestId", e.target.value.trim());
          }}
        />
      </div>
      {account && (
        <div>
          <span className="mb-1 block text-xs font-medium text-slate-600">Account</span>
          <span className="inline-flex h-10 items-center gap-1 rounded-md border border-brand-200 bg-brand-50 pl-3 pr-1 text-sm text-brand-900" data-testid="audit-account-filter">
            {account.name ?? account.id}
            <button type="button" onClick={() => set("accountId", "")} aria-label="Show every account's events" className="rounded p-1 hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-600">
              <X aria-hidden className="h-4 w-4" />
            </button>
          </span>
        </div>
      )}
    </div>
  );
}
