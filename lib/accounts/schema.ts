import { z } from "zod";
import { STAGES, TEAM_ROLES } from "@/lib/accounts/stages";

const money = z.coerce
  .number({ error: "Enter an amount" })
  .min(0, "Must be zero or more")
  .max(1_000_000_000_000, "Too large");
const id = z.string().min(1).max(40);

export const ZAccountCreate = z.object({
  name: z.string().trim().min(2, "Name must have at least 2 characters").max(120, "Name is too long (120 at most)"),
  industry: z.string().trim().min(1, "Industry is required").max(80),
  region: z.string().trim().min(1, "Region is required").max(80),
  stage: z.enum(STAGES).default("PRE_SALES"),
  annualRevenue: money.default(0),
  annualMargin: money.default(0),
  description: z.string().trim().max(2000).default(""),
  /** The key account manager; defaults to the creator. */
  ownerId: z.union([id, z.literal("").transform(() => undefined)]).optional(),
  /** "" (a form's "no mentor") means none. */
  mentorId: z.union([id, z.literal("").transform(() => null)]).nullable().optional(),
});
export type TAccountCreate = z.infer<typeof ZAccountCreate>;

export const ZAccountUpdate = ZAccountCreate.partial().extend({
  version: z.number({ error: "version is required" }).int().min(1),
});
export type TAccountUpdate = z.infer<typeof ZAccountUpdate>;

/** "tier" sorts by the served tier's rank (override wins): ascending puts the top tier first. */
export const ACCOUNT_SORTS = ["name", "industry", "region", "stage", "owner", "revenue", "score", "tier", "updatedAt"] as const;

export const ZAccountListQuery = z.object({
  q: z.string().trim().max(120).optional(),
  stage: z.enum(STAGES).optional().or(z.literal("").transform(() => undefined)),
  ownerId: id.optional().or(z.literal("").transform(() => undefined)),
  tierId: id.optional().or(z.literal("").transform(() => undefined)),
  /** Score filter: "none" = not scored yet; a number = at least that score. */
  score: z.union([z.literal("").transform(() => undefined), z.literal("none"), z.coerce.number().min(0).max(100)]).optional(),
  industry: z.string().max(80).optional().or(z.literal("").transform(() => undefined)),
  region: z.string().max(80).optional().or(z.literal("").transform(() => undefined)),
  archived: z.enum(["exclude", "include", "only"]).default("exclude"),
  sort: z.enum(ACCOUNT_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type TAccountListQuery = z.infer<typeof ZAccountListQuery>;

export const ZTeamUpdate = z
  .object({
    members: z
      .array(z.object({ userId: id, role: z.enum(TEAM_ROLES) }))
      .max(50, "A team has at most 50 members"),
    version: z.number().int().min(1),
  })
  .refine((v) => new Set(v.members.map((m) => m.userId)).size === v.members.length, {
    message: "A person can be on the team only once",
    path: ["members"],
  });
export type TTeamUpdate = z.infer<typeof ZTeamUpdate>;
