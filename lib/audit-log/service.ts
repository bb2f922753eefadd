import "server-only";
import { prisma, type Prisma } from "@/lib/db";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/errors";
import type { TAuditQuery } from "@/lib/audit-log/schema";
import { addDays, startOfLocalDay } from "@/lib/days";

/**
 * The audit log, newest first, for administrators. Each event carries the name of its account and
 * of its record (as they are now; a deleted record by the name its event recorded), so the page
 * reads "Account Atlas Aerostructures" or "Contact Henrik Novak" rather than an id.
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
    // From the start of `from` to the end of `to`, days in the server's time zone, the one the log
    // shows its dates in (lib/format displayZone).
    createdAt: {
      gte: query.from ? startOfLocalDay(query.from) : undefined,
      lt: query.to ? startOfLocalDay(addDays(query.to, 1)) : undefined,
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
  const [accounts, names] = await Promise.all([
    accountIds.size ? prisma.account.findMany({ where: { id: { in: [...accountIds] } }, select: { id: true, name: true } }) : [],
    recordNames(items),
  ]);
  const accountName = new Map(accounts.map((a) => [a.id, a.name]));
  const named = items.map((e) => ({
    ...e,
    account: e.accountId ? { id: e.accountId, name: accountName.get(e.accountId) ?? null } : null,
    recordName: (e.entityType === "Account" ? accountName.get(e.entityId) : names.get(`${e.entityType}:${e.entityId}`)) ?? snapshotName(e.after) ?? snapshotName(e.before),
  }));
  const filterAccount = query.accountId ? { id: query.accountId, name: accountName.get(query.accountId) ?? null } : null;
  return { items: named, total, page: query.page, pageSize: query.pageSize, filterAccount, facets: { actions: actions.map((a) => a.action), entityTypes: entityTypes.map((e) => e.entityType) } };
}

/** A name the event itself recorded (a record since deleted has only that). */
function snapshotName(v: unknown): string | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const n = o.name ?? o.title;
  return typeof n === "string" && n ? n : null;
}

/**
 * What the page's records are called now, keyed "Type:id": people, contacts, actions, proposals,
 * plan versions, relationships ("Marco Rossi → Henrik Novak") and financial years, one query per
 * type on the page. Accounts are named by the caller (with the events' accounts).
 */
async function recordNames(items: { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(items.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const lookups: Record<string, (ids: string[]) => Promise<[string, string][]>> = {
    User: async (id) => (await prisma.user.findMany({ where: { id: { in: id } }, select: { id: true, name: true } })).map((r) => [r.id, r.name]),
    Contact: async (id) => (await prisma.contact.findMany({ where: { id: { in: id } }, select: { id: true, name: true } })).map((r) => [r.id, r.name]),
    Action: async (id) => (await prisma.action.findMany({ where: { id: { in: id } }, select: { id: true, title: true } })).map((r) => [r.id, r.title]),
    Proposal: async (id) => (await prisma.proposal.findMany({ where: { id: { in: id } }, select: { id: true, title: true } })).map((r) => [r.id, r.title]),
    PlanVersion: async (id) => (await prisma.planVersion.findMany({ where: { id: { in: id } }, select: { id: true, number: true } })).map((r) => [r.id, `version ${r.number}`]),
    FinancialYear: async (id) => (await prisma.financialYear.findMany({ where: { id: { in: id } }, select: { id: true, year: true } })).map((r) => [r.id, String(r.year)]),
    Relationship: async (id) =>
      (await prisma.relationship.findMany({ where: { id: { in: id } }, select: { id: true, user: { select: { name: true } }, contact: { select: { name: true } } } })).map((r) => [r.id, `${r.user.name} → ${r.contact.name}`]),
  };
  const found = await Promise.all(
    Object.entries(lookups).map(async ([type, lookup]) => {
      const wanted = ids(type);
      return wanted.length ? (await lookup(wanted)).map(([id, name]) => [`${type}:${id}`, name] as const) : [];
    }),
  );
  return new Map(found.flat());
}
