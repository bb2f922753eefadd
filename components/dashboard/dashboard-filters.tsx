"use client";

// Region, industry, manager and tier: they narrow the whole dashboard and live in the URL, so a
// view can be bookmarked and shared. Changing one replaces the URL; the server renders the new
// figures while the current ones stay on screen, dimmed.
import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { X } from "lucide-react";
import { Select } from "@/components/ui/field";
import { FILTER_KEYS } from "@/lib/dashboard/filters";
import type { TDashboardOptions } from "@/lib/dashboard/view";

export function DashboardFilters({ options, children }: { options: TDashboardOptions; children: React.ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    startTransition(() => router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  };

  const select = (key: (typeof FILTER_KEYS)[number], label: string, choices: { value: string; label: string }[]) => {
    const value = params.get(key) ?? "";
    // A bookmarked value no longer among the choices (e.g. a manager without accounts now) stays selectable.
    const all = value && !choices.some((c) => c.value === value) ? [...choices, { value, label: value }] : choices;
    return (
      <div className="min-w-40 flex-1 sm:flex-none">
        <label htmlFor={`dash-${key}`} className="mb-1 block text-xs font-medium text-slate-600">
          {label}
        </label>
        <Select id={`dash-${key}`} value={value} onChange={(e) => update(key, e.target.value)} className="sm:w-48">
          <option value="">All</option>
          {all.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </div>
    );
  };

  const active = FILTER_KEYS.some((k) => params.get(k));
  return (
    <>
      <div role="search" aria-label="Dashboard filters" className="mb-6 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
        {select("region", "Region", options.regions.map((r) => ({ value: r, label: r })))}
        {select("industry", "Industry", options.industries.map((i) => ({ value: i, label: i })))}
        {select("ownerId", "Key account manager", options.managers.map((m) => ({ value: m.id, label: m.name })))}
        {select("tierId", "Tier", [...options.tiers.map((t) => ({ value: t.id, label: t.name })), { value: "none", label: "No tier yet" }])}
        {active && (
          <button
            type="button"
            onClick={() => startTransition(() => router.replace(pathname, { scroll: false }))}
            className="inline-flex h-10 items-center gap-1 rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100"
          >
            <X aria-hidden className="h-4 w-4" /> Clear filters
          </button>
        )}
        <span role="status" aria-live="polite" className="ml-auto self-center text-xs text-slate-500">
          {pending ? "Updating…" : ""}
        </span>
      </div>
      <div aria-busy={pending} className={pending ? "pointer-events-none opacity-60 transition-opacity" : "transition-opacity"} data-testid="dashboard-body">
        {children}
      </div>
    </>
  );
}
