"use client";

import { useEffect, useRef } from "react";
import { cn } from "@/lib/cn";

const TONES = {
  /** What stopped the save: a refusal, a broken connection, a file that cannot be read. */
  error: "border-red-200 bg-red-50 text-red-700",
  /** What changed under the form: someone else decided first; the form keeps the person's choice. */
  warning: "border-amber-200 bg-amber-50 text-amber-900",
} as const;

/**
 * A message about a form as a whole, above its fields, read out by screen readers as it appears.
 *
 * `reveal`: for the answer to a save. The message sits at the top and the save button at the
 * bottom: in a long form (a person's details in the side panel, on a phone) it would appear out of
 * view, so when it appears it scrolls the form (or the page) just enough to show it. Only when it
 * appears, not on every render. Leave it off for messages that come while the person types (live
 * checks), which must not pull the page away from where they write.
 */
export function FormAlert({ tone = "error", reveal = false, className, children }: { tone?: keyof typeof TONES; reveal?: boolean; className?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (reveal) ref.current?.scrollIntoView({ block: "nearest" });
    // Only as it appears: a later render (typing) must not scroll.
  }, []);
  return (
    <p ref={ref} role="alert" className={cn("rounded-md border px-3 py-2 text-sm", TONES[tone], className)}>
      {children}
    </p>
  );
}
