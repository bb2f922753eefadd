import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Ids } from "./a11y";

// Every page of the app, for the walks that must cover them all (accessibility, page access). A
// test checks this list against the app directory, so a new page fails until it is added here.

/** Each page file's route (route groups dropped) and the address that opens it on the demo data. */
export const PAGES: Record<string, (ids: Ids) => string> = {
  "/": () => "/",
  "/accounts": () => "/accounts",
  "/accounts/new": () => "/accounts/new",
  "/accounts/[id]": (i) => `/accounts/${i.account}`,
  "/accounts/[id]/scorecard": (i) => `/accounts/${i.account}/scorecard`,
  "/accounts/[id]/relationships": (i) => `/accounts/${i.account}/relationships`,
  "/accounts/[id]/plan": (i) => `/accounts/${i.account}/plan`,
  "/accounts/[id]/plan/current": (i) => `/accounts/${i.account}/plan/current`,
  "/accounts/[id]/plan/draft": (i) => `/accounts/${i.account}/plan/draft`,
  "/accounts/[id]/plan/versions": (i) => `/accounts/${i.account}/plan/versions`,
  "/accounts/[id]/plan/versions/[n]": (i) => `/accounts/${i.account}/plan/versions/1`,
  "/accounts/[id]/plan/print": (i) => `/accounts/${i.account}/plan/print`,
  "/accounts/[id]/reviews": (i) => `/accounts/${i.account}/reviews`,
  "/accounts/[id]/reviews/periodic/new": (i) => `/accounts/${i.account}/reviews/periodic/new`,
  "/accounts/[id]/reviews/proposals/new": (i) => `/accounts/${i.account}/reviews/proposals/new`,
  "/accounts/[id]/reviews/proposals/[proposalId]/edit": (i) => `/accounts/${i.account}/reviews/proposals/${i.proposal}/edit`,
  "/actions": () => "/actions",
  "/ranking": () => "/ranking",
  "/reviews": () => "/reviews",
  "/reviews/[id]": (i) => `/reviews/${i.review}`,
  "/dashboard": () => "/dashboard",
  "/dashboard/accounts": () => "/dashboard/accounts?metric=overdue",
  "/settings/selection": () => "/settings/selection",
  "/admin/users": () => "/admin/users",
  "/admin/audit": () => "/admin/audit",
  "/login": () => "/login",
};

const PAGE_FILE = /^page\.(tsx|ts|jsx|js)$/;

export function pageRoutes(dir = "app", route = ""): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === "api" || name.startsWith("_")) continue;
      found.push(...pageRoutes(full, /^\(.*\)$/.test(name) ? route : `${route}/${name}`));
    } else if (PAGE_FILE.test(name)) {
      found.push(route || "/");
    }
  }
  return found;
}

/**
 * The signed-in pages that show nothing while they load: no `loading.tsx` in their folder or any
 * folder above them (a loading file covers its folder's page and everything below it).
 */
export function pagesWithoutLoadingState(dir = "app/(app)", covered = false): string[] {
  const names = readdirSync(dir);
  const here = covered || names.includes("loading.tsx");
  const missing: string[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) missing.push(...pagesWithoutLoadingState(full, here));
    else if (PAGE_FILE.test(name) && !here) missing.push(full);
  }
  return missing;
}
