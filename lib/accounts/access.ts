import "server-only";
import { cache } from "react";
import { jsonTimestamp, Prisma, readRows } from "@/lib/db";
import { can, seesAllAccounts, type Action, type Relation } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/** The tier an account is served, as SQL over alias `a` ("Account"): its override, else the computed one. */
export const servedTierIdSql = Prisma.sql`COALESCE(a."overrideTierId", a."computedTierId")`;

/** The accounts a user may see, as a where clause (scope in the query, never by filtering later). */
export function visibleAccountsWhere(user: SessionUser): Prisma.AccountWhereInput {
  if (seesAllAccounts(user)) return {};
  if (user.role === "MENTOR") return { mentorId: user.id };
  if (user.role === "ACCOUNT_MANAGER") return { OR: [{ ownerId: user.id }, { team: { some: { userId: user.id } } }] };
  return { id: "__none__" };
}

/**
 * The same, as SQL over alias `a` ("Account"), for raw queries. Owned or on the team is an IN over
 * both index lookups, not "owner OR EXISTS (team)": the OR keeps the planner from using either
 * index and costs a scan of every account per use.
 */
export function visibleAccountsSql(user: SessionUser): Prisma.Sql {
  if (seesAllAccounts(user)) return Prisma.sql`TRUE`;
  if (user.role === "MENTOR") return Prisma.sql`a."mentorId" = ${user.id}`;
  if (user.role === "ACCOUNT_MANAGER") return ownAccountsSql(user.id);
  return Prisma.sql`FALSE`;
}

/**
 * The accounts `userId` owns or is on the team of, as SQL over alias `a` ("Account"): an IN over
 * both index lookups (an account manager's visibility, the "team" scope of the periodic reviews due).
 */
export const ownAccountsSql = (userId: string) =>
  Prisma.sql`a.id IN (SELECT m."accountId" FROM "AccountTeamMember" m WHERE m."userId" = ${userId}
    UNION ALL SELECT o.id FROM "Account" o WHERE o."ownerId" = ${userId})`;

/**
 * The accounts the user owns or is on the team of (not archived), as ids, found by both index
 * lookups. Prisma's `OR: [{ ownerId }, { team: { some } }]` names the same accounts, but its OR
 * keeps the planner from either index: a scan of every account each time (up to 65 ms on the
 * bench data, in badges and home sections that every page or the home page asks for). Read once
 * per page request.
 */
export const ownAccountIds = cache(async (userId: string): Promise<string[]> => {
  const rows = await readRows<{ id: string }>(Prisma.sql`SELECT a.id FROM "Account" a WHERE a."archivedAt" IS NULL AND ${ownAccountsSql(userId)}`);
  return rows.map((r) => r.id);
});

export type AccountTies = { ownerId: string; mentorId: string | null; teamUserIds: string[] };

export function relationTo(user: SessionUser, a: AccountTies): Relation {
  if (a.ownerId === user.id) return "owner";
  if (a.teamUserIds.includes(user.id)) return "team";
  if (a.mentorId === user.id) return "mentor";
  return "none";
}

export type AccountAccess = AccountTies & {
  id: string;
  name: string;
  version: number;
  archivedAt: Date | null;
  relation: Relation;
};

/**
 * Loads the account's ties and checks the policy: an account the user may not read is a 404
 * (indistinguishable from one that does not exist); a readable one whose action the role may
 * not take is a 403.
 */
export async function authorizeAccount(opts: { user: SessionUser; accountId: string; action: Action; ties?: TiesRow | null }): Promise<AccountAccess> {
  const { user, accountId, action } = opts;
  // `ties`: read by the caller in this request already (the route wrapper reads them with the session).
  const row = opts.ties !== undefined ? opts.ties : await loadTies(user, accountId);
  if (!row) throw new NotFoundError("Account not found");
  const ties = { ownerId: row.ownerId, mentorId: row.mentorId, teamUserIds: row.team };
  const relation = relationTo(user, ties);
  if (!can(user, "account:read", relation)) throw new NotFoundError("Account not found");
  if (!can(user, action, relation)) throw new ForbiddenError();
  return { id: row.id, name: row.name, version: row.version, archivedAt: row.archivedAt, relation, ...ties };
}

export type TiesRow = { id: string; name: string; ownerId: string; mentorId: string | null; version: number; archivedAt: Date | null; team: string[] };

/** The account and its team's user ids, one row (none when the account does not exist). */
export const tiesSql = (accountId: string) => Prisma.sql`
  SELECT a.id, a.name, a."ownerId", a."mentorId", a.version, a."archivedAt",
         COALESCE(array_agg(t."userId") FILTER (WHERE t."userId" IS NOT NULL), '{}') AS team
  FROM "Account" a LEFT JOIN "AccountTeamMember" t ON t."accountId" = a.id
  WHERE a.id = ${accountId} GROUP BY a.id`;

/** The same row as `row_to_json` writes it (a query that reads the ties inside another). */
export function tiesFromJson(j: (Omit<TiesRow, "archivedAt"> & { archivedAt: string | null }) | null): TiesRow | null {
  return j ? { ...j, archivedAt: jsonTimestamp(j.archivedAt) } : null;
}

/**
 * Reads that may share what they learn about an account's ties within one request (the route
 * wrapper checks visibility before the service checks its action). The scope is the request's
 * user object (made afresh for each request by lib/auth/session.ts, and let go with it): lib/http.ts
 * opens one for GET requests only, so a write never decides on ties read before it changed them.
 * (A WeakMap rather than an AsyncLocalStorage: every one of those in the process adds its cost to
 * every promise any request makes.)
 */
const requestTies = new WeakMap<SessionUser, Map<string, Promise<TiesRow | null>>>();

/** Opens the read's scope for `user` and remembers ties already read in this request. */
export function shareTiesWithinRead(user: SessionUser, accountId: string, row: TiesRow | null): void {
  let cache = requestTies.get(user);
  if (!cache) requestTies.set(user, (cache = new Map()));
  cache.set(accountId, Promise.resolve(row));
}

function loadTies(user: SessionUser, accountId: string): Promise<TiesRow | null> {
  const cache = requestTies.get(user);
  const hit = cache?.get(accountId);
  if (hit) return hit;
  const p = readRows<TiesRow>(tiesSql(accountId)).then((rows) => rows[0] ?? null);
  if (cache) {
    cache.set(accountId, p);
    p.catch(() => cache.delete(accountId));
  }
  return p;
}
