import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * An empty, forbidden or error state. `level` keeps the page's heading outline in order: 1 where
 * it is the whole page (not found, error), 2 (the default) as a page's content under its title,
 * 3 inside a card, whose own title is a level-2 heading.
 */
export function EmptyState({
  icon,
  title,
  children,
  action,
  className,
  level = 2,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
  level?: 1 | 2 | 3;
}) {
  const Heading = `h${level}` as const;
  return (
    <div className={cn("flex flex-col items-center justify-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center", className)}>
      {icon && <div className="mb-3 text-slate-400">{icon}</div>}
      <Heading className="text-sm font-semibold text-slate-900">{title}</Heading>
      {children && <div className="mt-1 max-w-md text-sm text-slate-500">{children}</div>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
