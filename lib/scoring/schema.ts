// Zod schemas for the selection model (criteria and tiers), scorecard updates and tier overrides.
// Shared by the settings and scorecard forms, the route handlers and the tests. No I/O here.
import { z } from "zod";
import { NAMING_SCHEME_IDS } from "./naming";

export const SCORING_LIMITS = {
  criteria: 30,
  tiers: 8,
  name: 80,
  description: 1_000,
  scaleLabel: 200,
  serviceNotes: 2_000,
  rationale: 2_000,
  overrideReason: 1_000,
  weight: 1_000,
  capacity: 1_000_000,
  contactEveryDays: 365,
  id: 64,
} as const;

const id = z
  .string({ error: "Must be an id" })
  .min(1, { error: "Id is missing" })
  .max(SCORING_LIMITS.id, { error: "Id is too long" });

const name = (what: string) =>
  z
    .string({ error: "Must be text" })
    .trim()
    .min(1, { error: `${what} needs a name` })
    .max(SCORING_LIMITS.name, { error: `At most ${SCORING_LIMITS.name} characters` });

const text = (max: number) =>
  z
    .string({ error: "Must be text" })
    .max(max, { error: `At most ${max.toLocaleString("en")} characters` })
    .default("");

// ---------------------------------------------------------------- criteria

export const ZCriterion = z.object({
  id: id.nullish(),
  name: name("A criterion"),
  description: text(SCORING_LIMITS.description),
  weight: z
    .number({ error: "Weight must be a number" })
    .finite({ error: "Weight must be a number" })
    .min(0, { error: "Weight cannot be negative" })
    .max(SCORING_LIMITS.weight, { error: `Weight at most ${SCORING_LIMITS.weight}` }),
  scaleLabels: z
    .array(
      z
        .string({ error: "Must be text" })
        .trim()
        .min(1, { error: "Write what this point means" })
        .max(SCORING_LIMITS.scaleLabel, { error: `At most ${SCORING_LIMITS.scaleLabel} characters` }),
    )
    .length(5, { error: "The scale has exactly 5 points" }),
  active: z.boolean({ error: "Must be yes or no" }).default(true),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export type TCriterion = z.output<typeof ZCriterion>;
export type TCriterionInput = z.input<typeof ZCriterion>;

// ---------------------------------------------------------------- tiers

export const ZTier = z.object({
  id: id.nullish(),
  name: name("A tier"),
  rank: z.number({ error: "Rank must be a number" }).int({ error: "Rank must be a whole number" }).min(1).max(SCORING_LIMITS.tiers),
  minScore: z
    .number({ error: "Minimum score must be a number" })
    .finite({ error: "Minimum score must be a number" })
    .min(0, { error: "Minimum score is 0 to 100" })
    .max(100, { error: "Minimum score is 0 to 100" }),
  isKey: z.boolean({ error: "Must be yes or no" }),
  reviewEveryMonths: z
    .number({ error: "Must be a number of months" })
    .int({ error: "Whole months" })
    .min(1, { error: "Every 1 to 36 months" })
    .max(36, { error: "Every 1 to 36 months" }),
  contactEveryDays: z
    .number({ error: "Must be a number of days" })
    .int({ error: "Whole days" })
    .min(1, { error: `Every 1 to ${SCORING_LIMITS.contactEveryDays} days` })
    .max(SCORING_LIMITS.contactEveryDays, { error: `Every 1 to ${SCORING_LIMITS.contactEveryDays} days` }),
  executiveSponsor: z.boolean({ error: "Must be yes or no" }).default(false),
  dedicatedTeam: z.boolean({ error: "Must be yes or no" }).default(false),
  serviceNotes: text(SCORING_LIMITS.serviceNotes),
  capacity: z
    .number({ error: "Capacity must be a number" })
    .int({ error: "Capacity is a whole number of accounts" })
    .min(0, { error: "Capacity cannot be negative" })
    .max(SCORING_LIMITS.capacity)
    .nullable()
    .default(null),
});
export type TTier = z.output<typeof ZTier>;
export type TTierInput = z.input<typeof ZTier>;

// ---------------------------------------------------------------- the model

export const ZSelectionModel = z
  .object({
    criteria: z
      .array(ZCriterion)
      .min(1, { error: "The model needs at least one criterion" })
      .max(SCORING_LIMITS.criteria, { error: `At most ${SCORING_LIMITS.criteria} criteria` }),
    tiers: z
      .array(ZTier)
      .min(2, { error: "The model needs at least one key tier and the “not a key account” tier" })
      .max(SCORING_LIMITS.tiers, { error: `At most ${SCORING_LIMITS.tiers} tiers` }),
    namingScheme: z.enum(NAMING_SCHEME_IDS, { error: "Pick a naming scheme" }),
    version: z.number({ error: "Version is missing" }).int().min(1),
  })
  .superRefine((model, ctx) => {
    const seenCriteria = new Map<string, number>();
    const seenIds = new Set<string>();
    model.criteria.forEach((c, i) => {
      const key = c.name.toLocaleLowerCase("en");
      if (seenCriteria.has(key)) ctx.addIssue({ code: "custom", path: ["criteria", i, "name"], message: "Two criteria have this name" });
      seenCriteria.set(key, i);
      if (c.id) {
        if (seenIds.has(c.id)) ctx.addIssue({ code: "custom", path: ["criteria", i, "id"], message: "Two criteria share an id" });
        seenIds.add(c.id);
      }
    });
    if (!model.criteria.some((c) => c.active && c.weight > 0)) {
      ctx.addIssue({ code: "custom", path: ["criteria"], message: "At least one active criterion needs a weight above 0" });
    }

    const tiers = model.tiers;
    const names = new Set<string>();
    const ranks = new Set<number>();
    tiers.forEach((t, i) => {
      const key = t.name.toLocaleLowerCase("en");
      if (names.has(key)) ctx.addIssue({ code: "custom", path: ["tiers", i, "name"], message: "Two tiers have this name" });
      names.add(key);
      if (ranks.has(t.rank)) ctx.addIssue({ code: "custom", path: ["tiers", i, "rank"], message: "Two tiers have this rank" });
      ranks.add(t.rank);
    });

    const nonKey = tiers.map((t, i) => ({ t, i })).filter(({ t }) => !t.isKey);
    if (nonKey.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["tiers"], message: "Exactly one tier must be “not a key account”" });
    } else {
      const { t, i } = nonKey[0];
      if (tiers.some((o) => o.rank > t.rank)) {
        ctx.addIssue({ code: "custom", path: ["tiers", i, "rank"], message: "“Not a key account” must be the lowest tier" });
      }
      if (t.minScore !== 0) ctx.addIssue({ code: "custom", path: ["tiers", i, "minScore"], message: "The lowest tier starts at 0" });
    }

    // A higher tier must ask for a strictly higher score, or the lower one could never be reached.
    const ordered = tiers.map((t, i) => ({ t, i })).sort((a, b) => a.t.rank - b.t.rank);
    for (let k = 1; k < ordered.length; k++) {
      const higher = ordered[k - 1].t;
      const { t, i } = ordered[k];
      if (t.rank !== higher.rank && t.minScore >= higher.minScore) {
        ctx.addIssue({
          code: "custom",
          path: ["tiers", i, "minScore"],
          message: `Must be below ${higher.name}'s minimum (${higher.minScore})`,
        });
      }
    }
  });
