"use client";

// What every figure on the dashboard needs to build its drill-down link: the filters in force
// (so the list behind a number keeps the view) and the day the figures were computed for.
import { createContext, useContext, type ReactNode } from "react";
import type { TDashboardFilters } from "@/lib/dashboard/filters";
import { drillHref } from "@/lib/dashboard/filters";

type TDashboardContext = { filters: TDashboardFilters; today: string };
const Ctx = createContext<TDashboardContext>({ filters: {}, today: "" });

export function DashboardProvider({ filters, today, children }: TDashboardContext & { children: ReactNode }) {
  return <Ctx.Provider value={{ filters, today }}>{children}</Ctx.Provider>;
}

export const useDashboard = () => useContext(Ctx);

/** The drill-down link for a figure under the current filters. */
export function useDrill() {
  const { filters } = useDashboard();
  return (metric: string) => drillHref(metric, filters);
}
