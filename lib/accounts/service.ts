import "server-only";
import { cache } from "react";
import { orNotFound } from "@/lib/not-found";
import { prisma, Prisma, readRows } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import { alreadyHolds } from "@/lib/already-saved";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { authorizeAccount, servedTierIdSql, visibleAccountsSql } from "@/lib/accounts/access";
import type { TAccountCreate, TAccountListQuery, TAccountUpdate, TTeamUpdate } from "@/lib/accounts/schema";

const tierSelect = { select: { id: true, name: true, rank: true, isKey: true } } as const;

export const accountListSelect = {
  id: true,
  name: true,
  industry: true,
  region: true,
  stage: true,
  annualRevenue: true,
  archivedAt: true,
  score: true,
  scoredCriteria: true,
  updatedAt: true,
  version: true,
  owner: { select: { id: true, name: true } },
  mentor: { select: { id: true, name: true } },
  computedTier: tierSelect,
  overrideTier: tierSelect,
} satisfies Prisma.AccountSelect;

export const accountDetailSelect = {
  ...accountListSelect,
  annualMargin: true,
  description: true,
  createdAt: true,
  overrideReason: true,
  coverageScore: true,
  team: {
    select: { userId: true, role: true, user: { select: { id: true, name: true, email: true, role: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  },
} satisfies Prisma.AccountSelect;

type TAccountListItem = Prisma.AccountGetPayload<{ select: typeof accountListSelect }>;
type AccountListRow = Omit<TAccountListItem, "annualRevenue"> & { annualRevenue: string };

/** A LIKE pattern that matches `text` anywhere, its own `%`, `_` and backslash taken literally
 * (Prisma's `contains` took a search for "100%" to match "1000 Solar" too). */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The list's sort as SQL over `a` ("Account") and `o` (its owner): ties broken by name, then id. */
function listOrderSql(q: TAccountListQuery): Prisma.Sql {
  const dir = Prisma.raw(q.dir === "desc" ? "DESC" : "ASC");
  switch (q.sort) {
    case "owner":
      return Prisma.sql`o.name ${dir}, a.name ASC, a.id ASC`;
    case "revenue":
      return Prisma.sql`a."annualRevenue" ${dir}, a.id ASC`;
    case "score":
      return Prisma.sql`a.score ${dir} NULLS LAST, a.id ASC`;
    case "tier":
      // Within a tier, the higher score first; accounts without a tier always last.
      return Prisma.sql`a."tierRank" ${dir} NULLS LAST, a.score DESC NULLS LAST, a.name ASC, a.id ASC`;
    default:
      // PostgreSQL's own order for each column (a stage in the pipeline's order, its enum's).
      return Prisma.sql`${Prisma.raw(`a."${q.sort}"`)} ${dir}, a.id ASC`;
  }
}

/** The accounts a list shows: those the caller may see (visibleAccountsSql), filtered, over `a`. */
function accountListWhereSql(user: SessionUser, q: TAccountListQuery): Prisma.Sql {
  const and: Prisma.Sql[] = [visibleAccountsSql(user)];
  if (q.archived === "exclude") and.push(Prisma.sql`a."archivedAt" IS NULL`);
  if (q.archived === "only") and.push(Prisma.sql`a."archivedAt" IS NOT NULL`);
  if (q.q) and.push(Prisma.sql`a.name ILIKE ${containsPattern(q.q)}`);
  if (q.stage) and.push(Prisma.sql`a.stage = ${q.stage}::"Stage"`);
  if (q.ownerId) and.push(Prisma.sql`a."ownerId" = ${q.ownerId}`);
  if (q.industry) and.push(Prisma.sql`a.industry = ${q.industry}`);
  if (q.region) and.push(Prisma.sql`a.region = ${q.region}`);
  if (q.score === "none") and.push(Prisma.sql`a.score IS NULL`);
  else if (typeof q.score === "number") and.push(Prisma.sql`a.score >= ${q.score}`);
  if (q.tierId) and.push(Prisma.sql`${servedTierIdSql} = ${q.tierId}`);
  return Prisma.join(and, " AND ");
}

const tierJson = (alias: string) =>
  Prisma.raw(`CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'rank', ${alias}.rank, 'isKey', ${alias}."isKey") END`);

/**
 * The accounts the caller may see, filtered, sorted and paged, as accountListSelect reads them:
 * the page and the count, each one statement, in parallel (DEVELOPERS.md, "Reads on hot paths").
 * Prisma's findMany and count cost the bench's request 4.2 ms of the server's CPU, these 3.1.
 */
export async function listAccounts(opts: { user: SessionUser; query: TAccountListQuery }) {
  const { user, query } = opts;
  const where = accountListWhereSql(user, query);
  const [rows, [count]] = await Promise.all([
    readRows<AccountListRow>(Prisma.sql`
      SELECT a.id, a.name, a.industry, a.region, a.stage::text AS stage, a."annualRevenue"::text AS "annualRevenue",
             a."archivedAt", a.score, a."scoredCriteria", a."updatedAt", a.version,
             json_build_object('id', o.id, 'name', o.name) AS owner,
             CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object('id', m.id, 'name', m.name) END AS mentor,
             ${tierJson("ct")} AS "computedTier", ${tierJson("ot")} AS "overrideTier"
      FROM "Account" a
      JOIN "User" o ON o.id = a."ownerId"
      LEFT JOIN "User" m ON m.id = a."mentorId"
      LEFT JOIN "Tier" ct ON ct.id = a."computedTierId"
      LEFT JOIN "Tier" ot ON ot.id = a."overrideTierId"
      WHERE ${where}
      ORDER BY ${listOrderSql(query)}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`),
    readRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM "Account" a WHERE ${where}`),
  ]);
  // Money as Prisma reads it (a Decimal, written out without trailing zeros).
  const items: TAccountListItem[] = rows.map((r) => Object.assign(r, { annualRevenue: new Prisma.Decimal(r.annualRevenue) }));
  return { items, total: count.n, page: query.page, pageSize: query.pageSize };
}

export async function getAccount(opts: { user: SessionUser; accountId: string }) {
  const access = await authorizeAccount({ ...opts, action: "account:read" });
  const account = await prisma.account.findUniqueOrThrow({ where: { id: access.id }, select: accountDetailSelect });
  return { ...account, relation: access.relation };
}

/**
 * For server components: `getAccount` once per request, however many of the account's layout,
 * its metadata and its page ask (`user` is the request's own, from `getPageUser`). An account that
 * does not exist or is not the user's renders the not-found page.
 */
export const getPageAccount = cache((user: SessionUser, accountId: string) => orNotFound(getAccount({ user, accountId })));

async function assertUserHasRole(tx: Prisma.TransactionClient, userId: string, roles: string[], field: string) {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
  if (!u || !u.active) throw new ValidationError({ [field]: "No active user with this id" });
  if (!roles.includes(u.role)) throw new ValidationError({ [field]: `Must be a user with role ${roles.join(" or ")}` });
}

const OWNER_ROLES = ["ACCOUNT_MANAGER", "SENIOR_MANAGER", "ADMIN"];
const MENTOR_ROLES = ["MENTOR", "SENIOR_MANAGER"];

export async function createAccount(opts: { user: SessionUser; input: TAccountCreate }) {
  const { user, input } = opts;
  if (!can(user, "account:create")) throw new ForbiddenError();
  const ownerId = input.ownerId ?? user.id;
  // Account managers create accounts for themselves; senior managers may name another owner.
  if (ownerId !== user.id && !can(user, "account:manageTeam", "none")) {
    throw new ForbiddenError("Only a senior manager can create an account for someone else");
  }
  if (input.mentorId && !can(user, "account:assignMentor", "none") && user.role !== "ACCOUNT_MANAGER") {
    throw new ForbiddenError();
  }
  return prisma.$transaction(async (tx) => {
    await assertUserHasRole(tx, ownerId, OWNER_ROLES, "ownerId");
    if (input.mentorId) await assertUserHasRole(tx, input.mentorId, MENTOR_ROLES, "mentorId");
    const account = await tx.account.create({
      data: {
        name: input.name,
        industry: input.industry,
        region: input.region,
        stage: input.stage,
        annualRevenue: input.annualRevenue,
        annualMargin: input.annualMargin,
        description: input.description,
        ownerId,
        mentorId: input.mentorId ?? null,
        team: { create: [{ userId: ownerId, role: "LEAD" }] },
        stageChanges: { create: [{ toStage: input.stage, changedById: user.id, note: "Account created" }] },
      },
      select: accountDetailSelect,
    });
    await recordAudit(tx, { actorId: user.id, action: "account.create", entityType: "Account", entityId: account.id, accountId: account.id, after: account });
    return account;
  });
}

/** Edits with optimistic concurrency: a stale `version` gets 409 with the current account. */
export async function updateAccount(opts: { user: SessionUser; accountId: string; input: TAccountUpdate }) {
  const { user, accountId, input } = opts;
  const access = await authorizeAccount({ user, accountId, action: "account:edit" });
  if (input.ownerId !== undefined && input.ownerId !== access.ownerId && !can(user, "account:manageTeam", access.relation)) {
    throw new ForbiddenError("Only the owner or a senior manager can hand the account over");
  }
  if (input.mentorId !== undefined && input.mentorId !== access.mentorId && !can(user, "account:assignMentor", access.relation) && access.relation !== "owner") {
    throw new ForbiddenError("Only a senior manager can change the mentor");
  }
  return prisma.$transaction(async (tx) => {
    if (input.ownerId) await assertUserHasRole(tx, input.ownerId, OWNER_ROLES, "ownerId");
    if (input.mentorId) await assertUserHasRole(tx, input.mentorId, MENTOR_ROLES, "mentorId");
    const before = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: accountDetailSelect });
    const { version, ...fields } = input;
    const updated = await tx.account.updateMany({
      where: { id: accountId, version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      // Read again: `before` may predate the save that changed the version.
      const current = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: accountDetailSelect });
      if (alreadyHolds({ ...current, ownerId: current.owner.id, mentorId: current.mentor?.id ?? null }, fields)) return current;
      throw new ConflictError("Someone else saved this account after you opened it", current);
    }
    if (fields.stage && fields.stage !== before.stage) {
      await tx.stageChange.create({ data: { accountId, fromStage: before.stage, toStage: fields.stage, changedById: user.id } });
    }
    if (fields.ownerId && fields.ownerId !== before.owner.id) {
      await tx.accountTeamMember.upsert({
        where: { accountId_userId: { accountId, userId: fields.ownerId } },
        create: { accountId, userId: fields.ownerId, role: "LEAD" },
        update: { role: "LEAD" },
      });
    }
    const after = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: accountDetailSelect });
    await recordAudit(tx, { actorId: user.id, action: "account.update", entityType: "Account", entityId: accountId, accountId, before, after });
    return after;
  });
}

/** Archiving keeps the account and its history; it only leaves the default list. */
export async function archiveAccount(opts: { user: SessionUser; accountId: string; restore?: boolean }) {
  const { user, accountId, restore } = opts;
  await authorizeAccount({ user, accountId, action: "account:archive" });
  return prisma.$transaction(async (tx) => {
    const before = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { archivedAt: true, version: true } });
    const after = await tx.account.update({
      where: { id: accountId },
      data: { archivedAt: restore ? null : before.archivedAt ?? new Date(), version: { increment: 1 } },
      select: accountDetailSelect,
    });
    await recordAudit(tx, { actorId: user.id, action: restore ? "account.restore" : "account.archive", entityType: "Account", entityId: accountId, accountId, before, after: { archivedAt: after.archivedAt } });
    return after;
  });
}

/** Replaces the account team. The owner always stays on it, as lead. */
export async function setAccountTeam(opts: { user: SessionUser; accountId: string; input: TTeamUpdate }) {
  const { user, accountId, input } = opts;
  const access = await authorizeAccount({ user, accountId, action: "account:manageTeam" });
  const members = input.members.filter((m) => m.userId !== access.ownerId);
  return prisma.$transaction(async (tx) => {
    const bump = await tx.account.updateMany({ where: { id: accountId, version: input.version }, data: { version: { increment: 1 } } });
    if (bump.count === 0) {
      const current = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: accountDetailSelect });
      throw new ConflictError("Someone else changed this account after you opened it", current);
    }
    const users = await tx.user.findMany({ where: { id: { in: members.map((m) => m.userId) } }, select: { id: true, active: true, role: true } });
    const known = new Map(users.map((u) => [u.id, u]));
    members.forEach((m, i) => {
      const u = known.get(m.userId);
      if (!u || !u.active) throw new ValidationError({ [`members.${i}.userId`]: "No active user with this id" });
      if (u.role === "MENTOR") throw new ValidationError({ [`members.${i}.userId`]: "A mentor reviews the account and is not on its team" });
    });
    const before = await tx.accountTeamMember.findMany({ where: { accountId }, select: { userId: true, role: true } });
    await tx.accountTeamMember.deleteMany({ where: { accountId, userId: { not: access.ownerId } } });
    if (members.length) {
      await tx.accountTeamMember.createMany({ data: members.map((m) => ({ accountId, userId: m.userId, role: m.role })) });
    }
    const after = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: accountDetailSelect });
    await recordAudit(tx, { actorId: user.id, action: "account.team", entityType: "Account", entityId: accountId, accountId, before, after: after.team.map((t) => ({ userId: t.userId, role: t.role })) });
    return after;
  });
}

/** People who can be picked as owner, mentor or team member, for forms and filters. */
export async function listPeople() {
  return prisma.user.findMany({
    where: { active: true },
    select: { id: true, name: true, email: true, role: true },
    orderBy: { name: "asc" },
  });
}

/**
 * The industries and regions of the accounts the caller may see (not archived), each once and in
 * order, for the list's filters: one statement, with an account manager's accounts found by
 * visibleAccountsSql's two index lookups (Prisma's OR of owner and team took 10 to 13 ms a
 * statement for the bench's account manager, twice a page; this, 3.5 ms once).
 */
export async function accountFacets(user: SessionUser): Promise<{ industries: string[]; regions: string[] }> {
  const [row] = await readRows<{ industries: string[]; regions: string[] }>(Prisma.sql`
    SELECT COALESCE(json_agg(DISTINCT a.industry ORDER BY a.industry), '[]') AS industries,
           COALESCE(json_agg(DISTINCT a.region ORDER BY a.region), '[]') AS regions
    FROM "Account" a WHERE a."archivedAt" IS NULL AND ${visibleAccountsSql(user)}`);
  return row;
}