export type TSelectionModel = z.output<typeof ZSelectionModel>;
export type TSelectionModelInput = z.input<typeof ZSelectionModel>;

/** The what-if takes the same draft; its version is not checked (nothing is written). */
export const ZSelectionModelDraft = ZSelectionModel;

// ---------------------------------------------------------------- scorecard

export const ZScorecardUpdate = z.object({
  scores: z
    .array(
      z.object({
        criterionId: id,
        value: z
          .number({ error: "Score must be a number from 1 to 5" })
          .int({ error: "Score must be a whole number from 1 to 5" })
          .min(1, { error: "Score must be from 1 to 5" })
          .max(5, { error: "Score must be from 1 to 5" })
          // null clears the score: the criterion is "not scored" again (and its rationale goes with it).
          .nullable(),
        rationale: text(SCORING_LIMITS.rationale),
      }),
    )
    .max(SCORING_LIMITS.criteria, { error: `At most ${SCORING_LIMITS.criteria} scores` })
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((s, i) => {
        if (seen.has(s.criterionId)) ctx.addIssue({ code: "custom", path: [i, "criterionId"], message: "This criterion is scored twice" });
        seen.add(s.criterionId);
      });
    }),
  version: z.number({ error: "Version is missing" }).int().min(1),
});
export type TScorecardUpdate = z.output<typeof ZScorecardUpdate>;
export type TScorecardUpdateInput = z.input<typeof ZScorecardUpdate>;

// ---------------------------------------------------------------- tier override

/** The override the client last saw, by its time (`override.at`), or null for none. */
export const ZExpectedOverrideAt = z.iso
  .datetime({ offset: true, error: "Send the time of the override you saw (override.at), or null if there was none" })
  .nullable();

export const ZTierOverride = z.object({
  tierId: id,
  expectedOverrideAt: ZExpectedOverrideAt,
  reason: z
    .string({ error: "Write the reason for the override" })
    .trim()
    .min(5, { error: "Write the reason for the override (at least 5 characters)" })
    .max(SCORING_LIMITS.overrideReason, { error: `At most ${SCORING_LIMITS.overrideReason} characters` }),
});
export type TTierOverride = z.output<typeof ZTierOverride>;
