// Zod schemas for the portfolio dashboard: the filters (kept in the URL, shared by the page, the
// JSON API and the tests) and the drill-down query. No I/O here: safe to import in the browser.
import { z } from "zod";
import { parseMetric } from "./metrics";

/** An empty query parameter means "no filter", the way a form's "All" option sends it. */
const optional = <S extends z.ZodType>(schema: S) => schema.optional().or(z.literal("").transform(() => undefined));

const id = z.string().trim().min(1).max(40);

export const ZDashboardFilters = z.object({
  region: optional(z.string().trim().min(1).max(80)),
  industry: optional(z.string().trim().min(1).max(80)),
  ownerId: optional(id),
  /** A tier id, or "none" for accounts that have no tier yet. */
  tierId: optional(id),
});
export type TDashboardFilters = z.infer<typeof ZDashboardFilters>;

export const FILTER_KEYS = ["region", "industry", "ownerId", "tierId"] as const satisfies readonly (keyof TDashboardFilters)[];

export const ZDrillQuery = ZDashboardFilters.extend({
  metric: z
    .string({ error: "metric is required" })
    .max(120)
    .refine((m) => parseMetric(m) !== null, { message: "Unknown figure" }),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(["json", "csv"]).default("json"),
});
export type TDrillQuery = z.infer<typeof ZDrillQuery>;

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

/**
 * Filters from a page's search params, keeping each valid one and dropping the rest: a shared
 * link with one stale or mangled value still opens the dashboard rather than an error.
 */
export function filtersFromSearchParams(raw: Record<string, string | string[] | undefined>): TDashboardFilters {
  const out: TDashboardFilters = {};
  for (const key of FILTER_KEYS) {
    const v = raw[key];
    const parsed = ZDashboardFilters.shape[key].safeParse(Array.isArray(v) ? v[0] : v);
    if (parsed.success && parsed.data) out[key] = parsed.data;
  }
  return out;
}
