import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A wide table's horizontal scroller that a keyboard can reach: it takes focus, so arrow keys
 * scroll it, and it is announced as a named region (WCAG 2.1.1; axe's scrollable-region-focusable).
 * Use it where the table itself has nothing focusable in it.
 */
export function ScrollX({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={cn("relative overflow-x-auto rounded-sm print:overflow-visible", className)}>
      {children}
    </div>
  );
}
