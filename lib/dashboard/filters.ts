// The dashboard's filters as the browser handles them: which there are, and links that keep them.
// No Zod here (lib/dashboard/schema.ts validates them on the server), so that the dashboard's
// client components do not load the validation library.

/** The dashboard's filters, each optional: a region, an industry, a manager, a tier ("none": no tier yet). */
export type TDashboardFilters = { region?: string; industry?: string; ownerId?: string; tierId?: string };

export const FILTER_KEYS = ["region", "industry", "ownerId", "tierId"] as const satisfies readonly (keyof TDashboardFilters)[];

/** The filters as URL query parameters (only those that are set), for links that keep the view. */
export function filtersToParams(filters: TDashboardFilters, extra: Record<string, string | undefined> = {}): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filters[k];
    if (v) p.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
  return p;
}

/** The drill-down page for one figure, keeping the dashboard's filters. */
export function drillHref(metric: string, filters: TDashboardFilters): string {
  return `/dashboard/accounts?${filtersToParams(filters, { metric }).toString()}`;
}
