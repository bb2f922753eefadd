"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { BarChart3, Building2, CheckSquare, Home, LogOut, MessageSquare, ScrollText, SlidersHorizontal, Trophy, Users, type LucideIcon } from "lucide-react";
import { cn } from "@/lib/cn";
import { Logo } from "@/components/layout/logo";
import type { NavLink } from "@/components/layout/nav-links";

const ICONS: Record<string, LucideIcon> = {
  home: Home,
  chart: BarChart3,
  building: Building2,
  trophy: Trophy,
  check: CheckSquare,
  message: MessageSquare,
  sliders: SlidersHorizontal,
  users: Users,
  scroll: ScrollText,
};

export function Sidebar({ links, user, badges = {} }: { links: NavLink[]; user: { name: string; email: string; roleLabel: string }; badges?: Record<string, number> }) {
  const pathname = usePathname();
  const active = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <aside className="no-print flex w-full shrink-0 flex-col border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-60 md:border-b-0 md:border-r">
      <div className="flex h-16 items-center px-5">
        <Link href="/" className="rounded-md text-slate-900">
          <Logo />
        </Link>
      </div>
      <nav aria-label="Main" className="flex-1 overflow-x-auto px-3 md:overflow-y-auto">
        <ul className="flex gap-1 md:flex-col">
          {links.map((l) => {
            const Icon = ICONS[l.icon] ?? Home;
            const count = badges[l.href] ?? 0;
            return (
              <li key={l.href}>
                <Link
                  href={l.href}
                  aria-current={active(l.href) ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-3 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium transition-colors",
                    active(l.href) ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                  )}
                >
                  <Icon aria-hidden className="h-4 w-4" />
                  <span className="flex-1">{l.label}</span>
                  {count > 0 && (
                    <span className="rounded-full bg-brand-600 px-1.5 py-0.5 text-[11px] font-semibold leading-none text-white" aria-label={`${count} need attention`}>
                      {count}
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="hidden border-t border-slate-200 p-4 md:block">
        <div className="truncate text-sm font-medium text-slate-900" data-testid="current-user">
          {user.name}
        </div>
        <div className="truncate text-xs text-slate-500">{user.roleLabel}</div>
        <button
          type="button"
          onClick={() => signOut({ callbackUrl: "/login" })}
          className="mt-3 inline-flex items-center gap-2 rounded-md text-sm text-slate-600 hover:text-slate-900"
        >
          <LogOut aria-hidden className="h-4 w-4" /> Sign out
        </button>
      </div>
    </aside>
  );
}
