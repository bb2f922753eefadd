import "server-only";
import { prisma, type Prisma } from "@/lib/db";
import { can, seesAllAccounts, type Action, type Relation } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/** The accounts a user may see, as a where clause (scope in the query, never by filtering later). */
export function visibleAccountsWhere(user: SessionUser): Prisma.AccountWhereInput {
  if (seesAllAccounts(user)) return {};
  if (user.role === "MENTOR") return { mentorId: user.id };
  if (user.role === "ACCOUNT_MANAGER") return { OR: [{ ownerId: user.id }, { team: { some: { userId: user.id } } }] };
  return { id: "__none__" };
}

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
export async function authorizeAccount(opts: { user: SessionUser; accountId: string; action: Action }): Promise<AccountAccess> {
  const { user, accountId, action } = opts;
  const row = await prisma.account.findUnique({
    where: { id: accountId },
    select: { id: true, name: true, ownerId: true, mentorId: true, version: true, archivedAt: true, team: { select: { userId: true } } },
  });
  if (!row) throw new NotFoundError("Account not found");
  const ties = { ownerId: row.ownerId, mentorId: row.mentorId, teamUserIds: row.team.map((t) => t.userId) };
  const relation = relationTo(user, ties);
  if (!can(user, "account:read", relation)) throw new NotFoundError("Account not found");
  if (!can(user, action, relation)) throw new ForbiddenError();
  return { id: row.id, name: row.name, version: row.version, archivedAt: row.archivedAt, relation, ...ties };
}
