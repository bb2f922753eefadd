import "server-only";
// Reading the relationship map, and keeping the account's cached coverage in step with it.
// Writes live in writes.ts and CSV import/export in csv-service.ts; they share the helpers here.
import { prisma, type Prisma, type Tx } from "@/lib/db";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { authorizeAccount, type AccountAccess } from "@/lib/accounts/access";
import { analyseRelationships, quietDaysFor, type TAnalysis } from "./model";
import type { TContactDetail, TMapContact, TMapRelationship, TMapTeamMember, TRelationshipMap } from "./view";

type Db = typeof prisma | Tx;

// ---------------------------------------------------------------- selects (only what the map draws)

export const mapContactSelect = {
  id: true,
  name: true,
  jobTitle: true,
  department: true,
  site: true,
  seniority: true,
  reportsToId: true,
  decisionRole: true,
  influence: true,
  attitude: true,
  attitudeConfidence: true,
  email: true,
  competitorAffinity: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.ContactSelect;

export const mapRelationshipSelect = {
  id: true,
  userId: true,
  contactId: true,
  strength: true,
  currentLevel: true,
  targetLevel: true,
  frequencyDays: true,
  lastInteractionAt: true,
  notes: true,
  version: true,
} satisfies Prisma.RelationshipSelect;

export const mapLinkSelect = { id: true, fromId: true, toId: true, kind: true, notes: true, version: true } satisfies Prisma.ContactLinkSelect;

type ContactRow = Prisma.ContactGetPayload<{ select: typeof mapContactSelect }>;
type RelationshipRow = Prisma.RelationshipGetPayload<{ select: typeof mapRelationshipSelect }>;

// Fields named, not `{ ...c, updatedAt }`: in Node 20's V8 a spread costs about a microsecond per
// property it adds or replaces, and a map holds 1,000 relationships (DEVELOPERS.md).
export const toContactView = (c: ContactRow): TMapContact => ({
  id: c.id,
  name: c.name,
  jobTitle: c.jobTitle,
  department: c.department,
  site: c.site,
  seniority: c.seniority,
  reportsToId: c.reportsToId,
  decisionRole: c.decisionRole,
  influence: c.influence,
  attitude: c.attitude,
  attitudeConfidence: c.attitudeConfidence,
  email: c.email,
  competitorAffinity: c.competitorAffinity,
  version: c.version,
  updatedAt: c.updatedAt.toISOString(),
});
export const toRelationshipView = (r: RelationshipRow): TMapRelationship => ({
  id: r.id,
  userId: r.userId,
  contactId: r.contactId,
  strength: r.strength,
  currentLevel: r.currentLevel,
  targetLevel: r.targetLevel,
  frequencyDays: r.frequencyDays,
  lastInteractionAt: r.lastInteractionAt ? r.lastInteractionAt.toISOString() : null,
  notes: r.notes,
  version: r.version,
});

// ---------------------------------------------------------------- access

/** The account's team: the owner and the team rows (the owner is always on it). */
export const teamIdsOf = (access: Pick<AccountAccess, "ownerId" | "teamUserIds">) => new Set([access.ownerId, ...access.teamUserIds]);

/** For every write: the account's team may edit its map; an archived account's map is read-only. */
export async function authorizeMapEdit(user: SessionUser, accountId: string): Promise<AccountAccess> {
  const access = await authorizeAccount({ user, accountId, action: "relationship:edit" });
  if (access.archivedAt) throw new ForbiddenError("This account is archived: restore it to change its relationship map");
  return access;
}

/**
 * Serialises map writes on one account (row lock on the account until commit), so the cached
 * coverage computed at the end of each write always sees every earlier write.
 */
export async function lockAccountMap(tx: Tx, accountId: string) {
  await tx.$queryRaw`SELECT id FROM "Account" WHERE id = ${accountId} FOR UPDATE`;
}

// ---------------------------------------------------------------- the cached analysis

async function quietDaysOf(db: Db, accountId: string) {
  const a = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: { overrideTier: { select: { contactEveryDays: true } }, computedTier: { select: { contactEveryDays: true } } },
  });
  return quietDaysFor(a.overrideTier ?? a.computedTier);
}

/** Re-runs the analysis and stores its summary on the account (the dashboard reads it). Call inside the write's transaction. */
export async function refreshAccountCoverage(tx: Tx, access: Pick<AccountAccess, "id" | "ownerId" | "teamUserIds">): Promise<TAnalysis> {
  const accountId = access.id;
  // One connection per transaction: queries run one after another (pg refuses overlapping ones).
  const contacts = await tx.contact.findMany({
    where: { accountId },
    select: { id: true, name: true, jobTitle: true, department: true, site: true, seniority: true, reportsToId: true, decisionRole: true, influence: true, attitude: true, attitudeConfidence: true },
  });
  const relationships = await tx.relationship.findMany({ where: { accountId }, select: { id: true, userId: true, contactId: true, strength: true, currentLevel: true, targetLevel: true, lastInteractionAt: true } });
  const links = await tx.contactLink.findMany({ where: { accountId }, select: { id: true, fromId: true, toId: true, kind: true } });
  const quietAfterDays = await quietDaysOf(tx, accountId);
  const teamMembers = [...teamIdsOf(access)].map((id) => ({ id, name: id }));
  const analysis = analyseRelationships({ contacts, teamMembers, relationships, links, quietAfterDays });
  await tx.account.update({
    where: { id: accountId },
    data: {
      coverageScore: analysis.summary.coverageScore,
      uncoveredDecisionMakers: analysis.summary.uncoveredDecisionMakers,
      singleThreaded: analysis.summary.singleThreaded,
    },
  });
  return analysis;
}

