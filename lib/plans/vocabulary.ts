// The account plan's vocabularies: lifecycle stages, action and version statuses, traffic-light
// areas and colours, with their labels. Plain values without Zod, so that pages which only show
// them (the dashboard, the print view) do not load the validation library into the browser;
// lib/plans/schema.ts re-exports them beside the schemas built on them.

import { STAGES, STAGE_LABELS, type StageName } from "@/lib/accounts/stages";

/** The account's lifecycle stages and their words, defined once in lib/accounts/stages.ts. */
export { STAGES, STAGE_LABELS };
export type TStage = StageName;

export const ACTION_STATUSES = ["OPEN", "DONE", "DROPPED"] as const;
export type TActionStatus = (typeof ACTION_STATUSES)[number];

export const LIGHT_COLORS = ["RED", "AMBER", "GREEN"] as const;
export type TLightColor = (typeof LIGHT_COLORS)[number];

/** The areas every account carries a traffic light for (the "at least" list). */
export const LIGHT_AREAS = ["relationship", "delivery", "financial", "strategic-position", "competitive-threat"] as const;
export type TLightArea = (typeof LIGHT_AREAS)[number];

export const PLAN_VERSION_STATUSES = ["SUBMITTED", "APPROVED", "CHANGES_REQUESTED", "SUPERSEDED"] as const;
export type TPlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];

export const LIGHT_AREA_LABELS: Record<TLightArea, string> = {
  relationship: "Relationship",
  delivery: "Delivery",
  financial: "Financial",
  "strategic-position": "Strategic position",
  "competitive-threat": "Competitive threat",
};
