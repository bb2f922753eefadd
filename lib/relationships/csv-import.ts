// Row-by-row validation of a CSV import of people or relationships, against what the account
// already holds. Pure: the service runs it for the preview and again, inside the write's
// transaction, before committing. A row either creates, updates (the person or relationship
// already exists) or has errors that name the column and the problem.
//
// Columns present in the file are applied (an empty cell clears the field); columns absent from
// the file leave an existing record's value alone, so a partial sheet never wipes data.
import type { z, ZodError } from "zod";
import { findReportsToCycle } from "./model";
import { attitudeFromCell, decisionRoleFromCell, levelFromCell, parseCsv, type CsvRow } from "./csv";
import { ZContactInput, ZRelationshipInput, type TContactInput, type TRelationshipInput, type TCsvKind } from "./schema";

export type RowError = { column: string; message: string };
export type RowStatus = "create" | "update" | "error";

type ContactData = Omit<TContactInput, "reportsToId">;
/** The manager of an imported person: an existing person, another row of the file, or nobody. */
export type ReportsToRef = { kind: "existing"; id: string } | { kind: "row"; row: number } | { kind: "none" };

export type PeopleRowResult = {
  row: number;
  status: RowStatus;
  name: string;
  /** The existing person this row updates. */
  contactId?: string;
  /** Only the fields the file carries (see the header comment). */
  data: Partial<ContactData>;
  /** Undefined when the file has no reports_to column. */
  reportsTo?: ReportsToRef;
  errors: RowError[];
};

export type RelationshipRowResult = {
  row: number;
  status: RowStatus;
  label: string;
  userId?: string;
  contactId?: string;
  /** The existing relationship this row updates. */
  relationshipId?: string;
  data: Partial<Omit<TRelationshipInput, "userId" | "contactId">>;
  errors: RowError[];
};

export type ImportReport<R> = { kind: TCsvKind; fileErrors: string[]; unknownColumns: string[]; rows: R[]; counts: { create: number; update: number; error: number } };

export type ExistingContact = { id: string; name: string; email: string; reportsToId: string | null };
export type TeamUser = { id: string; email: string; name: string };
export type ExistingRelationship = { id: string; userId: string; contactId: string };

// ---------------------------------------------------------------- shared helpers

const key = (s: string) => s.trim().toLowerCase();

/** Finds people by email (exact) or name (case-insensitive); several with one name is ambiguous. */
class PeopleIndex<T extends { name: string; email: string }> {
  private byEmail = new Map<string, T>();
  private byName = new Map<string, T[]>();
  constructor(items: Iterable<T>) {
    for (const it of items) this.add(it);
  }
  add(it: T) {
    if (it.email) this.byEmail.set(key(it.email), it);
    const list = this.byName.get(key(it.name));
    if (list) list.push(it);
    else this.byName.set(key(it.name), [it]);
  }
  find(ref: string): { found?: T; ambiguous?: boolean } {
    const k = key(ref);
    const viaEmail = this.byEmail.get(k);
    if (viaEmail) return { found: viaEmail };
    const named = this.byName.get(k) ?? [];
    if (named.length > 1) return { ambiguous: true };
    return { found: named[0] };
  }
}

