import type { RoleName } from "@/lib/auth/policy";

export type NavLink = { href: string; label: string; icon: string; roles?: RoleName[] };

// The sidebar. Features add their entry here; `roles` limits who sees it (pages check again).
export const NAV_LINKS: NavLink[] = [
  { href: "/", label: "Home", icon: "home" },
  { href: "/dashboard", label: "Dashboard", icon: "chart" },
  { href: "/accounts", label: "Accounts", icon: "building" },
  { href: "/ranking", label: "Ranking", icon: "trophy" },
  { href: "/actions", label: "My actions", icon: "check", roles: ["ACCOUNT_MANAGER", "SENIOR_MANAGER", "ADMIN"] },
  { href: "/reviews", label: "Reviews", icon: "message" },
  { href: "/settings/selection", label: "Selection model", icon: "sliders", roles: ["SENIOR_MANAGER", "ADMIN"] },
  { href: "/admin/users", label: "Users", icon: "users", roles: ["ADMIN"] },
  { href: "/admin/audit", label: "Audit log", icon: "scroll", roles: ["ADMIN"] },
];
