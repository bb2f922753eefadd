"use client";

// The navigation, in three shapes by screen width: on a phone a bar across the top (the links
// scroll sideways, sign-out at its end); on a tablet (768-1279 px) a narrow rail of icons, the
// names read out to screen readers and shown on hover, so the page keeps its width; from 1280 px
// the full sidebar with names and the signed-in person.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { BarChart3, Building2, CheckSquare, Home, LogOut, MessageSquare, ScrollText, SlidersHorizontal, Trophy, Users, type LucideIcon } from "lucide-react";
import { cn } from "@/lib/cn";
import { useMediaQuery } from "@/lib/ui/use-media-query";
import { useInBrowser } from "@/lib/ui/use-in-browser";
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

/** Shown from 1280 px; on the tablet rail only to screen readers. */
const WIDE_ONLY = "md:sr-only xl:not-sr-only";

const signOutNow = () => signOut({ callbackUrl: "/login" });

export function Sidebar({ links, user, badges = {} }: { links: NavLink[]; user: { name: string; email: string; roleLabel: string }; badges?: Record<string, number> }) {
  const pathname = usePathname();
  const active = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  // The rail (768–1279 px) shows icons only, so each link names itself on hover; where the name is
  // written beside the icon, a tooltip would only repeat it.
  const rail = useMediaQuery("(min-width: 48rem) and (max-width: 79.99rem)");
  // Sign-out runs in the page's scripts: until they have started, the buttons are disabled rather
  // than taking a click that would do nothing (on a slow machine a test's click once landed there).
  const canSignOut = useInBrowser();
  const initials = user.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  return (
    <aside className="no-print flex w-full shrink-0 flex-col border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-16 md:border-b-0 md:border-r xl:w-60">
      <div className="flex h-14 items-center justify-between gap-3 px-4 md:h-16 md:justify-center md:px-0 xl:justify-start xl:px-5">
        <Link href="/" className="rounded-md text-slate-900" title="Keystone: home">
          <Logo labelClassName={WIDE_ONLY} />
        </Link>
        {/* Phones: sign-out stays at hand in the top bar. */}
        <button type="button" onClick={signOutNow} disabled={!canSignOut} className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 md:hidden">
          <LogOut aria-hidden className="h-4 w-4" /> Sign out
        </button>
      </div>
      <nav aria-label="Main" className="flex-1 overflow-x-auto px-3 pb-2 md:overflow-y-auto md:px-2 md:pb-0 xl:px-3">
        <ul className="flex gap-1 md:flex-col">
          {links.map((l) => {
            const Icon = ICONS[l.icon] ?? Home;
            const count = badges[l.href] ?? 0;
            return (
              <li key={l.href}>
                <Link
                  href={l.href}
                  title={rail ? l.label : undefined}
                  aria-current={active(l.href) ? "page" : undefined}
                  className={cn(
                    "relative flex items-center gap-3 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium transition-colors md:justify-center md:px-0 md:py-2.5 xl:justify-start xl:px-3 xl:py-2",
                    active(l.href) ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                  )}
                >
                  <Icon aria-hidden className="h-4 w-4 md:h-5 md:w-5 xl:h-4 xl:w-4" />
                  <span className={cn("flex-1", WIDE_ONLY)}>{l.label}</span>
                  {count > 0 && (
                    <span
                      className="rounded-full bg-brand-600 px-1.5 py-0.5 text-[11px] font-semibold leading-none text-white md:absolute md:right-1 md:top-0.5 md:px-1 xl:static xl:px-1.5"
                      aria-label={`${count} need attention`}
                    >
                      {count}
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="hidden border-t border-slate-200 p-4 md:block md:px-2 md:py-3 xl:p-4">
        <div className="flex items-center gap-3 md:justify-center xl:justify-start">
          <span aria-hidden title={`${user.name}, ${user.roleLabel}`} className="hidden h-9 w-9 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700 md:flex xl:hidden">
            {initials}
          </span>
          <div className={cn("min-w-0", WIDE_ONLY)}>
            <div className="truncate text-sm font-medium text-slate-900" data-testid="current-user">
              {user.name}
            </div>
            <div className="truncate text-xs text-slate-500">{user.roleLabel}</div>
          </div>
        </div>
        <button
          type="button"
          onClick={signOutNow}
          disabled={!canSignOut}
          title="Sign out"
          className="mt-3 inline-flex items-center gap-2 rounded-md text-sm text-slate-600 hover:text-slate-900 md:mx-auto md:flex md:p-2 xl:mx-0 xl:inline-flex xl:p-0"
        >
          <LogOut aria-hidden className="h-4 w-4" /> <span className={WIDE_ONLY}>Sign out</span>
        </button>
      </div>
    </aside>
  );
}