// ---------------------------------------------------------------- reads

/** Everything the Relationships tab draws, in one response: few queries, only the columns it shows. */
export async function getRelationshipMap(opts: { user: SessionUser; accountId: string }): Promise<TRelationshipMap> {
  const { user, accountId } = opts;
  const access = await authorizeAccount({ user, accountId, action: "account:read" });
  const [meta, contacts, relationships, links] = await Promise.all([
    prisma.account.findUniqueOrThrow({
      where: { id: accountId },
      select: {
        owner: { select: { id: true, name: true, email: true } },
        team: { select: { role: true, user: { select: { id: true, name: true, email: true } } }, orderBy: [{ role: "asc" }, { createdAt: "asc" }] },
        overrideTier: { select: { name: true, contactEveryDays: true } },
        computedTier: { select: { name: true, contactEveryDays: true } },
      },
    }),
    prisma.contact.findMany({ where: { accountId }, select: mapContactSelect, orderBy: [{ seniority: "asc" }, { name: "asc" }] }),
    prisma.relationship.findMany({ where: { accountId }, select: mapRelationshipSelect, orderBy: { id: "asc" } }),
    prisma.contactLink.findMany({ where: { accountId }, select: mapLinkSelect, orderBy: { id: "asc" } }),
  ]);

  const teamMembers: TMapTeamMember[] = [];
  const seen = new Set<string>();
  const addMember = (u: { id: string; name: string; email: string }, teamRole: TMapTeamMember["teamRole"]) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    teamMembers.push({ ...u, teamRole, onTeam: teamRole !== "FORMER" });
  };
  addMember(meta.owner, "LEAD");
  for (const t of meta.team) addMember(t.user, t.role);
  // People who left the team keep their recorded relationships visible, but no longer count as cover.
  const formerIds = [...new Set(relationships.map((r) => r.userId).filter((id) => !seen.has(id)))];
  const analysisTeam = teamMembers.map((m) => ({ id: m.id, name: m.name }));
  if (formerIds.length) {
    const former = await prisma.user.findMany({ where: { id: { in: formerIds } }, select: { id: true, name: true, email: true } });
    for (const u of former) addMember(u, "FORMER");
  }

  const tier = meta.overrideTier ?? meta.computedTier;
  const analysis = analyseRelationships({ contacts, teamMembers: analysisTeam, relationships, links, quietAfterDays: quietDaysFor(tier) });
  return {
    account: { id: access.id, name: access.name, tierName: tier?.name ?? null, archived: access.archivedAt !== null },
    permissions: { canEdit: can(user, "relationship:edit", access.relation) && access.archivedAt === null },
    contacts: contacts.map(toContactView),
    teamMembers,
    relationships: relationships.map(toRelationshipView),
    links,
    analysis,
  };
}

/** One person with everything recorded about them, including their former roles. */
export async function getContact(opts: { user: SessionUser; accountId: string; contactId: string }): Promise<TContactDetail> {
  const { user, accountId, contactId } = opts;
  await authorizeAccount({ user, accountId, action: "account:read" });
  const c = await prisma.contact.findFirst({
    where: { id: contactId, accountId },
    select: {
      ...mapContactSelect,
      attitudeEvidence: true,
      businessWin: true,
      personalWin: true,
      notes: true,
      createdAt: true,
      roleHistory: { select: { id: true, jobTitle: true, department: true, changedAt: true, changedById: true }, orderBy: { changedAt: "desc" } },
    },
  });
  if (!c) throw new NotFoundError("Person not found");
  const changers = [...new Set(c.roleHistory.map((h) => h.changedById).filter((x): x is string => !!x))];
  const names = changers.length ? new Map((await prisma.user.findMany({ where: { id: { in: changers } }, select: { id: true, name: true } })).map((u) => [u.id, u.name])) : new Map<string, string>();
  const { roleHistory, createdAt, ...rest } = c;
  return {
    ...toContactView(rest),
    attitudeEvidence: c.attitudeEvidence,
    businessWin: c.businessWin,
    personalWin: c.personalWin,
    notes: c.notes,
    createdAt: createdAt.toISOString(),
    roleHistory: roleHistory.map((h) => ({ id: h.id, jobTitle: h.jobTitle, department: h.department, changedAt: h.changedAt.toISOString(), changedBy: h.changedById ? (names.get(h.changedById) ?? null) : null })),
  };
}
