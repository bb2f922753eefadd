"use client";

import { useEffect, useState, useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Search, X } from "lucide-react";
import { Input, Select } from "@/components/ui/field";
import { STAGES, STAGE_LABELS } from "@/lib/accounts/stages";

type Option = { id: string; name: string };
type TierOption = Option & { minScore?: number; isKey?: boolean };
type Choice = { value: string; label: string };

// On a phone the list's sortable column headings are folded away: these orders stand in for them
// (names and stages from the start, revenue and score highest first, the latest change first).
const PHONE_SORTS: Choice[] = [
  { value: "name:asc", label: "Sort: name" },
  { value: "revenue:desc", label: "Sort: revenue" },
  { value: "score:desc", label: "Sort: score" },
  { value: "stage:asc", label: "Sort: stage" },
  { value: "tier:asc", label: "Sort: tier" },
  { value: "owner:asc", label: "Sort: manager" },
  { value: "updatedAt:desc", label: "Sort: updated" },
];

/** Filters live in the URL, so a filtered list can be bookmarked and shared. */
export function AccountFilters({ managers, tiers, industries, regions }: { managers: Option[]; tiers: TierOption[]; industries: string[]; regions: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(params.get("q") ?? "");

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete("page");
    startTransition(() => router.replace(`${pathname}?${next.toString()}`));
  };

  // Search as you type, without a request per keystroke.
  useEffect(() => {
    if (q === (params.get("q") ?? "")) return;
    const t = setTimeout(() => update({ q }), 250);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  // On a phone the filters fill their rows (two to a row); from `sm` up each takes its own width.
  // `phoneOnly`: shown below `sm` only (the sort, which wider screens do from the column headings).
  const picker = (id: string, label: string, value: string, onPick: (value: string) => void, choices: Choice[], phoneOnly = false) => (
    <div className={phoneOnly ? "min-w-36 flex-1 basis-36 sm:hidden" : "min-w-36 flex-1 basis-36 sm:flex-none sm:basis-auto"}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Select id={id} value={value} onChange={(e) => onPick(e.target.value)} className={phoneOnly ? "w-full" : "w-full min-w-36 sm:w-auto"}>
        {choices.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
  const select = (name: string, label: string, options: Choice[], allLabel = `${label}: all`) =>
    picker(`filter-${name}`, label, params.get(name) ?? "", (v) => update({ [name]: v }), [{ value: "", label: allLabel }, ...options]);

  const active = ["q", "stage", "ownerId", "tierId", "score", "industry", "region", "archived"].some((k) => params.get(k));
  const order = `${params.get("sort") ?? "name"}:${params.get("dir") ?? "asc"}`;
  // An order set from a column heading on a wider screen is kept and named as it is.
  const orders = PHONE_SORTS.some((o) => o.value === order) ? PHONE_SORTS : [...PHONE_SORTS, { value: order, label: `Sort: ${order.replace(":asc", " ↑").replace(":desc", " ↓")}` }];

  return (
    <div role="search" className="mb-4 flex flex-wrap items-center gap-2" aria-busy={pending}>
      <div className="relative min-w-56 flex-1">
        <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400" />
        <label htmlFor="filter-q" className="sr-only">
          Search accounts by name
        </label>
        <Input id="filter-q" type="search" placeholder="Search by name…" value={q} onChange={(e) => setQ(e.target.value)} className="pl-9" />
      </div>
      {select("stage", "Stage", STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] })))}
      {select("ownerId", "Manager", managers.map((m) => ({ value: m.id, label: m.name })))}
      {tiers.length > 0 && select("tierId", "Tier", tiers.map((t) => ({ value: t.id, label: t.name })))}
      {select("score", "Score", [
        ...tiers.filter((t) => t.isKey && t.minScore !== undefined).map((t) => ({ value: String(t.minScore), label: `${t.minScore} and above (${t.name})` })),
        { value: "none", label: "Not scored yet" },
      ])}
      {select("industry", "Industry", industries.map((i) => ({ value: i, label: i })))}
      {select("region", "Region", regions.map((r) => ({ value: r, label: r })))}
      {select("archived", "Archived", [
        { value: "include", label: "Include archived" },
        { value: "only", label: "Only archived" },
      ], "Hide archived")}
      {picker("sort-phone", "Sort accounts", order, (v) => {
        const [sort, dir] = v.split(":");
        update({ sort, dir });
      }, orders, true)}
      {active && (
        <button type="button" onClick={() => { setQ(""); startTransition(() => router.replace(pathname)); }} className="inline-flex h-10 items-center gap-1 rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100">
          <X aria-hidden className="h-4 w-4" /> Clear
        </button>
      )}
    </div>
  );
}
