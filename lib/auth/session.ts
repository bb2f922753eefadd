import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/auth/token";
import { Prisma, readRows } from "@/lib/db";
import { tiesFromJson, tiesSql, type TiesRow } from "@/lib/accounts/access";
import { UnauthorizedError } from "@/lib/errors";
import { authSecret, secureCookies } from "@/lib/auth/secret";
import { can, type Action, type RoleName } from "@/lib/auth/policy";

export type SessionUser = { id: string; email: string; name: string; role: RoleName };

type TokenSource = { headers: Record<string, string>; cookies: Record<string, string> };
type SessionRow = { id: string; email: string; name: string; role: RoleName; active: boolean; revoked: boolean; ties: Parameters<typeof tiesFromJson>[0]; read: unknown };

/** What a route reads with the session, and when: `sql`, a json expression, is read in the same statement. */
export type ReadWithSession = { accountId?: string; sql?: Prisma.Sql };

/**
 * The session token's claims, or null. The usual cookie (one piece) is read and decoded here;
 * anything else (a token split over several cookies, a bearer header) is left to next-auth's
 * getToken, which reads them all (and costs more on every request).
 */
async function readToken(source: TokenSource | NextRequest) {
  const secureCookie = secureCookies();
  const name = secureCookie ? "__Secure-next-auth.session-token" : "next-auth.session-token";
  const whole = "nextUrl" in source ? source.cookies.get(name)?.value : source.cookies[name];
  if (whole) return decodeSessionToken({ token: whole, secret: authSecret() }).catch(() => null);
  return getToken({ req: source as NextRequest, secret: authSecret(), secureCookie, decode: decodeSessionToken });
}

// The JWT only says who signed in; the user row decides whether they still may (deactivated
// users are refused even with a session issued earlier) and which role they have now.
async function userFromToken(source: TokenSource | NextRequest, also: ReadWithSession = {}): Promise<{ user: SessionUser; ties: TiesRow | null; read: unknown } | null> {
  const { accountId, sql } = also;
  const token = await readToken(source);
  if (!token?.sub) return null;
  const jti = typeof token.jti === "string" ? token.jti : "";
  // One round trip on every request: the user row, whether this token's session was ended by
  // signing out (such a token stays refused until it would have expired), for a route that names
  // an account that account's ties (lib/accounts/access.ts), which the route checks next, and what
  // the route asked to read with them (used only once the ties allow it).
  const rows = await readRows<SessionRow>(Prisma.sql`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.active,
           EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.jti = ${jti}) AS revoked,
           ${accountId ? Prisma.sql`(SELECT row_to_json(t) FROM (${tiesSql(accountId)}) t)` : Prisma.sql`NULL::json`} AS ties,
           ${sql ?? Prisma.sql`NULL::json`} AS read
    FROM "User" u WHERE u.id = ${token.sub}`);
  const row = rows[0];
  if (!row || !row.active || row.revoked) return null;
  const user: SessionUser = { id: row.id, email: row.email, name: row.name, role: row.role };
  return { user, ties: accountId ? tiesFromJson(row.ties) : null, read: sql ? row.read : undefined };
}

/**
 * For route handlers: the signed-in user, or UnauthorizedError (401). With `accountId`, also that
 * account's ties (null when it does not exist), and with `sql`, its value (undefined without),
 * read in the same round trip.
 */
export async function requireApiUser(req: NextRequest, also: ReadWithSession = {}): Promise<{ user: SessionUser; ties: TiesRow | null; read: unknown }> {
  const found = await userFromToken(req, also);
  if (!found) throw new UnauthorizedError();
  return found;
}

/** For server components: the signed-in user (once per request), or null. */
export const getPageUser = cache(async (): Promise<SessionUser | null> => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const found = await userFromToken({
    headers: Object.fromEntries(headerStore.entries()),
    cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])),
  });
  return found?.user ?? null;
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

/**
 * For pages only some roles may open: the signed-in user, or the not-found page. Where the page
 * has a `loading.tsx`, call it from the segment's layout too, which sits outside that boundary, so
 * the answer's HTTP status is 404 as well (a notFound() inside a loading boundary comes after the
 * 200 has been sent).
 */
export async function requirePageAction(action: Action): Promise<SessionUser> {
  const user = await requirePageUser();
  if (!can(user, action)) notFound();
  return user;
}
