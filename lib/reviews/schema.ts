// Zod schemas for mentor reviews: asking for a review, the queue's query, comments, verdicts,
// proposals and periodic review meetings. Shared by the forms, the route handlers and the tests.
// No I/O here: safe to import in the browser.
import { z } from "zod";
import { PLAN_SECTIONS, SECTION_LABELS } from "@/lib/plans/schema";

// ---------------------------------------------------------------- vocabularies

/** The API's words for what is reviewed, and the database's. */
export const SUBJECT_TYPES = ["plan-version", "proposal"] as const;
export type TSubjectType = (typeof SUBJECT_TYPES)[number];
export const SUBJECT_TYPE_DB = { "plan-version": "PLAN_VERSION", proposal: "PROPOSAL" } as const;

export const VERDICTS = ["endorse", "request-changes"] as const;
export type TVerdict = (typeof VERDICTS)[number];

/** ReviewStatus in the API's words. */
export const REVIEW_STATUSES = ["pending", "endorsed", "changes-requested"] as const;
export type TReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_DB = { pending: "PENDING", endorsed: "ENDORSED", "changes-requested": "CHANGES_REQUESTED" } as const;
export const REVIEW_STATUS_LABELS: Record<TReviewStatus, string> = {
  pending: "Waiting for the mentor",
  endorsed: "Endorsed",
  "changes-requested": "Changes requested",
};

export const PROPOSAL_KINDS = ["proposal", "presentation", "tender", "renewal", "other"] as const;
export type TProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_KIND_LABELS: Record<TProposalKind, string> = {
  proposal: "Commercial proposal",
  presentation: "Presentation",
  tender: "Tender response",
  renewal: "Contract renewal",
  other: "Other",
};

/** Anchors a proposal comment can point at (plan comments use the plan's section keys). */
export const PROPOSAL_SECTIONS = ["summary", "body", "commercials"] as const;
export type TProposalSection = (typeof PROPOSAL_SECTIONS)[number];
export const PROPOSAL_SECTION_LABELS: Record<TProposalSection, string> = {
  summary: "Summary",
  body: "The proposal",
  commercials: "Value and decision date",
};

/** "general" is the review as a whole: a comment that is about no one section. */
export const GENERAL_SECTION = "general";

export function sectionLabel(section: string): string {
  if (section === GENERAL_SECTION) return "General";
  return (SECTION_LABELS as Record<string, string>)[section] ?? (PROPOSAL_SECTION_LABELS as Record<string, string>)[section] ?? section;
}

/** The anchors valid for a subject type, in reading order, "general" first. */
export function sectionsFor(type: TSubjectType): string[] {
  return [GENERAL_SECTION, ...(type === "plan-version" ? PLAN_SECTIONS : PROPOSAL_SECTIONS)];
}

export const PERIODIC_OUTCOMES = ["on-track", "adjust", "replan", "escalate"] as const;
export type TPeriodicOutcome = (typeof PERIODIC_OUTCOMES)[number];
export const PERIODIC_OUTCOME_LABELS: Record<TPeriodicOutcome, string> = {
  "on-track": "Plan on track: carry on",
  adjust: "Plan holds, with adjustments",
  replan: "Plan needs rework: a new version is due",
  escalate: "Concerns to raise with senior management",
};

// ---------------------------------------------------------------- limits

export const REVIEW_LIMITS = {
  commentBody: 5_000,
  quote: 500,
  summary: 5_000,
  proposalTitle: 200,
  proposalSummary: 2_000,
  proposalBody: 100_000,
  link: 2_000,
  money: 1_000_000_000_000,
  attendees: 30,
  attendee: 120,
  notes: 10_000,
  nextSteps: 20,
  nextStepTitle: 200,
} as const;

// ---------------------------------------------------------------- helpers

const id = z.string({ error: "An id is required" }).trim().min(1, { error: "An id is required" }).max(64, { error: "Not a valid id" });
const isoDay = z.iso.date({ error: "A date as YYYY-MM-DD" });

