// The settings form's state: numbers are kept as typed text (so "1." or "" can be on screen
// mid-typing) and turned into the API's draft by toDraft(). Ranks follow the list order.
import { ZSelectionModel, type TSelectionModelInput } from "@/lib/scoring/schema";
import { NAMING_SCHEMES, type TNamingSchemeId } from "@/lib/scoring/naming";
import type { TSelectionModelJson } from "./types";

export type TCriterionForm = {
  key: string;
  id: string | null;
  name: string;
  description: string;
  weight: string;
  scaleLabels: string[];
  active: boolean;
};

export type TTierForm = {
  key: string;
  id: string | null;
  name: string;
  minScore: string;
  isKey: boolean;
  reviewEveryMonths: string;
  contactEveryDays: string;
  executiveSponsor: boolean;
  dedicatedTeam: boolean;
  serviceNotes: string;
  capacity: string;
};

export type TModelForm = { version: number; namingScheme: TNamingSchemeId; criteria: TCriterionForm[]; tiers: TTierForm[] };

let counter = 0;
export const newKey = () => `k${Date.now().toString(36)}${(++counter).toString(36)}`;

export const DEFAULT_SCALE = ["Very low", "Low", "Medium", "High", "Very high"];

export function formFromModel(m: TSelectionModelJson): TModelForm {
  const scheme = (Object.keys(NAMING_SCHEMES) as TNamingSchemeId[]).includes(m.namingScheme as TNamingSchemeId) ? (m.namingScheme as TNamingSchemeId) : "custom";
  return {
    version: m.version,
    namingScheme: scheme,
    criteria: m.criteria.map((c) => ({ key: c.id, id: c.id, name: c.name, description: c.description, weight: String(c.weight), scaleLabels: [...c.scaleLabels], active: c.active })),
    tiers: [...m.tiers]
      .sort((a, b) => a.rank - b.rank)
      .map((t) => ({
        key: t.id,
        id: t.id,
        name: t.name,
        minScore: String(t.minScore),
        isKey: t.isKey,
        reviewEveryMonths: String(t.reviewEveryMonths),
        contactEveryDays: String(t.contactEveryDays),
        executiveSponsor: t.executiveSponsor,
        dedicatedTeam: t.dedicatedTeam,
        serviceNotes: t.serviceNotes,
        capacity: t.capacity === null ? "" : String(t.capacity),
      })),
  };
}

/** Text to number; empty or unreadable text becomes NaN so the schema names the field. */
const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s.replace(",", ".")));

export function toDraft(f: TModelForm): TSelectionModelInput {
  return {
    version: f.version,
    namingScheme: f.namingScheme,
    criteria: f.criteria.map((c, i) => ({ id: c.id, name: c.name, description: c.description, weight: num(c.weight), scaleLabels: c.scaleLabels, active: c.active, sortOrder: i })),
    tiers: f.tiers.map((t, i) => ({
      id: t.id,
      name: t.name,
      rank: i + 1,
      minScore: num(t.minScore),
      isKey: t.isKey,
      reviewEveryMonths: num(t.reviewEveryMonths),
      contactEveryDays: num(t.contactEveryDays),
      executiveSponsor: t.executiveSponsor,
      dedicatedTeam: t.dedicatedTeam,
      serviceNotes: t.serviceNotes,
      capacity: t.capacity.trim() === "" ? null : num(t.capacity),
    })),
  };
}

/** Field errors as { "criteria.2.weight": "…" }, the same keys a 422 from the server uses. */
export function validateForm(f: TModelForm): Record<string, string> {
  const r = ZSelectionModel.safeParse(toDraft(f));
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) out[issue.path.join(".") || "body"] ??= issue.message;
  return out;
}

/** Comparable form content (keys and version left out): has anything changed? */
export const formSignature = (f: TModelForm) => JSON.stringify(toDraft({ ...f, version: 0 }), (_k, v) => (typeof v === "number" && Number.isNaN(v) ? "NaN" : v));
