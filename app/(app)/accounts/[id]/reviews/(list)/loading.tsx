import { Skeleton } from "@/components/ui/skeleton";

export default function AccountReviewsLoading() {
  return (
    <div role="status" aria-label="Loading reviews" className="grid gap-6 xl:grid-cols-3">
      <div className="space-y-6 xl:col-span-2">
        <Skeleton className="h-40 w-full rounded-xl" />
        <Skeleton className="h-64 w-full rounded-xl" />
      </div>
      <Skeleton className="h-72 w-full rounded-xl" />
    </div>
  );
}
