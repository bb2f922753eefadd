"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

// `retry` fetches the page again from the server and re-renders it (`reset` would only re-render
// what the browser already has, which cannot recover from a database that was away).
export default function AppError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <EmptyState level={1} title="This page could not be loaded" action={<Button onClick={retry}>Try again</Button>}>
      Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. If the database is restarting, trying again in a few seconds usually helps.
    </EmptyState>
  );
}
