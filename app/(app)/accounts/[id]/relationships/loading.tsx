import { Skeleton } from "@/components/ui/skeleton";

export default function RelationshipsLoading() {
  return (
    <div role="status" aria-label="Loading the relationship map" className="space-y-4">
      <div className="flex justify-between">
        <Skeleton className="h-10 w-80" />
        <Skeleton className="h-9 w-96" />
      </div>
      <Skeleton className="h-14 w-full rounded-xl" />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Skeleton className="h-[680px] w-full rounded-xl" />
        <div className="space-y-3">
          <Skeleton className="h-24 w-full rounded-xl" />
          <Skeleton className="h-40 w-full rounded-xl" />
          <Skeleton className="h-40 w-full rounded-xl" />
        </div>
      </div>
    </div>
  );
}