function count<R extends { status: RowStatus }>(rows: R[]) {
  const counts = { create: 0, update: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}

function zodRowErrors(error: ZodError, columnOf: Record<string, string>): RowError[] {
  return error.issues.map((i) => ({ column: columnOf[String(i.path[0])] ?? String(i.path[0] ?? "row"), message: i.message }));
}

/** Numbers from a cell: "" means "not given"; anything else must be a number (Zod then checks the range). */
const numberCell = (v: string) => (v === "" ? undefined : Number.isFinite(Number(v)) ? Number(v) : v);

// ---------------------------------------------------------------- people

const PEOPLE_FIELD_COLUMN: Record<string, string> = {
  name: "name",
  email: "email",
  jobTitle: "job_title",
  department: "department",
  site: "site",
  seniority: "seniority",
  decisionRole: "decision_role",
  influence: "influence",
  attitude: "attitude",
  attitudeConfidence: "attitude_confidence",
  attitudeEvidence: "attitude_evidence",
  competitorAffinity: "competitor_affinity",
  businessWin: "business_win",
  personalWin: "personal_win",
  notes: "notes",
};
const COLUMN_TO_FIELD = Object.fromEntries(Object.entries(PEOPLE_FIELD_COLUMN).map(([f, c]) => [c, f]));

function peopleRaw(values: Record<string, string>, errors: RowError[]) {
  const raw: Record<string, unknown> = {};
  for (const [column, v] of Object.entries(values)) {
    const field = COLUMN_TO_FIELD[column];
    if (!field) continue;
    if (field === "seniority" || field === "influence" || field === "attitudeConfidence") {
      const n = numberCell(v);
      if (n !== undefined) raw[field] = n;
    } else if (field === "decisionRole") {
      if (v === "") raw.decisionRole = null;
      else {
        const role = decisionRoleFromCell(v);
        if (role) raw.decisionRole = role;
        else errors.push({ column, message: `"${v}" is not a decision role (economic buyer, influencer, user, technical evaluator, gatekeeper, coach)` });
      }
    } else if (field === "attitude") {
      if (v !== "") {
        const a = attitudeFromCell(v);
        if (a) raw.attitude = a;
        else errors.push({ column, message: `"${v}" is not an attitude (opponent, sceptic, neutral, supporter, champion)` });
      }
    } else raw[field] = v;
  }
  return raw;
}

export function validatePeopleCsv(text: string, ctx: { existing: readonly ExistingContact[] }): ImportReport<PeopleRowResult> {
  const parsed = parseCsv(text, "people");
  if (parsed.fileErrors.length) return { kind: "people", fileErrors: parsed.fileErrors, unknownColumns: parsed.unknownColumns, rows: [], counts: { create: 0, update: 0, error: 0 } };
  const hasReportsTo = parsed.columns.includes("reports_to");
  const existing = new PeopleIndex(ctx.existing);
  const results: PeopleRowResult[] = [];

  // Pass 1: fields, identity, duplicates within the file.
  type FileEntry = { name: string; email: string; row: number };
  const inFile = new PeopleIndex<FileEntry>([]);
  const emails = new Map<number, string>();
  for (const r of parsed.rows) {
    const errors: RowError[] = [];
    const raw = peopleRaw(r.values, errors);
    const parsedRow = ZContactInput.safeParse({ ...raw, reportsToId: null });
    if (!parsedRow.success) errors.push(...zodRowErrors(parsedRow.error, PEOPLE_FIELD_COLUMN));
    const name = String(r.values.name ?? "").trim();
    const email = parsedRow.success ? parsedRow.data.email : key(String(r.values.email ?? ""));
    emails.set(r.row, email);
    let contactId: string | undefined;
    if (name) {
      // The same email is the same person; without one (or for someone recorded without an
      // email), the same name is.
      const viaEmail = email ? existing.find(email).found : undefined;
      const viaName = viaEmail ? {} : existing.find(name);
      if (viaEmail) contactId = viaEmail.id;
      else if (viaName.ambiguous) errors.push({ column: "name", message: `Several people on this account are called "${name}": add their email to say which one` });
      else if (viaName.found && (!email || !viaName.found.email)) contactId = viaName.found.id;
      const twin = email ? inFile.find(email).found : inFile.find(name).found;
      if (twin && (email ? key(twin.email) === email : !twin.email)) errors.push({ column: email ? "email" : "name", message: `Same person as row ${twin.row}` });
      else inFile.add({ name, email, row: r.row });
    }
    const data: Partial<ContactData> = {};
    if (parsedRow.success) {
      for (const column of Object.keys(r.values)) {
        const field = COLUMN_TO_FIELD[column] as keyof ContactData | undefined;
        if (field) (data as Record<string, unknown>)[field] = parsedRow.data[field];
      }
    }
    results.push({ row: r.row, status: errors.length ? "error" : contactId ? "update" : "create", name: name || "(no name)", contactId, data, errors });
  }

  // Pass 2: resolve reports_to against the file first (it is the newer truth), then the account.
  if (hasReportsTo) {
    const fileIndex = new PeopleIndex(results.filter((r) => r.name !== "(no name)").map((r) => ({ name: r.name, email: emails.get(r.row) ?? "", row: r.row })));
    parsed.rows.forEach((r, i) => {
      const res = results[i];
      const ref = r.values.reports_to ?? "";
      if (ref === "") return void (res.reportsTo = { kind: "none" });
      const f = fileIndex.find(ref);
      if (f.ambiguous) return fail(res, "reports_to", `Several rows are called "${ref}": use their email`);
      if (f.found) {
        if (f.found.row === res.row) return fail(res, "reports_to", "A person cannot report to themselves");
        const target = results.find((x) => x.row === f.found!.row)!;
        res.reportsTo = target.contactId ? { kind: "existing", id: target.contactId } : { kind: "row", row: target.row };
        return;
      }
      const e = existing.find(ref);
      if (e.ambiguous) return fail(res, "reports_to", `Several people on this account are called "${ref}": use their email`);
      if (!e.found) return fail(res, "reports_to", `Nobody called "${ref}" on this account or in this file`);
      if (e.found.id === res.contactId) return fail(res, "reports_to", "A person cannot report to themselves");
      res.reportsTo = { kind: "existing", id: e.found.id };
    });
  }

  // Pass 3, until nothing changes: a row that depends on a row with errors fails too (so skipping
  // rows never leaves a dangling manager), and a reports-to loop fails every row that closes it.
  const rowByNumber = new Map(results.map((r) => [r.row, r]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of results) {
      if (r.status !== "error" && r.reportsTo?.kind === "row" && rowByNumber.get(r.reportsTo.row)!.status === "error") {
        changed = fail(r, "reports_to", `Reports to row ${r.reportsTo.row}, which has errors`) || changed;
      }
    }
    const nodeOf = (r: PeopleRowResult) => r.contactId ?? `row:${r.row}`;
    const line = new Map<string, string | null>(ctx.existing.map((c) => [c.id, c.reportsToId]));
    for (const r of results) {
      if (r.status === "error") continue;
      const node = nodeOf(r);
      const ref = r.reportsTo;
      const parent = ref === undefined ? (line.get(node) ?? null) : ref.kind === "none" ? null : ref.kind === "existing" ? ref.id : nodeOf(rowByNumber.get(ref.row)!);
      line.set(node, parent);
    }
    const graph = [...line].map(([id, reportsToId]) => ({ id, reportsToId }));
    for (const r of results) {
      if (r.status === "error" || !r.reportsTo || r.reportsTo.kind === "none") continue;
      const node = nodeOf(r);
      const loop = findReportsToCycle(graph, node, line.get(node) ?? null);
      if (loop) {
        const names = loop.map((n) => nameOf(n, results, ctx.existing));
        changed = fail(r, "reports_to", `This would make a reporting loop: ${[...names, names[0]].join(" → ")}`) || changed;
      }
    }
  }
  return { kind: "people", fileErrors: [], unknownColumns: parsed.unknownColumns, rows: results, counts: count(results) };
}

function nameOf(node: string, rows: PeopleRowResult[], existing: readonly ExistingContact[]) {
  if (node.startsWith("row:")) return rows.find((r) => r.row === Number(node.slice(4)))?.name ?? node;
  return rows.find((r) => r.contactId === node)?.name ?? existing.find((c) => c.id === node)?.name ?? node;
}

/** Marks a row as failed; returns whether its status changed. */
function fail(r: { status: RowStatus; errors: RowError[] }, column: string, message: string): boolean {
  r.errors.push({ column, message });
  const changed = r.status !== "error";
  r.status = "error";
  return changed;
}

// ---------------------------------------------------------------- relationships

const REL_FIELD_COLUMN: Record<string, string> = {
  strength: "strength",
  currentLevel: "current_level",
  targetLevel: "target_level",
  frequencyDays: "frequency_days",
  lastInteractionAt: "last_interaction",
  notes: "notes",
  userId: "team_member_email",
  contactId: "person",
};
const REL_COLUMN_TO_FIELD = Object.fromEntries(Object.entries(REL_FIELD_COLUMN).map(([f, c]) => [c, f]));

export function validateRelationshipsCsv(
  text: string,
  ctx: { contacts: readonly ExistingContact[]; team: readonly TeamUser[]; existing: readonly ExistingRelationship[] },
): ImportReport<RelationshipRowResult> {
  const parsed = parseCsv(text, "relationships");
  if (parsed.fileErrors.length) return { kind: "relationships", fileErrors: parsed.fileErrors, unknownColumns: parsed.unknownColumns, rows: [], counts: { create: 0, update: 0, error: 0 } };
  const people = new PeopleIndex(ctx.contacts);
  const teamByEmail = new Map(ctx.team.map((u) => [key(u.email), u]));
  const existingByPair = new Map(ctx.existing.map((r) => [`${r.userId}:${r.contactId}`, r.id]));
  const seenPairs = new Map<string, number>();
  const rows = parsed.rows.map((r: CsvRow): RelationshipRowResult => {
    const errors: RowError[] = [];
    const v = r.values;
    const member = teamByEmail.get(key(v.team_member_email ?? ""));
    if (!v.team_member_email) errors.push({ column: "team_member_email", message: "Say who on our team holds the relationship" });
    else if (!member) errors.push({ column: "team_member_email", message: `${v.team_member_email} is not on this account's team` });
    const found = v.person ? people.find(v.person) : {};
    if (!v.person) errors.push({ column: "person", message: "Say which of the customer's people this is" });
    else if (found.ambiguous) errors.push({ column: "person", message: `Several people are called "${v.person}": use their email` });
    else if (!found.found) errors.push({ column: "person", message: `Nobody called "${v.person}" on this account (import the people first)` });

    const raw: Record<string, unknown> = { userId: member?.id ?? "-", contactId: found.found?.id ?? "-" };
    for (const [column, cell] of Object.entries(v)) {
      const field = REL_COLUMN_TO_FIELD[column];
      if (!field || field === "userId" || field === "contactId") continue;
      if (field === "strength" || field === "frequencyDays") {
        const n = numberCell(cell);
        raw[field] = n === undefined ? (field === "strength" ? undefined : null) : n;
      } else if (field === "currentLevel" || field === "targetLevel") {
        if (cell === "") continue;
        const level = levelFromCell(cell);
        if (level) raw[field] = level;
        else errors.push({ column, message: `"${cell}" is not a level (supplier contact, credible source, problem solver, trusted advisor)` });
      } else if (field === "lastInteractionAt") raw[field] = cell === "" ? null : cell;
      else raw[field] = cell;
    }
    if (raw.strength === undefined) errors.push({ column: "strength", message: "Strength is required (1 to 5)" });
    const parsedRow = ZRelationshipInput.safeParse(raw);
    if (!parsedRow.success) {
      for (const e of zodRowErrors(parsedRow.error, REL_FIELD_COLUMN)) {
        if (!errors.some((x) => x.column === e.column)) errors.push(e);
      }
    }
    const label = `${member?.name ?? v.team_member_email ?? "?"} ↔ ${found.found?.name ?? v.person ?? "?"}`;
    let relationshipId: string | undefined;
    if (member && found.found) {
      const pair = `${member.id}:${found.found.id}`;
      const twin = seenPairs.get(pair);
      if (twin) errors.push({ column: "person", message: `Same relationship as row ${twin}` });
      else seenPairs.set(pair, r.row);
      relationshipId = existingByPair.get(pair);
    }
    const data: RelationshipRowResult["data"] = {};
    if (parsedRow.success) {
      for (const column of Object.keys(v)) {
        const field = REL_COLUMN_TO_FIELD[column] as keyof z.output<typeof ZRelationshipInput> | undefined;
        if (field && field !== "userId" && field !== "contactId") (data as Record<string, unknown>)[field] = parsedRow.data[field];
      }
    }
    return {
      row: r.row,
      status: errors.length ? "error" : relationshipId ? "update" : "create",
      label,
      userId: member?.id,
      contactId: found.found?.id,
      relationshipId,
      data,
      errors,
    };
  });
  return { kind: "relationships", fileErrors: [], unknownColumns: parsed.unknownColumns, rows, counts: count(rows) };
}
