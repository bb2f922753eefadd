"use client";

// A call answered 401 (signed out in another tab, or the session ran out): say so above the page,
// with a way to sign in again that keeps this page as it is. Whatever the person was entering is
// still in its form; once they have signed in in the new tab, saving here again works, and the
// first answer that is not a 401 takes the banner away.
import { useEffect, useState } from "react";
import { LogIn, X } from "lucide-react";
import { SESSION_EVENT, type TSessionEvent } from "@/lib/client/api";

export function SessionEnded() {
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    const on = (e: Event) => setEnded((e as TSessionEvent).detail === "ended");
    window.addEventListener(SESSION_EVENT, on);
    return () => window.removeEventListener(SESSION_EVENT, on);
  }, []);
  if (!ended) return null;
  return (
    <div role="alert" data-testid="session-ended" className="fixed inset-x-3 top-3 z-50 mx-auto flex max-w-2xl items-start gap-3 rounded-lg border border-red-200 bg-white px-4 py-3 text-sm text-slate-800 shadow-lg">
      <LogIn aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-red-700" />
      <p className="min-w-0 flex-1">
        <span className="font-semibold text-red-700">You are signed out, so that was not saved.</span> What you entered is still on this page.{" "}
        <a href="/login" target="_blank" rel="noopener" className="font-medium text-brand-700 underline hover:text-brand-800">
          Sign in again in a new tab
        </a>
        , then come back here and save again.
      </p>
      <button type="button" onClick={() => setEnded(false)} aria-label="Dismiss" className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800">
        <X aria-hidden className="h-4 w-4" />
      </button>
    </div>
  );
}
