// Zod schemas for the portfolio dashboard: the filters (kept in the URL, shared by the page, the
// JSON API and the tests) and the drill-down query. No I/O here: safe to import in the browser.
import { z } from "zod";
import { parseMetric } from "./metrics";
import { FILTER_KEYS, type TDashboardFilters } from "./filters";

export { FILTER_KEYS, drillHref, filtersToParams, type TDashboardFilters } from "./filters";

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
// The schema parses to exactly the filters the browser side names (lib/dashboard/filters.ts).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameFilters: Same<z.output<typeof ZDashboardFilters>, TDashboardFilters> = true;
void sameFilters;

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
