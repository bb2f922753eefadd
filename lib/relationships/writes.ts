import "server-only";
// Changing the map: the customer's people, our relationships with them, and links among them.
// Every write: the team's right to edit, one transaction with the account's map locked, an
// audit event, optimistic concurrency (409 with the current record), a 422 naming the problem
// with nothing written, and the account's cached coverage brought up to date.
import { prisma, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import { alreadyHolds } from "@/lib/already-saved";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { findReportsToCycle } from "./model";
import type { TContactInput, TContactPatch, TLinkInput, TLinkPatch, TRelationshipInput, TRelationshipPatch } from "./schema";
import { authorizeMapEdit, lockAccountMap, mapContactSelect, mapLinkSelect, mapRelationshipSelect, refreshAccountCoverage, teamIdsOf, toContactView, toRelationshipView } from "./service";
import type { TMapContact, TMapLink, TMapRelationship } from "./view";

const invalid = (field: string, message: string) => new ValidationError({ [field]: message }, message);

// ---------------------------------------------------------------- checks shared by the writes

async function assertEmailFree(tx: Tx, accountId: string, email: string | undefined, exceptId?: string) {
  if (!email) return;
  const twin = await tx.contact.findFirst({ where: { accountId, email, NOT: exceptId ? { id: exceptId } : undefined }, select: { name: true } });
  // Emails identify people in CSV imports, so two people on one account may not share one.
  if (twin) throw invalid("email", `${twin.name} on this account already has this email`);
}

async function assertReportsTo(tx: Tx, accountId: string, contactId: string | null, reportsToId: string | null | undefined) {
  if (!reportsToId) return;
  const line = await tx.contact.findMany({ where: { accountId }, select: { id: true, name: true, reportsToId: true } });
  if (!line.some((c) => c.id === reportsToId)) throw invalid("reportsToId", "The manager must be one of this account's people");
  if (!contactId) return;
  const loop = findReportsToCycle(line, contactId, reportsToId);
  if (loop) {
    const name = new Map(line.map((c) => [c.id, c.name]));
    const names = loop.map((id) => name.get(id) ?? id);
    throw invalid("reportsToId", loop.length === 1 ? "A person cannot report to themselves" : `This would make a reporting loop: ${[...names, names[0]].join(" → ")}`);
  }
}

async function contactOf(tx: Tx, accountId: string, contactId: string, field: string) {
  const c = await tx.contact.findFirst({ where: { id: contactId, accountId }, select: { id: true, name: true } });
  // Unknown and "someone on another account" read the same: neither is a person of this account.
  if (!c) throw invalid(field, "No such person on this account");
  return c;
}

// ---------------------------------------------------------------- people

export async function createContact(opts: { user: SessionUser; accountId: string; input: TContactInput }): Promise<TMapContact> {
  const { user, accountId, input } = opts;
  const access = await authorizeMapEdit(user, accountId);
  return prisma.$transaction(async (tx) => {
    await lockAccountMap(tx, accountId);
    await assertEmailFree(tx, accountId, input.email);
    await assertReportsTo(tx, accountId, null, input.reportsToId);
    const created = await tx.contact.create({ data: { ...input, accountId }, select: mapContactSelect });
    const view = toContactView(created);
    await recordAudit(tx, { actorId: user.id, action: "contact.create", entityType: "Contact", entityId: created.id, accountId, after: { ...input, id: created.id } });
    await refreshAccountCoverage(tx, access);
    return view;
  });
}

async function currentContact(accountId: string, contactId: string) {
  const c = await prisma.contact.findFirst({ where: { id: contactId, accountId }, select: mapContactSelect });
  return c ? toContactView(c) : null;
}

/** Edits a person; a change of job title or department keeps the former role in their history. */
export async function updateContact(opts: { user: SessionUser; accountId: string; contactId: string; input: TContactPatch }): Promise<TMapContact> {
  const { user, accountId, contactId, input } = opts;
  const access = await authorizeMapEdit(user, accountId);
  const { version, ...changes } = input;
  try {
    return await prisma.$transaction(async (tx) => {
      await lockAccountMap(tx, accountId);
      const before = await tx.contact.findFirst({ where: { id: contactId, accountId } });
      if (!before) throw new NotFoundError("Person not found");
      if (before.version !== version) {
        // Already says this (a save sent again after its answer was lost): nothing to write.
        if (alreadyHolds(before, changes)) return toContactView(await tx.contact.findUniqueOrThrow({ where: { id: contactId }, select: mapContactSelect }));
        throw new ConflictError("Someone else changed this person since you opened it");
      }
      if (changes.email !== undefined) await assertEmailFree(tx, accountId, changes.email, contactId);
      if (changes.reportsToId !== undefined) await assertReportsTo(tx, accountId, contactId, changes.reportsToId);
      const titleChanged = changes.jobTitle !== undefined && changes.jobTitle !== before.jobTitle;
      const deptChanged = changes.department !== undefined && changes.department !== before.department;
      if ((titleChanged || deptChanged) && (before.jobTitle || before.department)) {
        await tx.contactRoleChange.create({ data: { contactId, jobTitle: before.jobTitle, department: before.department, changedById: user.id } });
      }
      const updated = await tx.contact.updateMany({ where: { id: contactId, version }, data: { ...changes, version: { increment: 1 } } });
      if (updated.count === 0) throw new ConflictError("Someone else changed this person since you opened it");
      const after = await tx.contact.findUniqueOrThrow({ where: { id: contactId }, select: mapContactSelect });
      const changedBefore = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]]));
      await recordAudit(tx, { actorId: user.id, action: "contact.update", entityType: "Contact", entityId: contactId, accountId, before: changedBefore, after: changes });
      await refreshAccountCoverage(tx, access);
      return toContactView(after);
    });
  } catch (e) {
    if (e instanceof ConflictError) throw new ConflictError(e.message, await currentContact(accountId, contactId));
    throw e;
  }
}

