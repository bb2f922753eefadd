"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState level={1} title="This page could not be loaded" action={<Button onClick={reset}>Try again</Button>}>
      Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. If the database is restarting, trying again in a few seconds usually helps.
    </EmptyState>
  );
}
