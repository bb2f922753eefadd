// Zod schemas for account plans: the plan's content (draft and versions), and the inputs of the
// short-term plan (actions), traffic lights, financial years, commitments and stage changes.
// Shared by the forms, the route handlers and the tests. No I/O here: safe to import in the browser.
import { z, type ZodError } from "zod";

// The vocabularies (stages, statuses, light areas and their labels) live in ./vocabulary, which
// pages can import without Zod; they are re-exported here for the server and the forms.
import { ACTION_STATUSES, LIGHT_AREAS, LIGHT_COLORS, STAGES } from "./vocabulary";
export * from "./vocabulary";

// ---------------------------------------------------------------- limits

/** Generous limits: a plan is prose, but a single section should never be a novel (or a DoS). */
export const LIMITS = {
  longText: 20_000,
  keyInfo: 10_000,
  objectiveTitle: 200,
  objectiveDescription: 2_000,
  objectives: 30,
  horizonYears: 5,
  money: 1_000_000_000_000,
  actionTitle: 200,
  actionNotes: 2_000,
  lightReason: 200,
  stageNote: 500,
} as const;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

// ---------------------------------------------------------------- plan content

/** Plan sections in the order the plan reads. The keys are the anchors used by 422s, diffs and review comments. */
export const PLAN_SECTIONS = [
  "keyInformation",
  "customerObjectives",
  "objectives",
  "financialTargets",
  "strategy",
  "opportunities",
  "risks",
  "howTheyBuy",
  "criticalSuccessFactors",
  "resources",
] as const;
export type TPlanSection = (typeof PLAN_SECTIONS)[number];

export const SECTION_LABELS: Record<TPlanSection, string> = {
  keyInformation: "Key information",
  customerObjectives: "Customer's business objectives",
  objectives: "Our objectives",
  financialTargets: "Financial targets",
  strategy: "Strategy",
  opportunities: "Opportunities",
  risks: "Risks and competitive activity",
  howTheyBuy: "How the customer buys",
  criticalSuccessFactors: "Critical success factors",
  resources: "Resources we commit",
};

/** Sub-fields of the sections that have them, with their labels. */
export const SUBFIELD_LABELS = {
  keyInformation: { global: "Global", corporate: "Corporate", project: "Project" },
  howTheyBuy: { decisionProcess: "Decision process", purchasingStrategy: "Purchasing strategy" },
} as const;

const text = (max: number) =>
  z
    .string({ error: "Must be text" })
    .max(max, { error: `At most ${max.toLocaleString("en")} characters` })
    .default("");

const money = z
  .number({ error: "Must be a number" })
  .finite({ error: "Must be a number" })
  .min(-LIMITS.money, { error: "Too large" })
  .max(LIMITS.money, { error: "Too large" });

const year = z
  .number({ error: "Must be a year" })
  .int({ error: "Must be a whole year" })
  .min(MIN_YEAR, { error: `A year from ${MIN_YEAR}` })
  .max(MAX_YEAR, { error: `A year up to ${MAX_YEAR}` });

/** Client-generated, stable ids: actions point at objectives by id, and diffs match them by id. */
export const ZObjectiveId = z
  .string()
  .min(1, { error: "Objective id is missing" })
  .max(40, { error: "Objective id is too long" })
  .regex(/^[A-Za-z0-9_-]+$/, { error: "Objective id may use letters, digits, - and _" });

export const ZObjective = z.object({
  id: ZObjectiveId,
  // Not trimmed: the draft stores exactly what was typed (autosave runs mid-word).
  title: z
    .string({ error: "Must be text" })
    .max(LIMITS.objectiveTitle, { error: `At most ${LIMITS.objectiveTitle} characters` })
    .default(""),
  description: text(LIMITS.objectiveDescription),
  horizonYear: year.nullable().optional(),
});
export type TObjective = z.output<typeof ZObjective>;

/** A draft may hold a year whose figures are not typed yet (null); submitting requires them. */
export const ZFinancialTarget = z.object({
  year,
  revenue: money.min(0, { error: "Revenue cannot be negative" }).nullable().default(null),
  margin: money.nullable().default(null),
});
export type TFinancialTarget = z.output<typeof ZFinancialTarget>;