/** Removes a person with their relationships and links; the audit event keeps what was removed. */
export async function deleteContact(opts: { user: SessionUser; accountId: string; contactId: string; version?: number }): Promise<{ id: string }> {
  const { user, accountId, contactId, version } = opts;
  const access = await authorizeMapEdit(user, accountId);
  try {
    return await prisma.$transaction(async (tx) => {
      await lockAccountMap(tx, accountId);
      const before = await tx.contact.findFirst({
        where: { id: contactId, accountId },
        include: { relationships: { select: mapRelationshipSelect }, linksFrom: { select: mapLinkSelect }, linksTo: { select: mapLinkSelect } },
      });
      if (!before) throw new NotFoundError("Person not found");
      if (version !== undefined && before.version !== version) throw new ConflictError("Someone else changed this person since you opened it");
      await tx.contact.delete({ where: { id: contactId } });
      await recordAudit(tx, { actorId: user.id, action: "contact.delete", entityType: "Contact", entityId: contactId, accountId, before });
      await refreshAccountCoverage(tx, access);
      return { id: contactId };
    });
  } catch (e) {
    if (e instanceof ConflictError) throw new ConflictError(e.message, await currentContact(accountId, contactId));
    throw e;
  }
}

// ---------------------------------------------------------------- relationships

export async function createRelationship(opts: { user: SessionUser; accountId: string; input: TRelationshipInput }): Promise<TMapRelationship> {
  const { user, accountId, input } = opts;
  const access = await authorizeMapEdit(user, accountId);
  if (!teamIdsOf(access).has(input.userId)) throw invalid("userId", "Only people on this account's team can hold its relationships");
  return prisma.$transaction(async (tx) => {
    await lockAccountMap(tx, accountId);
    const contact = await contactOf(tx, accountId, input.contactId, "contactId");
    const twin = await tx.relationship.findUnique({ where: { userId_contactId: { userId: input.userId, contactId: input.contactId } }, select: { id: true } });
    if (twin) throw invalid("contactId", `This team member already has a relationship with ${contact.name}: edit that one instead`);
    const created = await tx.relationship.create({ data: { ...input, accountId }, select: mapRelationshipSelect });
    const view = toRelationshipView(created);
    await recordAudit(tx, { actorId: user.id, action: "relationship.create", entityType: "Relationship", entityId: created.id, accountId, after: view });
    await refreshAccountCoverage(tx, access);
    return view;
  });
}

async function currentRelationship(accountId: string, relationshipId: string) {
  const r = await prisma.relationship.findFirst({ where: { id: relationshipId, accountId }, select: mapRelationshipSelect });
  return r ? toRelationshipView(r) : null;
}

export async function updateRelationship(opts: { user: SessionUser; accountId: string; relationshipId: string; input: TRelationshipPatch }): Promise<TMapRelationship> {
  const { user, accountId, relationshipId, input } = opts;
  const access = await authorizeMapEdit(user, accountId);
  const { version, ...changes } = input;
  try {
    return await prisma.$transaction(async (tx) => {
      await lockAccountMap(tx, accountId);
      const before = await tx.relationship.findFirst({ where: { id: relationshipId, accountId }, select: mapRelationshipSelect });
      if (!before) throw new NotFoundError("Relationship not found");
      if (before.version !== version && alreadyHolds(before, changes)) return toRelationshipView(before);
      const updated = await tx.relationship.updateMany({ where: { id: relationshipId, version }, data: { ...changes, version: { increment: 1 } } });
      if (updated.count === 0) throw new ConflictError("Someone else changed this relationship since you opened it");
      const after = toRelationshipView(await tx.relationship.findUniqueOrThrow({ where: { id: relationshipId }, select: mapRelationshipSelect }));
      await recordAudit(tx, { actorId: user.id, action: "relationship.update", entityType: "Relationship", entityId: relationshipId, accountId, before: toRelationshipView(before), after });
      await refreshAccountCoverage(tx, access);
      return after;
    });
  } catch (e) {
    if (e instanceof ConflictError) throw new ConflictError(e.message, await currentRelationship(accountId, relationshipId));
    throw e;
  }
}

