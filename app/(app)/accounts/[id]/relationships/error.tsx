"use client";

import { Button } from "@/components/ui/button";

export default function RelationshipsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 px-6 py-10 text-center">
      <h2 className="text-sm font-semibold text-red-800">The relationship map could not be loaded</h2>
      <p className="mt-1 text-sm text-red-700">Nothing was changed. {error.digest ? `Reference: ${error.digest}.` : ""}</p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
