import "server-only";
import { prisma, type Prisma } from "@/lib/db";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import type { TAuditQuery } from "@/lib/audit-log/schema";

/**
 * The audit log, newest first, for administrators. Each event carries the name of its account and,
 * for users and accounts, of its record (as they are now; archived accounts keep theirs), so the
 * page reads "Account Atlas Aerostructures" rather than an id.
 */
export async function listAuditEvents(opts: { user: SessionUser; query: TAuditQuery }) {
  const { user, query } = opts;
  if (!can(user, "audit:read")) throw new ForbiddenError("Only administrators read the audit log");
  const where: Prisma.AuditEventWhereInput = {
    actorId: query.actorId,
    action: query.action ? { startsWith: query.action } : undefined,
    entityType: query.entityType,
    accountId: query.accountId,
    requestId: query.requestId,
    createdAt: {
      gte: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
      lt: query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 864e5) : undefined,
    },
  };
  const [items, total, actions, entityTypes] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true, action: true, entityType: true, entityId: true, accountId: true, before: true, after: true, requestId: true, createdAt: true, actor: { select: { id: true, name: true } } },
    }),
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    prisma.auditEvent.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  const accountIds = new Set(items.flatMap((e) => [e.accountId, e.entityType === "Account" ? e.entityId : null]).filter((id): id is string => Boolean(id)));
  if (query.accountId) accountIds.add(query.accountId);
  const userIds = [...new Set(items.filter((e) => e.entityType === "User").map((e) => e.entityId))];
  const [accounts, users] = await Promise.all([
    accountIds.size ? prisma.account.findMany({ where: { id: { in: [...accountIds] } }, select: { id: true, name: true } }) : [],
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
  ]);
  const accountName = new Map(accounts.map((a) => [a.id, a.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const named = items.map((e) => ({
    ...e,
    account: e.accountId ? { id: e.accountId, name: accountName.get(e.accountId) ?? null } : null,
    recordName: (e.entityType === "Account" ? accountName.get(e.entityId) : e.entityType === "User" ? userName.get(e.entityId) : undefined) ?? null,
  }));
  const filterAccount = query.accountId ? { id: query.accountId, name: accountName.get(query.accountId) ?? null } : null;
  return { items: named, total, page: query.page, pageSize: query.pageSize, filterAccount, facets: { actions: actions.map((a) => a.action), entityTypes: entityTypes.map((e) => e.entityType) } };
}