export async function deleteRelationship(opts: { user: SessionUser; accountId: string; relationshipId: string; version?: number }): Promise<{ id: string }> {
  const { user, accountId, relationshipId, version } = opts;
  const access = await authorizeMapEdit(user, accountId);
  try {
    return await prisma.$transaction(async (tx) => {
      await lockAccountMap(tx, accountId);
      const before = await tx.relationship.findFirst({ where: { id: relationshipId, accountId }, select: mapRelationshipSelect });
      if (!before) throw new NotFoundError("Relationship not found");
      if (version !== undefined && before.version !== version) throw new ConflictError("Someone else changed this relationship since you opened it");
      await tx.relationship.delete({ where: { id: relationshipId } });
      await recordAudit(tx, { actorId: user.id, action: "relationship.delete", entityType: "Relationship", entityId: relationshipId, accountId, before: toRelationshipView(before) });
      await refreshAccountCoverage(tx, access);
      return { id: relationshipId };
    });
  } catch (e) {
    if (e instanceof ConflictError) throw new ConflictError(e.message, await currentRelationship(accountId, relationshipId));
    throw e;
  }
}

// ---------------------------------------------------------------- links among their people
// Links do not change the cached summary (coverage, decision makers, single threads): no refresh.

export async function createLink(opts: { user: SessionUser; accountId: string; input: TLinkInput }): Promise<TMapLink> {
  const { user, accountId, input } = opts;
  await authorizeMapEdit(user, accountId);
  return prisma.$transaction(async (tx) => {
    await lockAccountMap(tx, accountId);
    const from = await contactOf(tx, accountId, input.fromId, "fromId");
    const to = await contactOf(tx, accountId, input.toId, "toId");
    const twin = await tx.contactLink.findUnique({ where: { fromId_toId_kind: { fromId: input.fromId, toId: input.toId, kind: input.kind } }, select: { id: true } });
    if (twin) throw invalid("toId", `${from.name} → ${to.name} is already recorded`);
    const created = await tx.contactLink.create({ data: { ...input, accountId }, select: mapLinkSelect });
    await recordAudit(tx, { actorId: user.id, action: "link.create", entityType: "ContactLink", entityId: created.id, accountId, after: created });
    return created;
  });
}

export async function updateLink(opts: { user: SessionUser; accountId: string; linkId: string; input: TLinkPatch }): Promise<TMapLink> {
  const { user, accountId, linkId, input } = opts;
  await authorizeMapEdit(user, accountId);
  const { version, ...changes } = input;
  const current = () => prisma.contactLink.findFirst({ where: { id: linkId, accountId }, select: mapLinkSelect });
  try {
    return await prisma.$transaction(async (tx) => {
      await lockAccountMap(tx, accountId);
      const before = await tx.contactLink.findFirst({ where: { id: linkId, accountId }, select: mapLinkSelect });
      if (!before) throw new NotFoundError("Link not found");
      if (before.version !== version && alreadyHolds(before, changes)) return before;
      if (changes.kind && changes.kind !== before.kind) {
        const twin = await tx.contactLink.findUnique({ where: { fromId_toId_kind: { fromId: before.fromId, toId: before.toId, kind: changes.kind } }, select: { id: true } });
        if (twin) throw invalid("kind", "That link is already recorded");
      }
      const updated = await tx.contactLink.updateMany({ where: { id: linkId, version }, data: { ...changes, version: { increment: 1 } } });
      if (updated.count === 0) throw new ConflictError("Someone else changed this link since you opened it");
      const after = await tx.contactLink.findUniqueOrThrow({ where: { id: linkId }, select: mapLinkSelect });
      await recordAudit(tx, { actorId: user.id, action: "link.update", entityType: "ContactLink", entityId: linkId, accountId, before, after });
      return after;
    });
  } catch (e) {
    if (e instanceof ConflictError) throw new ConflictError(e.message, await current());
    throw e;
  }
}

export async function deleteLink(opts: { user: SessionUser; accountId: string; linkId: string; version?: number }): Promise<{ id: string }> {
  const { user, accountId, linkId, version } = opts;
  await authorizeMapEdit(user, accountId);
  return prisma.$transaction(async (tx) => {
    await lockAccountMap(tx, accountId);
    const before = await tx.contactLink.findFirst({ where: { id: linkId, accountId }, select: mapLinkSelect });
    if (!before) throw new NotFoundError("Link not found");
    if (version !== undefined && before.version !== version) throw new ConflictError("Someone else changed this link since you opened it", before);
    await tx.contactLink.delete({ where: { id: linkId } });
    await recordAudit(tx, { actorId: user.id, action: "link.delete", entityType: "ContactLink", entityId: linkId, accountId, before });
    return { id: linkId };
  });
}