export const ZPlanContent = z.object({
  keyInformation: z
    .object({
      global: text(LIMITS.keyInfo),
      corporate: text(LIMITS.keyInfo),
      project: text(LIMITS.keyInfo),
    })
    .default({ global: "", corporate: "", project: "" }),
  customerObjectives: text(LIMITS.longText),
  objectives: z
    .array(ZObjective)
    .max(LIMITS.objectives, { error: `At most ${LIMITS.objectives} objectives` })
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((o, i) => {
        if (seen.has(o.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: "Two objectives share an id" });
        seen.add(o.id);
      });
    }),
  financialTargets: z
    .array(ZFinancialTarget)
    .max(LIMITS.horizonYears, { error: `The plan's horizon is 1 to ${LIMITS.horizonYears} years` })
    .default([])
    .superRefine((list, ctx) => {
      const years = list.map((t) => t.year);
      if (new Set(years).size !== years.length) {
        ctx.addIssue({ code: "custom", path: [], message: "Each year may appear once" });
        return;
      }
      if (years.length && Math.max(...years) - Math.min(...years) >= LIMITS.horizonYears) {
        ctx.addIssue({ code: "custom", path: [], message: `The targets must fall within ${LIMITS.horizonYears} consecutive years` });
      }
    }),
  strategy: text(LIMITS.longText),
  opportunities: text(LIMITS.longText),
  risks: text(LIMITS.longText),
  howTheyBuy: z
    .object({
      decisionProcess: text(LIMITS.longText),
      purchasingStrategy: text(LIMITS.longText),
    })
    .default({ decisionProcess: "", purchasingStrategy: "" }),
  criticalSuccessFactors: text(LIMITS.longText),
  resources: text(LIMITS.longText),
});
export type TPlanContent = z.output<typeof ZPlanContent>;
export type TPlanContentInput = z.input<typeof ZPlanContent>;

export function emptyPlanContent(): TPlanContent {
  return {
    keyInformation: { global: "", corporate: "", project: "" },
    customerObjectives: "",
    objectives: [],
    financialTargets: [],
    strategy: "",
    opportunities: "",
    risks: "",
    howTheyBuy: { decisionProcess: "", purchasingStrategy: "" },
    criticalSuccessFactors: "",
    resources: "",
  };
}

/**
 * Reads stored content (JSON column) into the current shape. Content written by an older shape
 * gets defaults for missing sections; content that cannot be read at all yields an empty plan
 * rather than a crash, because stored history must always stay viewable.
 */
export function readPlanContent(value: unknown): TPlanContent {
  const parsed = ZPlanContent.safeParse(value ?? {});
  return parsed.success ? parsed.data : emptyPlanContent();
}

// ---------------------------------------------------------------- section-keyed errors

function isSection(key: unknown): key is TPlanSection {
  return typeof key === "string" && (PLAN_SECTIONS as readonly string[]).includes(key);
}

/** The plan section an issue path points at, whether it starts at the content or at `{content, ...}`. */
export function sectionOfPath(path: readonly PropertyKey[]): TPlanSection | null {
  const rest = path[0] === "content" ? path.slice(1) : path;
  return isSection(rest[0]) ? rest[0] : null;
}

/**
 * Zod issues of plan content as { section: "Section label: message" } (first issue per section),
 * so that a 422 can say which section to fix. Issues outside the content keep their dotted path.
 */
export function planContentErrors(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const section = sectionOfPath(issue.path);
    if (section) {
      const rest = (issue.path[0] === "content" ? issue.path.slice(2) : issue.path.slice(1)).map(String);
      const where = describeSubPath(section, rest);
      out[section] ??= `${SECTION_LABELS[section]}${where ? ` (${where})` : ""}: ${issue.message}`;
    } else {
      const key = issue.path.length ? issue.path.map(String).join(".") : "body";
      out[key] ??= issue.message;
    }
  }
  return out;
}

function describeSubPath(section: TPlanSection, rest: string[]): string {
  if (!rest.length) return "";
  if (section === "keyInformation" || section === "howTheyBuy") {
    const labels = SUBFIELD_LABELS[section] as Record<string, string>;
    return labels[rest[0]] ?? rest[0];
  }
  if (section === "objectives" && /^\d+$/.test(rest[0])) {
    return `objective ${Number(rest[0]) + 1}${rest[1] ? `, ${rest[1]}` : ""}`;
  }
  if (section === "financialTargets" && /^\d+$/.test(rest[0])) {
    return `row ${Number(rest[0]) + 1}${rest[1] ? `, ${rest[1]}` : ""}`;
  }
  return rest.join(".");
}

// ---------------------------------------------------------------- draft

export const ZDraftSave = z.object({
  content: ZPlanContent,
  /** The draftVersion the client started from; a mismatch means someone else saved in between. */
  version: z.number({ error: "version is required" }).int().min(0),
});
export type TDraftSave = z.output<typeof ZDraftSave>;

