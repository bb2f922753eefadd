// Zod schemas for the relationship map: the customer's people (contacts), our team's
// relationships with them, and links among their people. Shared by the forms, the route
// handlers, the CSV import and the tests. No I/O here: safe to import in the browser.
// The fields mirror prisma/schema.prisma (Contact, Relationship, ContactLink).
import { z } from "zod";

// ---------------------------------------------------------------- vocabularies

export const DECISION_ROLES = ["ECONOMIC_BUYER", "INFLUENCER", "USER", "TECHNICAL_EVALUATOR", "GATEKEEPER", "COACH"] as const;
export type TDecisionRole = (typeof DECISION_ROLES)[number];
export const DECISION_ROLE_LABELS: Record<TDecisionRole, string> = {
  ECONOMIC_BUYER: "Economic decision maker",
  INFLUENCER: "Influencer",
  USER: "User",
  TECHNICAL_EVALUATOR: "Technical evaluator",
  GATEKEEPER: "Gatekeeper",
  COACH: "Coach",
};
export const DECISION_ROLE_HINTS: Record<TDecisionRole, string> = {
  ECONOMIC_BUYER: "Can say the final yes or no",
  INFLUENCER: "Shapes the decision without making it",
  USER: "Uses what we deliver",
  TECHNICAL_EVALUATOR: "Can say no, but not yes",
  GATEKEEPER: "Controls access to others",
  COACH: "Guides us from inside",
};

/** Ordered from most against us to most for us: the order is used by the analysis. */
export const ATTITUDES = ["OPPONENT", "SCEPTIC", "NEUTRAL", "SUPPORTER", "CHAMPION"] as const;
export type TAttitude = (typeof ATTITUDES)[number];
export const ATTITUDE_LABELS: Record<TAttitude, string> = {
  OPPONENT: "Opponent",
  SCEPTIC: "Sceptic",
  NEUTRAL: "Neutral",
  SUPPORTER: "Supporter",
  CHAMPION: "Champion",
};

/** Ordered from the weakest to the strongest level we can hold. */
export const RELATIONSHIP_LEVELS = ["SUPPLIER_CONTACT", "CREDIBLE_SOURCE", "PROBLEM_SOLVER", "TRUSTED_ADVISOR"] as const;
export type TRelationshipLevel = (typeof RELATIONSHIP_LEVELS)[number];
export const LEVEL_LABELS: Record<TRelationshipLevel, string> = {
  SUPPLIER_CONTACT: "Supplier contact",
  CREDIBLE_SOURCE: "Credible source",
  PROBLEM_SOLVER: "Problem solver",
  TRUSTED_ADVISOR: "Trusted advisor",
};

export const LINK_KINDS = ["INFLUENCES", "TENSION"] as const;
export type TLinkKind = (typeof LINK_KINDS)[number];
export const LINK_KIND_LABELS: Record<TLinkKind, string> = { INFLUENCES: "Influences", TENSION: "Tension with" };

export const SENIORITY_LABELS: Record<number, string> = {
  1: "Board / executive",
  2: "Senior management",
  3: "Middle management",
  4: "Specialist / team lead",
  5: "Operational",
};
export const STRENGTH_LABELS: Record<number, string> = { 1: "Barely know", 2: "Acquainted", 3: "Good", 4: "Strong", 5: "Very strong" };

// ---------------------------------------------------------------- limits

export const LIMITS = {
  name: 120,
  jobTitle: 120,
  department: 80,
  site: 80,
  email: 254,
  competitorAffinity: 120,
  win: 1_000,
  evidence: 2_000,
  notes: 5_000,
  linkNotes: 1_000,
  id: 64,
  frequencyDays: 3_650,
  // Under the API's 1 MB request limit (lib/http.ts parseBody), with room for the JSON around it.
  csvBytes: 900_000,
  csvRows: 5_000,
} as const;

