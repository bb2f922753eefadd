"use client";

import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { LOAD_ERROR_TITLE, loadErrorText } from "@/components/layout/load-error";
import { Button, buttonClass } from "@/components/ui/button";
import { DocumentTitle } from "@/components/layout/document-title";

// When the signed-in layout itself cannot be drawn (it reads the user from the database, so a
// database that is away lands here), Keystone's own page rather than Next.js's bare "Application
// error". It stands alone, as the sign-in and not-found pages do. `retry` fetches the page again.
export default function RootError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 py-12 text-center">
      <DocumentTitle title="Page not loaded · Keystone" />
      <Link href="/" aria-label="Keystone home">
        <Logo className="text-xl text-slate-900" />
      </Link>
      <h1 className="mt-10 text-2xl font-semibold tracking-tight text-slate-900">{LOAD_ERROR_TITLE}</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        {loadErrorText(error.digest)}
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Button onClick={retry}>Try again</Button>
        <Link href="/" className={buttonClass("secondary")}>
          Go to your home page
        </Link>
      </div>
    </main>
  );
}
