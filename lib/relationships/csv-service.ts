import "server-only";
// CSV import and export of people and relationships. An import is validated twice: for the
// preview, and again inside the write's transaction (the map may have changed in between).
// A file with any invalid row imports nothing unless the person chose to skip those rows.
import { randomUUID } from "node:crypto";
import { prisma, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { authorizeAccount } from "@/lib/accounts/access";
import { exportPeopleCsv, exportRelationshipsCsv } from "./csv";
import { validatePeopleCsv, validateRelationshipsCsv, type ImportReport, type PeopleRowResult, type RelationshipRowResult, type RowError, type RowStatus } from "./csv-import";
import type { TCsvImport } from "./schema";
import type { TImportOutcome } from "./view";
import { authorizeMapEdit, lockAccountMap, refreshAccountCoverage, teamIdsOf } from "./service";

const outcome = <R extends { row: number; status: RowStatus; errors: RowError[] }>(report: ImportReport<R>, mode: TImportOutcome["mode"], label: (r: R) => string): TImportOutcome => ({
  kind: report.kind,
  mode,
  fileErrors: report.fileErrors,
  unknownColumns: report.unknownColumns,
  counts: report.counts,
  rows: report.rows.map((r) => ({ row: r.row, status: r.status, label: label(r), errors: r.errors })),
  imported: null,
});

/** A commit that finds errors refuses the whole file, naming each problem by row and column. */
function refuse(report: ImportReport<{ row: number; errors: RowError[] }>): never {
  if (report.fileErrors.length) throw new ValidationError({ csv: report.fileErrors.join(" ") }, report.fileErrors[0]);
  const fields: Record<string, string> = {};
  for (const r of report.rows) for (const e of r.errors) fields[`row ${r.row}.${e.column}`] ??= e.message;
  const bad = report.rows.filter((r) => r.errors.length).length;
  throw new ValidationError(fields, `${bad} row${bad === 1 ? " has" : "s have"} errors: nothing was imported`);
}

const existingPeople = (db: Tx | typeof prisma, accountId: string) =>
  db.contact.findMany({ where: { accountId }, select: { id: true, name: true, email: true, reportsToId: true, jobTitle: true, department: true } });

// ---------------------------------------------------------------- people

export async function importPeople(opts: { user: SessionUser; accountId: string; input: TCsvImport }): Promise<TImportOutcome> {
  const { user, accountId, input } = opts;
  const access = await authorizeMapEdit(user, accountId);
  const label = (r: PeopleRowResult) => r.name;
  if (input.mode === "preview") {
    return outcome(validatePeopleCsv(input.csv, { existing: await existingPeople(prisma, accountId) }), "preview", label);
  }
  return prisma.$transaction(
    async (tx) => {
      await lockAccountMap(tx, accountId);
      const existing = await existingPeople(tx, accountId);
      const report = validatePeopleCsv(input.csv, { existing });
      if (report.fileErrors.length || (report.counts.error > 0 && !input.skipInvalidRows)) refuse(report);
      const rows = report.rows.filter((r) => r.status !== "error");
      const before = new Map(existing.map((c) => [c.id, c]));
      const idOfRow = new Map<number, string>();
      for (const r of rows) idOfRow.set(r.row, r.contactId ?? `c${randomUUID().replace(/-/g, "").slice(0, 24)}`);
      const managerOf = (r: PeopleRowResult) => (r.reportsTo === undefined ? undefined : r.reportsTo.kind === "none" ? null : r.reportsTo.kind === "existing" ? r.reportsTo.id : idOfRow.get(r.reportsTo.row)!);

      const creates = rows.filter((r) => r.status === "create");
      if (creates.length) {
        // Managers are set in a second step: a new person may report to another new person.
        await tx.contact.createMany({ data: creates.map((r) => ({ ...r.data, name: r.data.name ?? r.name, id: idOfRow.get(r.row)!, accountId })) });
      }
      const roleChanges: { contactId: string; jobTitle: string; department: string; changedById: string }[] = [];
      for (const r of rows.filter((x) => x.status === "update")) {
        const old = before.get(r.contactId!)!;
        const moved = (r.data.jobTitle !== undefined && r.data.jobTitle !== old.jobTitle) || (r.data.department !== undefined && r.data.department !== old.department);
        if (moved && (old.jobTitle || old.department)) roleChanges.push({ contactId: old.id, jobTitle: old.jobTitle, department: old.department, changedById: user.id });
        await tx.contact.update({ where: { id: old.id }, data: { ...r.data, version: { increment: 1 } } });
      }
      if (roleChanges.length) await tx.contactRoleChange.createMany({ data: roleChanges });
      const byManager = new Map<string | null, string[]>();
      for (const r of rows) {
        const m = managerOf(r);
        if (m === undefined) continue;
        const id = idOfRow.get(r.row)!;
        if (r.status === "update" && before.get(id)!.reportsToId === m) continue;
        if (r.status === "create" && m === null) continue;
        byManager.set(m, [...(byManager.get(m) ?? []), id]);
      }
      for (const [reportsToId, ids] of byManager) await tx.contact.updateMany({ where: { id: { in: ids } }, data: { reportsToId } });

      const imported = { created: creates.length, updated: rows.length - creates.length, skipped: report.counts.error };
      await recordAudit(tx, {
        actorId: user.id,
        action: "contacts.import",
        entityType: "Account",
        entityId: accountId,
        accountId,
        after: { ...imported, createdIds: creates.map((r) => idOfRow.get(r.row)), updatedIds: rows.filter((r) => r.status === "update").map((r) => r.contactId) },
      });
      await refreshAccountCoverage(tx, access);
      return { ...outcome(report, "commit", label), imported };
    },
    { timeout: 60_000 },
  );
}

// ---------------------------------------------------------------- relationships

async function relationshipContext(db: Tx | typeof prisma, accountId: string, teamIds: string[]) {
  // Sequential: inside a transaction the queries share one connection.
  const contacts = await db.contact.findMany({ where: { accountId }, select: { id: true, name: true, email: true, reportsToId: true } });
  const team = await db.user.findMany({ where: { id: { in: teamIds } }, select: { id: true, email: true, name: true } });
  const existing = await db.relationship.findMany({ where: { accountId }, select: { id: true, userId: true, contactId: true } });
  return { contacts, team, existing };
}

export async function importRelationships(opts: { user: SessionUser; accountId: string; input: TCsvImport }): Promise<TImportOutcome> {
  const { user, accountId, input } = opts;
  const access = await authorizeMapEdit(user, accountId);
  const teamIds = [...teamIdsOf(access)];
  const label = (r: RelationshipRowResult) => r.label;
  if (input.mode === "preview") {
    return outcome(validateRelationshipsCsv(input.csv, await relationshipContext(prisma, accountId, teamIds)), "preview", label);
  }
  return prisma.$transaction(
    async (tx) => {
      await lockAccountMap(tx, accountId);
      const report = validateRelationshipsCsv(input.csv, await relationshipContext(tx, accountId, teamIds));
      if (report.fileErrors.length || (report.counts.error > 0 && !input.skipInvalidRows)) refuse(report);
      const rows = report.rows.filter((r) => r.status !== "error");
      const creates = rows.filter((r) => r.status === "create");
      if (creates.length) {
        await tx.relationship.createMany({ data: creates.map((r) => ({ strength: 1, ...r.data, userId: r.userId!, contactId: r.contactId!, accountId })) });
      }
      const updates = rows.filter((r) => r.status === "update");
      for (const r of updates) await tx.relationship.update({ where: { id: r.relationshipId! }, data: { ...r.data, version: { increment: 1 } } });
      const imported = { created: creates.length, updated: updates.length, skipped: report.counts.error };
      await recordAudit(tx, { actorId: user.id, action: "relationships.import", entityType: "Account", entityId: accountId, accountId, after: { ...imported, updatedIds: updates.map((r) => r.relationshipId) } });
      await refreshAccountCoverage(tx, access);
      return { ...outcome(report, "commit", label), imported };
    },
    { timeout: 60_000 },
  );
}

// ---------------------------------------------------------------- export

export async function exportPeople(opts: { user: SessionUser; accountId: string }): Promise<{ filename: string; csv: string }> {
  const access = await authorizeAccount({ ...opts, action: "account:read" });
  const contacts = await prisma.contact.findMany({
    where: { accountId: access.id },
    orderBy: [{ seniority: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      jobTitle: true,
      department: true,
      site: true,
      seniority: true,
      reportsToId: true,
      decisionRole: true,
      influence: true,
      attitude: true,
      attitudeConfidence: true,
      attitudeEvidence: true,
      competitorAffinity: true,
      businessWin: true,
      personalWin: true,
      notes: true,
    },
  });
  return { filename: `${slug(access.name)}-people.csv`, csv: exportPeopleCsv(contacts) };
}

export async function exportRelationships(opts: { user: SessionUser; accountId: string }): Promise<{ filename: string; csv: string }> {
  const access = await authorizeAccount({ ...opts, action: "account:read" });
  const [relationships, contacts] = await Promise.all([
    prisma.relationship.findMany({
      where: { accountId: access.id },
      select: { userId: true, contactId: true, strength: true, currentLevel: true, targetLevel: true, frequencyDays: true, lastInteractionAt: true, notes: true },
      orderBy: [{ contact: { name: "asc" } }, { strength: "desc" }],
    }),
    prisma.contact.findMany({ where: { accountId: access.id }, select: { id: true, name: true, email: true } }),
  ]);
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(relationships.map((r) => r.userId))] } }, select: { id: true, email: true } });
  return { filename: `${slug(access.name)}-relationships.csv`, csv: exportRelationshipsCsv(relationships, contacts, users) };
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "account";
