import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

// An address that matches no page (a mistyped or old link). Pages that exist but find no account
// use the signed-in layout's own not-found page instead. This one stands alone, as the sign-in page
// does, because the address may be visited signed out.
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 py-12 text-center">
      <Link href="/" aria-label="Keystone home">
        <Logo className="text-xl text-slate-900" />
      </Link>
      <p className="mt-10 text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">No page lives at this address. The link may be mistyped, or the page may have moved.</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/" className={buttonClass("primary")}>
          Go to your home page
        </Link>
        <Link href="/accounts" className={buttonClass("secondary")}>
          Accounts
        </Link>
      </div>
    </main>
  );
}
