import { cache } from "react";
import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getPlanVersion } from "@/lib/plans/service";

/**
 * The version the address names, loaded once per request for the layout (which decides the 404
 * outside the loading skeleton) and the page; the not-found page when there is no such version.
 */
export const loadVersion = cache((user: SessionUser, accountId: string, n: string) => {
  const number = Number(n);
  if (!Number.isInteger(number) || number < 1) notFound();
  return orNotFound(getPlanVersion({ user, accountId, number }));
});