const requiredText = (max: number, what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} is required` })
    .max(max, { error: `At most ${max.toLocaleString("en")} characters` });

// ---------------------------------------------------------------- reviews

export const ZReviewSubject = z.object({
  type: z.enum(SUBJECT_TYPES, { error: 'type is "plan-version" or "proposal"' }),
  id,
});
export type TReviewSubject = z.output<typeof ZReviewSubject>;

export const ZCreateReview = z.object({
  subject: ZReviewSubject,
  /**
   * For a resubmitted plan version: the comments on the previous review that this version
   * answers. Left out, the comments anchored to sections that changed are taken as answered.
   */
  answers: z.array(id).max(200, { error: "Too many comments" }).optional(),
});
export type TCreateReview = z.output<typeof ZCreateReview>;

/** Query words are matched loosely: "PENDING" and "CHANGES_REQUESTED" (the database's spelling) work too. */
const word = (v: unknown) => (typeof v === "string" ? v.trim().toLowerCase().replace(/_/g, "-") : v);

export const ZReviewQueueQuery = z.object({
  /** "me": what waits for the caller as mentor; "all": every review the caller may see. */
  assignedTo: z.preprocess(word, z.enum(["me", "all"], { error: 'assignedTo is "me" or "all"' }).optional()),
  status: z.preprocess(word, z.enum([...REVIEW_STATUSES, "decided", "all"], { error: "status is pending, endorsed, changes-requested, decided or all" }).default("pending")),
  accountId: id.optional(),
  /** One kind of item only: reviews of plan versions, reviews of proposals, or periodic plan reviews (which only wait). */
  type: z.preprocess(word, z.enum([...SUBJECT_TYPES, "periodic-review"], { error: 'type is "plan-version", "proposal" or "periodic-review"' }).optional()),
  /** How many items to return (the total is always given). */
  limit: z.coerce.number({ error: "limit is a number" }).int({ error: "limit is a whole number" }).min(1, { error: "limit is 1 to 500" }).max(500, { error: "limit is 1 to 500" }).default(200),
});
export type TReviewQueueQuery = z.output<typeof ZReviewQueueQuery>;
/** A kind of item in the queue: a review of a plan version or a proposal, or a periodic plan review. */
export type TQueueType = NonNullable<TReviewQueueQuery["type"]>;

export const ZCommentInput = z.object({
  /** The section (or "general") the comment anchors to; a reply takes its thread's section. */
  section: z.string({ error: "Choose the section the comment is about" }).trim().min(1, { error: "Choose the section the comment is about" }).max(60),
  /** The passage the comment is about, copied from the section. */
  quote: z
    .string()
    .trim()
    .max(REVIEW_LIMITS.quote, { error: `Quote at most ${REVIEW_LIMITS.quote} characters` })
    .optional()
    .transform((q) => (q ? q : undefined)),
  body: requiredText(REVIEW_LIMITS.commentBody, "A comment"),
  /** Set to answer an existing thread. */
  parentId: id.optional(),
});
export type TCommentInput = z.output<typeof ZCommentInput>;

export const ZCommentPatch = z.object({
  resolved: z.boolean({ error: "resolved is true or false" }),
});
export type TCommentPatch = z.output<typeof ZCommentPatch>;

export const ZVerdictInput = z.object({
  verdict: z.enum(VERDICTS, { error: 'verdict is "endorse" or "request-changes"' }),
  summary: requiredText(REVIEW_LIMITS.summary, "A summary"),
});
export type TVerdictInput = z.output<typeof ZVerdictInput>;

// ---------------------------------------------------------------- proposals

const money = z
  .number({ error: "Must be a number" })
  .finite({ error: "Must be a number" })
  .min(0, { error: "Cannot be negative" })
  .max(REVIEW_LIMITS.money, { error: "Too large" });

const link = z
  .string()
  .trim()
  .max(REVIEW_LIMITS.link, { error: `At most ${REVIEW_LIMITS.link} characters` })
  .refine((s) => {
    if (!s) return true;
    try {
      const u = new URL(s);
      return u.protocol === "https:" || u.protocol === "http:";
    } catch {
      return false;
    }
  }, { error: "A web address starting with https://" });

const proposalFields = {
  title: requiredText(REVIEW_LIMITS.proposalTitle, "A title"),
  kind: z.enum(PROPOSAL_KINDS, { error: "Choose what kind of proposal this is" }),
  summary: z
    .string()
    .trim()
    .max(REVIEW_LIMITS.proposalSummary, { error: `At most ${REVIEW_LIMITS.proposalSummary.toLocaleString("en")} characters` })
    .default(""),
  value: money.nullable().default(null),
  decisionDate: isoDay.nullable().default(null),
  /** Rich text (HTML from the editor) or markdown; sanitised on the server either way. */
  body: z
    .string({ error: "Must be text" })
    .max(REVIEW_LIMITS.proposalBody, { error: `At most ${REVIEW_LIMITS.proposalBody.toLocaleString("en")} characters` })
    .default(""),
  bodyFormat: z.enum(["html", "markdown"], { error: 'bodyFormat is "html" or "markdown"' }).default("html"),
  link: link.nullable().default(null).transform((s) => (s ? s : null)),
};

export const ZProposalInput = z.object({
  ...proposalFields,
  /** Ask the mentor for a review straight away. */
  requestReview: z.boolean().default(false),
});
export type TProposalInput = z.output<typeof ZProposalInput>;
export type TProposalFormInput = z.input<typeof ZProposalInput>;

export const ZProposalUpdate = z.object({
  ...proposalFields,
  version: z.number({ error: "version is required" }).int().min(1),
});
export type TProposalUpdate = z.output<typeof ZProposalUpdate>;

// ---------------------------------------------------------------- periodic reviews

export const ZNextStep = z.object({
  title: requiredText(REVIEW_LIMITS.nextStepTitle, "A next step"),
  ownerId: id,
  dueDate: isoDay,
});
export type TNextStep = z.output<typeof ZNextStep>;

export const ZPeriodicReviewInput = z.object({
  heldOn: isoDay,
  attendees: z
    .array(requiredText(REVIEW_LIMITS.attendee, "A name"))
    .min(1, { error: "Who attended?" })
    .max(REVIEW_LIMITS.attendees, { error: `At most ${REVIEW_LIMITS.attendees} attendees` }),
  notes: z
    .string()
    .trim()
    .max(REVIEW_LIMITS.notes, { error: `At most ${REVIEW_LIMITS.notes.toLocaleString("en")} characters` })
    .default(""),
  outcome: z.enum(PERIODIC_OUTCOMES, { error: "Choose the outcome" }),
  nextSteps: z.array(ZNextStep).max(REVIEW_LIMITS.nextSteps, { error: `At most ${REVIEW_LIMITS.nextSteps} next steps` }).default([]),
});
export type TPeriodicReviewInput = z.output<typeof ZPeriodicReviewInput>;
