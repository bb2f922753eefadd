import "server-only";
import { prisma, type Prisma } from "@/lib/db";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import type { TAuditQuery } from "@/lib/audit-log/schema";

/** The audit log, newest first, for administrators. */
export async function listAuditEvents(opts: { user: SessionUser; query: TAuditQuery }) {
  const { user, query } = opts;
  if (!can(user, "audit:read")) throw new ForbiddenError("Only administrators read the audit log");
  const where: Prisma.AuditEventWhereInput = {
    actorId: query.actorId,
    action: query.action ? { startsWith: query.action } : undefined,
    entityType: query.entityType,
    accountId: query.accountId,
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
      select: { id: true, action: true, entityType: true, entityId: true, accountId: true, before: true, after: true, createdAt: true, actor: { select: { id: true, name: true } } },
    }),
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    prisma.auditEvent.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize, facets: { actions: actions.map((a) => a.action), entityTypes: entityTypes.map((e) => e.entityType) } };
}
