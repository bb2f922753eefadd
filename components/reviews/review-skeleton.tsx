import { Skeleton } from "@/components/ui/skeleton";

/** The reviews page's and a review's shape while they load: a title, a line, a wide and a narrow column. */
export function ReviewSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-6">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-4 w-[32rem] max-w-full" />
      <div className="grid gap-6 xl:grid-cols-3">
        <Skeleton className="h-96 w-full rounded-xl xl:col-span-2" />
        <Skeleton className="h-64 w-full rounded-xl" />
      </div>
    </div>
  );
}
