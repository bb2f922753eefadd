"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { FileText, GitCompareArrows, LayoutDashboard, PenLine, Printer } from "lucide-react";
import { cn } from "@/lib/cn";

/** The Plan tab's own sections: the plan at work, the draft, the version history, the print view. */
export function PlanNav({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const pathname = usePathname();
  const base = `/accounts/${accountId}/plan`;
  const items = [
    { href: base, label: "Overview", icon: LayoutDashboard, exact: true },
    { href: `${base}/draft`, label: canEdit ? "Edit draft" : "Draft", icon: PenLine },
    { href: `${base}/versions`, label: "Versions", icon: GitCompareArrows },
    { href: `${base}/current`, label: "Current plan", icon: FileText },
  ];
  return (
    <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-3">
      <nav aria-label="Plan" className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
        {items.map(({ href, label, icon: Icon, exact }) => {
          const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <Link
              key={href}
              href={href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
                active ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
              )}
            >
              <Icon aria-hidden className="h-4 w-4" />
              {label}
            </Link>
          );
        })}
      </nav>
      <Link
        href={`${base}/print`}
        className="inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <Printer aria-hidden className="h-4 w-4" /> Print view
      </Link>
    </div>
  );
}
