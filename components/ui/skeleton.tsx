import { cn } from "@/lib/cn";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("animate-pulse rounded-md bg-slate-200/70", className)} />;
}

/** A page header's title and description, as they load. */
function HeaderSkeleton() {
  return (
    <>
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-4 w-96 max-w-full" />
    </>
  );
}

/** The loading state of a page: header and a table-shaped block. */
export function PageSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading" className="space-y-4">
      <HeaderSkeleton />
      <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-9 w-full" />
        ))}
      </div>
    </div>
  );
}

/** The loading state of a form page: header, then labelled fields and the button, in a card. */
export function FormSkeleton({ fields = 6, label = "Loading" }: { fields?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-4">
      <HeaderSkeleton />
      <div className="max-w-3xl space-y-5 rounded-xl border border-slate-200 bg-white p-6">
        {Array.from({ length: fields }, (_, i) => (
          <div key={i} className="space-y-2">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-10 w-full" />
          </div>
        ))}
        <Skeleton className="ml-auto h-10 w-36" />
      </div>
    </div>
  );
}
