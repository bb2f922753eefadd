import type { LegendPayload } from "recharts";

/**
 * Recharts 3 sorts a legend's items alphabetically unless told otherwise ("Amber, Green, Not set,
 * Red"). This keeps them in the order the series are drawn: a stack from its first segment
 * (Red, Amber, Green, Not set), a target before its actual.
 */
export const inSeriesOrder =
  (keys: readonly string[]) =>
  (item: LegendPayload): number =>
    keys.indexOf(String(item.dataKey));
