// The planner settings the dashboard's statements run with (lib/dashboard/service.ts
// queryDashboard), shared with the benchmark's raw-`pg` baseline so that both sides plan alike:
// - no JIT: compiling these one-off aggregations costs more than running them;
// - enough sort memory that sorting a large portfolio's history stays in memory;
// - no parallel workers: a dashboard already runs its five statements side by side, and on a
//   small machine the workers each statement would start cost more than they save (on the large
//   data set the ages statement took 70-80 ms with two workers and 16-22 ms without).
export const DASHBOARD_PLANNER_SETTINGS = { jit: "off", work_mem: "32MB", max_parallel_workers_per_gather: "0" } as const;

/** The same settings as a connection's `options` (`-c name=value …`), for a pool of their own. */
export const dashboardPlannerOptions = (): string =>
  Object.entries(DASHBOARD_PLANNER_SETTINGS)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(" ");
