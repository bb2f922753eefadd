import { requirePageUser } from "@/lib/auth/session";
import { navBadges } from "@/lib/attention";
import { ROLE_LABELS } from "@/lib/accounts/stages";
import { NAV_LINKS } from "@/components/layout/nav-links";
import { Sidebar } from "@/components/layout/sidebar";
import { ServerFacts } from "@/components/layout/server-facts";
import { SessionEnded } from "@/components/layout/session-ended";
import { localTimeZone } from "@/lib/days";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const links = NAV_LINKS.filter((l) => !l.roles || l.roles.includes(user.role));
  const badges = await navBadges(user);
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      {/* Before anything that writes a date: the browser writes dates in the server's time zone and
          counts "… ago" on the server's clock, however its own is set. */}
      <ServerFacts zone={localTimeZone()} now={Date.now()} />
      {/* The first stop for a keyboard: past the navigation, straight to the page's content. */}
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow-lg"
      >
        Skip to content
      </a>
      <SessionEnded />
      <Sidebar links={links} badges={badges} user={{ name: user.name, email: user.email, roleLabel: ROLE_LABELS[user.role] ?? user.role }} />
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6 xl:px-10">
        <div className="mx-auto max-w-7xl">{children}</div>
      </main>
    </div>
  );
}
