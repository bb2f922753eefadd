import { Skeleton } from "@/components/ui/skeleton";

/** The plan's shape while it loads: the overview, the current plan and the draft. */
export function PlanSkeleton() {
  return (
    <div role="status" aria-label="Loading the plan" className="grid gap-6 xl:grid-cols-3">
      <div className="space-y-6 xl:col-span-2">
        <Skeleton className="h-72 w-full rounded-xl" />
        <Skeleton className="h-64 w-full rounded-xl" />
      </div>
      <div className="space-y-6">
        <Skeleton className="h-44 w-full rounded-xl" />
        <Skeleton className="h-56 w-full rounded-xl" />
      </div>
    </div>
  );
}
