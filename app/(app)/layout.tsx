import { requirePageUser } from "@/lib/auth/session";
import { navBadges } from "@/lib/attention";
import { ROLE_LABELS } from "@/lib/accounts/stages";
import { NAV_LINKS } from "@/components/layout/nav-links";
import { Sidebar } from "@/components/layout/sidebar";
import { DisplayZone } from "@/components/layout/display-zone";
import { SessionEnded } from "@/components/layout/session-ended";
import { ServerClock } from "@/components/ui/ago";
import { localTimeZone } from "@/lib/days";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const links = NAV_LINKS.filter((l) => !l.roles || l.roles.includes(user.role));
  const badges = await navBadges(user);
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      {/* Before anything that writes a date: the browser writes them in the server's time zone. */}
      <DisplayZone zone={localTimeZone()} />
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
        {/* "… ago" counts on this server's clock, however the browser's is set. */}
        <ServerClock now={Date.now()}>
          <div className="mx-auto max-w-7xl">{children}</div>
        </ServerClock>
      </main>
    </div>
  );
}
