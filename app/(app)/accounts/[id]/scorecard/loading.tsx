import { Skeleton } from "@/components/ui/skeleton";

export default function ScorecardLoading() {
  return (
    <div role="status" aria-label="Loading the scorecard" className="grid gap-6 xl:grid-cols-3">
      <div className="space-y-6 xl:col-span-2">
        <Skeleton className="h-[32rem] w-full rounded-xl" />
        <Skeleton className="h-64 w-full rounded-xl" />
      </div>
      <div className="space-y-6">
        <Skeleton className="h-48 w-full rounded-xl" />
        <Skeleton className="h-56 w-full rounded-xl" />
      </div>
    </div>
  );
}
