import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A line of a short list (the home page's): what it is on the left, wrapping as it must, and its
 * date or state on the right (`aside`). From 640 px the aside keeps its place instead of dropping
 * under the title; on a phone it goes under it.
 */
export function ListRow({ children, aside, asideClassName, className }: { children: ReactNode; aside: ReactNode; asideClassName?: string; className?: string }) {
  return (
    <li className={cn("flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 sm:flex-nowrap", className)}>
      <span className="min-w-0">{children}</span>
      <span className={cn("min-w-0 sm:shrink-0 sm:text-right", asideClassName)}>{aside}</span>
    </li>
  );
}
