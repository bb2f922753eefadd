"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { AlertTriangle, Check, CloudOff, Loader2, LogIn, Lock, PencilLine } from "lucide-react";
import { Ago } from "@/components/ui/ago";
import type { TSaveState } from "./use-draft-autosave";

/**
 * Saved / unsaved / saving, always visible, announced politely to screen readers. Signed out, it
 * offers the way back: signing in returns here, and the page restores the text kept on the device.
 * Cut off (network or server trouble), it retries by itself and offers "Try now".
 */
export function SaveIndicator({ state, savedAt, onRetry }: { state: TSaveState; savedAt: string | null; onRetry?: () => void }) {
  const pathname = usePathname();
  const view: Record<TSaveState, { icon: React.ReactNode; text: React.ReactNode; cls: string }> = {
    saved: {
      icon: <Check aria-hidden className="h-4 w-4" />,
      text: savedAt ? (
        <>
          All changes saved <Ago at={savedAt} />
        </>
      ) : (
        "Nothing to save yet"
      ),
      cls: "text-emerald-700",
    },
    unsaved: { icon: <PencilLine aria-hidden className="h-4 w-4" />, text: "Unsaved changes (kept on this device)", cls: "text-amber-700" },
    saving: { icon: <Loader2 aria-hidden className="h-4 w-4 animate-spin" />, text: "Saving…", cls: "text-slate-600" },
    offline: { icon: <CloudOff aria-hidden className="h-4 w-4" />, text: "Not saved: retrying. Your text is kept on this device.", cls: "text-red-700" },
    invalid: { icon: <AlertTriangle aria-hidden className="h-4 w-4" />, text: "Not saved: fix the marked section", cls: "text-red-700" },
    conflict: { icon: <AlertTriangle aria-hidden className="h-4 w-4" />, text: "Not saved: someone else saved first", cls: "text-red-700" },
    signedOut: { icon: <LogIn aria-hidden className="h-4 w-4" />, text: "Not saved: you are signed out. Your text is kept on this device.", cls: "text-red-700" },
    noAccess: { icon: <Lock aria-hidden className="h-4 w-4" />, text: "Not saved: you can no longer edit this plan. Your text is kept on this device.", cls: "text-red-700" },
  };
  const v = view[state];
  return (
    <>
      <span role="status" aria-live="polite" data-testid="save-state" data-state={state} className={`inline-flex items-center gap-1.5 text-sm font-medium ${v.cls}`}>
        {v.icon}
        <span>{v.text}</span>
      </span>
      {state === "offline" && onRetry && (
        <button type="button" onClick={onRetry} className="text-sm font-medium text-brand-700 underline hover:text-brand-800">
          Try now
        </button>
      )}
      {state === "signedOut" && (
        <Link href={`/login?callbackUrl=${encodeURIComponent(pathname)}`} className="text-sm font-medium text-brand-700 underline hover:text-brand-800">
          Sign in again to save it
        </Link>
      )}
    </>
  );
}
