"use client";

import { useMemo } from "react";
import { Search, X } from "lucide-react";
import { SENIORITY_LABELS } from "@/lib/relationships/schema";
import { Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useMap } from "./map-context";
import { distinct, isFiltered, NO_FILTERS, type TMapFilters } from "./filters";

export function FilterBar({ filters, onChange, shown }: { filters: TMapFilters; onChange: (patch: Partial<TMapFilters>) => void; shown: number }) {
  const { map } = useMap();
  const departments = useMemo(() => distinct(map.contacts.map((c) => c.department)), [map.contacts]);
  const sites = useMemo(() => distinct(map.contacts.map((c) => c.site)), [map.contacts]);
  const control = "h-9 text-sm";
  return (
    <div role="search" aria-label="Filter the map" className="flex flex-wrap items-end gap-2 rounded-xl border border-slate-200 bg-white px-3 py-2.5 shadow-sm">
      <label className="relative min-w-44 flex-1">
        <span className="sr-only">Find a person</span>
        <Search aria-hidden className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-400" />
        <Input className={`${control} pl-8`} placeholder="Find a person or title" value={filters.q} onChange={(e) => onChange({ q: e.target.value })} />
      </label>
      <FilterSelect id="f-department" label="Department" value={filters.department} onChange={(v) => onChange({ department: v })} options={departments.map((d) => [d, d])} className={control} />
      <FilterSelect id="f-site" label="Site" value={filters.site} onChange={(v) => onChange({ site: v })} options={sites.map((s) => [s, s])} className={control} />
      <FilterSelect
        id="f-level"
        label="Level"
        value={filters.seniority}
        onChange={(v) => onChange({ seniority: v })}
        options={Object.entries(SENIORITY_LABELS).map(([k, l]) => [k, `${k} · ${l}`])}
        className={control}
      />
      <FilterSelect id="f-member" label="Team member" value={filters.member} onChange={(v) => onChange({ member: v })} options={map.teamMembers.map((m) => [m.id, m.name])} className={control} />
      <div className="flex items-center gap-2 pb-1.5 text-xs text-slate-500">
        <span aria-live="polite">
          {shown} of {map.contacts.length} people
        </span>
        {isFiltered(filters) && (
          <Button size="sm" variant="ghost" className="h-7 px-2" onClick={() => onChange(NO_FILTERS)}>
            <X aria-hidden className="h-3.5 w-3.5" /> Clear
          </Button>
        )}
      </div>
    </div>
  );
}

function FilterSelect({ id, label, value, onChange, options, className }: { id: string; label: string; value: string; onChange: (v: string) => void; options: [string, string][]; className?: string }) {
  return (
    <div className="w-40">
      <label htmlFor={id} className="mb-0.5 block text-[11px] font-medium uppercase tracking-wide text-slate-500">
        {label}
      </label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={className}>
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </div>
  );
}
