import { requirePageUser } from "@/lib/auth/session";
import { navBadges } from "@/lib/attention";
import { ROLE_LABELS } from "@/lib/accounts/stages";
import { NAV_LINKS } from "@/components/layout/nav-links";
import { Sidebar } from "@/components/layout/sidebar";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const links = NAV_LINKS.filter((l) => !l.roles || l.roles.includes(user.role));
  const badges = await navBadges(user);
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <Sidebar links={links} badges={badges} user={{ name: user.name, email: user.email, roleLabel: ROLE_LABELS[user.role] ?? user.role }} />
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 lg:px-10">
        <div className="mx-auto max-w-7xl">{children}</div>
      </main>
    </div>
  );
}
