import { Skeleton } from "@/components/ui/skeleton";

/** The dashboard's shape while its figures are computed. */
export default function DashboardLoading() {
  return (
    <div role="status" aria-label="Loading the dashboard" className="space-y-6">
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-4 w-[32rem] max-w-full" />
      <Skeleton className="h-16 w-full" />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-20" />
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-72" />
        ))}
      </div>
    </div>
  );
}