// ---------------------------------------------------------------- versions

export const ZVersionNumber = z.coerce.number({ error: "Must be a version number" }).int().min(1);

export const ZVersionDecision = z.object({
  decision: z.enum(["APPROVED", "CHANGES_REQUESTED"], { error: "decision is APPROVED or CHANGES_REQUESTED" }),
});
export type TVersionDecision = z.output<typeof ZVersionDecision>;

export const ZSubmitVersion = z.object({
  /** Optional: the draft version the submitter saw, so a submit never sends text they have not read. */
  draftVersion: z.number().int().min(0).optional(),
});

// ---------------------------------------------------------------- actions

const isoDay = z.iso.date({ error: "A date as YYYY-MM-DD" });

const actionFields = {
  title: z
    .string({ error: "A title is required" })
    .trim()
    .min(1, { error: "A title is required" })
    .max(LIMITS.actionTitle, { error: `At most ${LIMITS.actionTitle} characters` }),
  ownerId: z.string({ error: "Choose an owner" }).min(1, { error: "Choose an owner" }).max(64),
  dueDate: isoDay,
  status: z.enum(ACTION_STATUSES, { error: "Open, done or dropped" }),
  objectiveRef: ZObjectiveId.nullable(),
  notes: z
    .string()
    .trim()
    .max(LIMITS.actionNotes, { error: `At most ${LIMITS.actionNotes} characters` }),
};

export const ZActionInput = z.object({
  ...actionFields,
  status: actionFields.status.default("OPEN"),
  objectiveRef: actionFields.objectiveRef.optional().default(null),
  notes: actionFields.notes.default(""),
});
export type TActionInput = z.output<typeof ZActionInput>;

export const ZActionPatch = z
  .object({
    title: actionFields.title.optional(),
    ownerId: actionFields.ownerId.optional(),
    dueDate: actionFields.dueDate.optional(),
    status: actionFields.status.optional(),
    objectiveRef: actionFields.objectiveRef.optional(),
    notes: actionFields.notes.optional(),
    version: z.number({ error: "version is required" }).int().min(1),
  })
  .refine((p) => Object.keys(p).some((k) => k !== "version"), { error: "Nothing to change", path: ["body"] });
export type TActionPatch = z.output<typeof ZActionPatch>;

// ---------------------------------------------------------------- traffic lights

export const ZTrafficLightInput = z.object({
  area: z.enum(LIGHT_AREAS, { error: `One of ${LIGHT_AREAS.join(", ")}` }),
  color: z.enum(LIGHT_COLORS, { error: "Red, amber or green" }),
  reason: z
    .string({ error: "Give a one-line reason" })
    .trim()
    .min(1, { error: "Give a one-line reason" })
    .max(LIMITS.lightReason, { error: `One line: at most ${LIMITS.lightReason} characters` })
    .refine((s) => !/[\r\n]/.test(s), { error: "One line: no line breaks" }),
});
export type TTrafficLightInput = z.output<typeof ZTrafficLightInput>;

// ---------------------------------------------------------------- targets and actuals

const optionalMoney = money.nullable().optional();

export const ZFinancialYearInput = z.object({
  year,
  targetRevenue: money.min(0, { error: "Revenue cannot be negative" }).nullable().optional(),
  targetMargin: optionalMoney,
  actualRevenue: money.min(0, { error: "Revenue cannot be negative" }).nullable().optional(),
  actualMargin: optionalMoney,
  /** Required to change an existing year (optimistic concurrency); absent when recording a new year. */
  version: z.number().int().min(1).optional(),
});
export type TFinancialYearInput = z.output<typeof ZFinancialYearInput>;

// ---------------------------------------------------------------- commitments and stage

export const ZCommitmentInput = z.object({
  versionNumber: z.number({ error: "Which version?" }).int().min(1),
});
export type TCommitmentInput = z.output<typeof ZCommitmentInput>;

export const ZStageChange = z.object({
  stage: z.enum(STAGES, { error: "Choose a lifecycle stage" }),
  /** The stage the person saw: if the account has moved since, 409 and nothing changes. */
  fromStage: z.enum(STAGES, { error: "Send the stage you are moving the account from" }),
  note: z
    .string()
    .trim()
    .max(LIMITS.stageNote, { error: `At most ${LIMITS.stageNote} characters` })
    .default(""),
});
export type TStageChange = z.output<typeof ZStageChange>;