// ---------------------------------------------------------------- building blocks

// PostgreSQL text cannot hold NUL: refuse it here rather than fail at the database.
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine((s) => !s.includes("\u0000"), "Contains a character that cannot be stored");
const id = z.string().trim().min(1, "Required").max(LIMITS.id, "Not a valid id");
const scale = (what: string) =>
  z.int(`${what} must be a whole number from 1 to 5`).min(1, `${what} must be from 1 to 5`).max(5, `${what} must be from 1 to 5`);

const email = z
  .string()
  .trim()
  .max(LIMITS.email, `At most ${LIMITS.email} characters`)
  .refine((s) => s === "" || z.email().safeParse(s).success, "Not a valid email address")
  .transform((s) => s.toLowerCase());

/** A date as "YYYY-MM-DD" or an ISO timestamp; never in the future (a day of slack for time zones). */
const pastDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true }), z.date()], { error: "Use a date like 2025-03-31" })
  .transform((v) => (v instanceof Date ? v : new Date(v)))
  .refine((d) => !Number.isNaN(d.getTime()), "Use a date like 2025-03-31")
  .refine((d) => d.getTime() <= Date.now() + 864e5, "The last interaction cannot be in the future");

// ---------------------------------------------------------------- contacts (the customer's people)

const contactFields = {
  name: text(LIMITS.name).min(1, "Name is required"),
  jobTitle: text(LIMITS.jobTitle),
  department: text(LIMITS.department),
  site: text(LIMITS.site),
  /** 1 = board/executive … 5 = operational. */
  seniority: scale("Seniority"),
  reportsToId: id.nullable(),
  decisionRole: z.enum(DECISION_ROLES, { error: "Pick a decision role from the list" }).nullable(),
  influence: scale("Influence"),
  attitude: z.enum(ATTITUDES, { error: "Pick an attitude from the list" }),
  /** 1..5: how sure we are of the attitude. */
  attitudeConfidence: scale("Confidence"),
  attitudeEvidence: text(LIMITS.evidence),
  competitorAffinity: text(LIMITS.competitorAffinity),
  businessWin: text(LIMITS.win),
  personalWin: text(LIMITS.win),
  notes: text(LIMITS.notes),
  email,
};

export const ZContactInput = z.object({
  name: contactFields.name,
  jobTitle: contactFields.jobTitle.default(""),
  department: contactFields.department.default(""),
  site: contactFields.site.default(""),
  seniority: contactFields.seniority.default(3),
  reportsToId: contactFields.reportsToId.default(null),
  decisionRole: contactFields.decisionRole.default(null),
  influence: contactFields.influence.default(3),
  attitude: contactFields.attitude.default("NEUTRAL"),
  attitudeConfidence: contactFields.attitudeConfidence.default(3),
  attitudeEvidence: contactFields.attitudeEvidence.default(""),
  competitorAffinity: contactFields.competitorAffinity.default(""),
  businessWin: contactFields.businessWin.default(""),
  personalWin: contactFields.personalWin.default(""),
  notes: contactFields.notes.default(""),
  email: contactFields.email.default(""),
});
export type TContactInput = z.output<typeof ZContactInput>;
export type TContactFormInput = z.input<typeof ZContactInput>;

/** A partial edit; `version` is the version the editor started from (409 when stale). */
export const ZContactPatch = z
  .object({
    name: contactFields.name.optional(),
    jobTitle: contactFields.jobTitle.optional(),
    department: contactFields.department.optional(),
    site: contactFields.site.optional(),
    seniority: contactFields.seniority.optional(),
    reportsToId: contactFields.reportsToId.optional(),
    decisionRole: contactFields.decisionRole.optional(),
    influence: contactFields.influence.optional(),
    attitude: contactFields.attitude.optional(),
    attitudeConfidence: contactFields.attitudeConfidence.optional(),
    attitudeEvidence: contactFields.attitudeEvidence.optional(),
    competitorAffinity: contactFields.competitorAffinity.optional(),
    businessWin: contactFields.businessWin.optional(),
    personalWin: contactFields.personalWin.optional(),
    notes: contactFields.notes.optional(),
    email: contactFields.email.optional(),
    version: z.int("Version is required").min(1),
  })
  .strict();
