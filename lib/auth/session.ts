import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { prisma } from "@/lib/db";
import { UnauthorizedError } from "@/lib/errors";
import { authSecret, secureCookies } from "@/lib/auth/secret";
import type { RoleName } from "@/lib/auth/policy";

export type SessionUser = { id: string; email: string; name: string; role: RoleName };

type TokenSource = { headers: Record<string, string>; cookies: Record<string, string> };

// The JWT only says who signed in; the user row decides whether they still may (deactivated
// users are refused even with a session issued earlier) and which role they have now.
async function userFromToken(source: TokenSource | NextRequest): Promise<SessionUser | null> {
  const token = await getToken({ req: source as NextRequest, secret: authSecret(), secureCookie: secureCookies() });
  if (!token?.sub) return null;
  const jti = typeof token.jti === "string" ? token.jti : "";
  // One round trip on every request: the user row, and whether this token's session was ended by
  // signing out (such a token stays refused until it would have expired).
  const rows = await prisma.$queryRaw<{ id: string; email: string; name: string; role: RoleName; active: boolean; revoked: boolean }[]>`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.active,
           EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.jti = ${jti}) AS revoked
    FROM "User" u WHERE u.id = ${token.sub}`;
  const user = rows[0];
  if (!user || !user.active || user.revoked) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For route handlers: the signed-in user, or UnauthorizedError (401). */
export async function requireApiUser(req: NextRequest): Promise<SessionUser> {
  const user = await userFromToken(req);
  if (!user) throw new UnauthorizedError();
  return user;
}

/** For server components: the signed-in user (once per request), or null. */
export const getPageUser = cache(async (): Promise<SessionUser | null> => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return userFromToken({
    headers: Object.fromEntries(headerStore.entries()),
    cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])),
  });
});

/** For pages: the signed-in user, or a redirect to /login that comes back here afterwards. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getPageUser();
  if (!user) {
    const h = await headers();
    const back = h.get("x-keystone-path") ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(back)}`);
  }
  return user;
}
