"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const TABS = [
  { href: "", label: "Overview" },
  { href: "/scorecard", label: "Scorecard" },
  { href: "/relationships", label: "Relationships" },
  { href: "/plan", label: "Plan" },
  { href: "/reviews", label: "Reviews" },
];

export function AccountTabs({ accountId }: { accountId: string }) {
  const pathname = usePathname();
  const base = `/accounts/${accountId}`;
  // On a phone the tabs scroll sideways: the current one is brought into view (the strip starts at
  // Overview, and "Plan" or "Reviews" would be off the screen while being the page shown).
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const ul = list.current;
    const current = ul?.querySelector<HTMLElement>("[aria-current='page']");
    if (!ul || !current || ul.scrollWidth <= ul.clientWidth) return;
    const left = current.getBoundingClientRect().left - ul.getBoundingClientRect().left + ul.scrollLeft;
    const width = current.offsetWidth;
    if (left < ul.scrollLeft || left + width > ul.scrollLeft + ul.clientWidth) ul.scrollLeft = left - (ul.clientWidth - width) / 2;
  }, [pathname]);
  return (
    <nav aria-label="Account sections" className="no-print mb-6 border-b border-slate-200">
      <ul ref={list} className="-mb-px flex gap-1 overflow-x-auto">
        {TABS.map((t) => {
          const href = base + t.href;
          const active = t.href === "" ? pathname === base : pathname.startsWith(href);
          return (
            <li key={t.label}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium sm:px-4",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