export type TContactPatch = z.output<typeof ZContactPatch>;

// ---------------------------------------------------------------- relationships (our team ↔ their people)

const relationshipFields = {
  userId: id,
  contactId: id,
  strength: scale("Strength"),
  currentLevel: z.enum(RELATIONSHIP_LEVELS, { error: "Pick a level from the list" }),
  targetLevel: z.enum(RELATIONSHIP_LEVELS, { error: "Pick a level from the list" }),
  /** How often they talk: days between contacts. */
  frequencyDays: z.int("Days must be a whole number").min(1, "At least 1 day").max(LIMITS.frequencyDays, "At most 10 years").nullable(),
  lastInteractionAt: pastDate.nullable(),
  notes: text(LIMITS.notes),
};

export const ZRelationshipInput = z.object({
  userId: relationshipFields.userId,
  contactId: relationshipFields.contactId,
  strength: relationshipFields.strength,
  currentLevel: relationshipFields.currentLevel.default("SUPPLIER_CONTACT"),
  targetLevel: relationshipFields.targetLevel.default("CREDIBLE_SOURCE"),
  frequencyDays: relationshipFields.frequencyDays.default(null),
  lastInteractionAt: relationshipFields.lastInteractionAt.default(null),
  notes: relationshipFields.notes.default(""),
});
export type TRelationshipInput = z.output<typeof ZRelationshipInput>;

/** Who holds the relationship and with whom is fixed: to change either, delete and add another. */
export const ZRelationshipPatch = z
  .object({
    strength: relationshipFields.strength.optional(),
    currentLevel: relationshipFields.currentLevel.optional(),
    targetLevel: relationshipFields.targetLevel.optional(),
    frequencyDays: relationshipFields.frequencyDays.optional(),
    lastInteractionAt: relationshipFields.lastInteractionAt.optional(),
    notes: relationshipFields.notes.optional(),
    version: z.int("Version is required").min(1),
  })
  .strict();
export type TRelationshipPatch = z.output<typeof ZRelationshipPatch>;

// ---------------------------------------------------------------- links among their people

export const ZLinkInput = z
  .object({
    fromId: id,
    toId: id,
    kind: z.enum(LINK_KINDS, { error: "Pick influences or tension" }),
    notes: text(LIMITS.linkNotes).default(""),
  })
  .refine((l) => l.fromId !== l.toId, { path: ["toId"], message: "A person cannot be linked to themselves" });
export type TLinkInput = z.output<typeof ZLinkInput>;

export const ZLinkPatch = z
  .object({
    kind: z.enum(LINK_KINDS, { error: "Pick influences or tension" }).optional(),
    notes: text(LIMITS.linkNotes).optional(),
    version: z.int("Version is required").min(1),
  })
  .strict();
export type TLinkPatch = z.output<typeof ZLinkPatch>;

// ---------------------------------------------------------------- deletes and CSV import

/** DELETE carries the version the user saw, so a delete never removes something changed since. */
export const ZDeleteQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export const CSV_KINDS = ["people", "relationships"] as const;
export type TCsvKind = (typeof CSV_KINDS)[number];

export const ZCsvImport = z.object({
  csv: z.string().max(LIMITS.csvBytes, "The file is too large (900 KB at most)"),
  /** "preview" validates and reports row by row; "commit" writes. */
  mode: z.enum(["preview", "commit"]),
  /** Without it, a file with any invalid row imports nothing. */
  skipInvalidRows: z.boolean().default(false),
});
export type TCsvImport = z.output<typeof ZCsvImport>;
