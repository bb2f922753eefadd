"use client";

import { LOAD_ERROR_TITLE, loadErrorText } from "@/components/layout/load-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

// `retry` fetches the page again from the server and re-renders it (`reset` would only re-render
// what the browser already has, which cannot recover from a database that was away).
export default function AppError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <EmptyState level={1} title={LOAD_ERROR_TITLE} action={<Button onClick={retry}>Try again</Button>}>
      {loadErrorText(error.digest)}
    </EmptyState>
  );
}
