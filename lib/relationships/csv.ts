// CSV for the relationship map: templates, parsing and export of people and relationships.
// Pure functions (no I/O): the browser uses them for the template and the server for the rest.
// Row-by-row validation of an import lives in csv-import.ts.
import Papa from "papaparse";
import {
  ATTITUDES,
  ATTITUDE_LABELS,
  DECISION_ROLES,
  DECISION_ROLE_LABELS,
  LEVEL_LABELS,
  LIMITS,
  RELATIONSHIP_LEVELS,
  type TAttitude,
  type TCsvKind,
  type TDecisionRole,
  type TRelationshipLevel,
} from "./schema";

// ---------------------------------------------------------------- columns

export const PEOPLE_COLUMNS = [
  "name",
  "email",
  "job_title",
  "department",
  "site",
  "seniority",
  "reports_to",
  "decision_role",
  "influence",
  "attitude",
  "attitude_confidence",
  "attitude_evidence",
  "competitor_affinity",
  "business_win",
  "personal_win",
  "notes",
] as const;
export type TPeopleColumn = (typeof PEOPLE_COLUMNS)[number];

export const RELATIONSHIP_COLUMNS = [
  "team_member_email",
  "person",
  "strength",
  "current_level",
  "target_level",
  "frequency_days",
  "last_interaction",
  "notes",
] as const;
export type TRelationshipColumn = (typeof RELATIONSHIP_COLUMNS)[number];

export const REQUIRED_COLUMNS: Record<TCsvKind, readonly string[]> = {
  people: ["name"],
  relationships: ["team_member_email", "person", "strength"],
};
export const COLUMNS: Record<TCsvKind, readonly string[]> = { people: PEOPLE_COLUMNS, relationships: RELATIONSHIP_COLUMNS };

// ---------------------------------------------------------------- templates

const PEOPLE_EXAMPLES: Record<TPeopleColumn, string>[] = [
  {
    name: "Anna Keller",
    email: "anna.keller@customer.example",
    job_title: "Chief Operating Officer",
    department: "Operations",
    site: "Hamburg",
    seniority: "1",
    reports_to: "",
    decision_role: "Economic buyer",
    influence: "5",
    attitude: "Neutral",
    attitude_confidence: "3",
    attitude_evidence: "Open in the March steering meeting, but asked for references",
    competitor_affinity: "",
    business_win: "Lower cost per shipment",
    personal_win: "Seen as the one who modernised operations",
    notes: "",
  },
  {
    name: "Jonas Weber",
    email: "jonas.weber@customer.example",
    job_title: "Head of Procurement",
    department: "Procurement",
    site: "Hamburg",
    seniority: "2",
    reports_to: "anna.keller@customer.example",
    decision_role: "Gatekeeper",
    influence: "4",
    attitude: "Sceptic",
    attitude_confidence: "4",
    attitude_evidence: "Prefers the incumbent",
    competitor_affinity: "Incumbent supplier",
    business_win: "Savings target met",
    personal_win: "",
    notes: "",
  },
];

const RELATIONSHIP_EXAMPLES: Record<TRelationshipColumn, string>[] = [
  {
    team_member_email: "you@yourcompany.example",
    person: "anna.keller@customer.example",
    strength: "3",
    current_level: "Credible source",
    target_level: "Trusted advisor",
    frequency_days: "30",
    last_interaction: "2025-01-15",
    notes: "Quarterly business review",
  },
];

/** A template with the columns and example rows (delete the examples before importing). */
export function csvTemplate(kind: TCsvKind): string {
  return kind === "people"
    ? Papa.unparse({ fields: [...PEOPLE_COLUMNS], data: PEOPLE_EXAMPLES.map((r) => PEOPLE_COLUMNS.map((c) => r[c])) })
    : Papa.unparse({ fields: [...RELATIONSHIP_COLUMNS], data: RELATIONSHIP_EXAMPLES.map((r) => RELATIONSHIP_COLUMNS.map((c) => r[c])) });
}

// ---------------------------------------------------------------- parsing

/** "Job title", "job-title" and "JOB_TITLE" all name the column job_title. */
export const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

/** Exports guard cells that a spreadsheet would run as a formula with a leading quote: remove it on the way back in. */
const unguard = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

export type CsvRow = { /** Spreadsheet row number: the header is row 1. */ row: number; values: Record<string, string> };
export type ParsedCsv = { columns: string[]; rows: CsvRow[]; fileErrors: string[]; unknownColumns: string[] };

export function parseCsv(text: string, kind: TCsvKind): ParsedCsv {
  const fileErrors: string[] = [];
  if (text.length > LIMITS.csvBytes) return { columns: [], rows: [], fileErrors: ["The file is too large (900 KB at most)."], unknownColumns: [] };
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: normaliseHeader,
  });
  const columns = (result.meta.fields ?? []).filter((c) => c !== "");
  if (columns.length === 0) return { columns, rows: [], fileErrors: ["The file is empty or has no header row."], unknownColumns: [] };
  const known = new Set(COLUMNS[kind]);
  const missing = REQUIRED_COLUMNS[kind].filter((c) => !columns.includes(c));
  if (missing.length) fileErrors.push(`Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. Download the template to see the expected columns.`);
  const unknownColumns = columns.filter((c) => !known.has(c));
  // Quote errors make the rest of the file unreliable: report them instead of guessing.
  for (const e of result.errors) {
    if (e.code === "TooFewFields" || e.code === "TooManyFields") continue;
    fileErrors.push(`Row ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  if (result.data.length > LIMITS.csvRows) fileErrors.push(`The file has ${result.data.length} rows; import at most ${LIMITS.csvRows} at a time.`);
  const rows = result.data.map((raw, i) => {
    const values: Record<string, string> = {};
    for (const c of columns) if (known.has(c)) values[c] = unguard(String(raw[c] ?? "").trim());
    return { row: i + 2, values };
  });
  return { columns: columns.filter((c) => known.has(c)), rows, fileErrors, unknownColumns };
}

// ---------------------------------------------------------------- vocabulary in cells

const token = (s: string) => s.trim().toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_+|_+$/g, "");

function vocabulary<T extends string>(values: readonly T[], labels: Record<T, string>, extra: Record<string, T> = {}) {
  const map = new Map<string, T>();
  for (const v of values) {
    map.set(token(v), v);
    map.set(token(labels[v]), v);
  }
  for (const [k, v] of Object.entries(extra)) map.set(token(k), v);
  return (cell: string): T | undefined => map.get(token(cell));
}

/** Accepts the stored value ("ECONOMIC_BUYER"), the label ("Economic decision maker") and common names. */
export const decisionRoleFromCell = vocabulary<TDecisionRole>(DECISION_ROLES, DECISION_ROLE_LABELS, {
  "economic buyer": "ECONOMIC_BUYER",
  "decision maker": "ECONOMIC_BUYER",
  "technical buyer": "TECHNICAL_EVALUATOR",
  "end user": "USER",
});
export const attitudeFromCell = vocabulary<TAttitude>(ATTITUDES, ATTITUDE_LABELS, { skeptic: "SCEPTIC", detractor: "OPPONENT", advocate: "CHAMPION" });
export const levelFromCell = vocabulary<TRelationshipLevel>(RELATIONSHIP_LEVELS, LEVEL_LABELS);

// ---------------------------------------------------------------- export

const csvOptions = { escapeFormulae: true, newline: "\r\n" } as const;
const isoDay = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : "");

export type ExportContact = {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  department: string;
  site: string;
  seniority: number;
  reportsToId: string | null;
  decisionRole: TDecisionRole | null;
  influence: number;
  attitude: TAttitude;
  attitudeConfidence: number;
  attitudeEvidence: string;
  competitorAffinity: string;
  businessWin: string;
  personalWin: string;
  notes: string;
};

/** People as CSV in the template's columns; the manager is named by email when known (names repeat). */
export function exportPeopleCsv(contacts: readonly ExportContact[]): string {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const data = contacts.map((c) => {
    const boss = c.reportsToId ? byId.get(c.reportsToId) : undefined;
    const row: Record<TPeopleColumn, string | number> = {
      name: c.name,
      email: c.email,
      job_title: c.jobTitle,
      department: c.department,
      site: c.site,
      seniority: c.seniority,
      reports_to: boss ? boss.email || boss.name : "",
      decision_role: c.decisionRole ? DECISION_ROLE_LABELS[c.decisionRole] : "",
      influence: c.influence,
      attitude: ATTITUDE_LABELS[c.attitude],
      attitude_confidence: c.attitudeConfidence,
      attitude_evidence: c.attitudeEvidence,
      competitor_affinity: c.competitorAffinity,
      business_win: c.businessWin,
      personal_win: c.personalWin,
      notes: c.notes,
    };
    return PEOPLE_COLUMNS.map((k) => row[k]);
  });
  return Papa.unparse({ fields: [...PEOPLE_COLUMNS], data }, csvOptions);
}

export type ExportRelationship = {
  userId: string;
  contactId: string;
  strength: number;
  currentLevel: TRelationshipLevel;
  targetLevel: TRelationshipLevel;
  frequencyDays: number | null;
  lastInteractionAt: Date | string | null;
  notes: string;
};

export function exportRelationshipsCsv(
  relationships: readonly ExportRelationship[],
  contacts: readonly { id: string; name: string; email: string }[],
  users: readonly { id: string; email: string }[],
): string {
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const data = relationships.map((r) => {
    const c = contactById.get(r.contactId);
    const row: Record<TRelationshipColumn, string | number> = {
      team_member_email: userById.get(r.userId)?.email ?? "",
      person: c ? c.email || c.name : "",
      strength: r.strength,
      current_level: LEVEL_LABELS[r.currentLevel],
      target_level: LEVEL_LABELS[r.targetLevel],
      frequency_days: r.frequencyDays ?? "",
      last_interaction: isoDay(r.lastInteractionAt),
      notes: r.notes,
    };
    return RELATIONSHIP_COLUMNS.map((k) => row[k]);
  });
  return Papa.unparse({ fields: [...RELATIONSHIP_COLUMNS], data }, csvOptions);
}
