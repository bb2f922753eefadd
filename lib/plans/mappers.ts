import "server-only";
// Prisma rows -> the plain view shapes of lib/plans/view.ts (ISO dates, numbers for money).
import type { Prisma } from "@/lib/db";
import { isoDay } from "@/lib/days";
import { readPlanContent, type TLightArea, type TStage } from "./schema";
import type { TActionView, TDraftView, TFinancialYearView, TLightView, TPerson, TStageChangeView, TVersionSummary, TVersionView } from "./view";

export const personSelect = { select: { id: true, name: true } } as const;

type Decimalish = Prisma.Decimal | number | string | null;
export const money = (v: Decimalish): number | null => (v === null ? null : Number(v.toString()));

export const versionSummarySelect = {
  id: true,
  number: true,
  status: true,
  submittedAt: true,
  submittedById: true,
  decidedAt: true,
  _count: { select: { commitments: true } },
} satisfies Prisma.PlanVersionSelect;

type VersionRow = Prisma.PlanVersionGetPayload<{ select: typeof versionSummarySelect }>;

export function toVersionSummary(v: VersionRow, people: Map<string, TPerson>): TVersionSummary {
  return {
    number: v.number,
    status: v.status,
    submittedAt: v.submittedAt.toISOString(),
    submittedBy: people.get(v.submittedById) ?? null,
    decidedAt: v.decidedAt?.toISOString() ?? null,
    commitments: v._count.commitments,
  };
}

export function toVersionView(v: VersionRow & { content: Prisma.JsonValue }, people: Map<string, TPerson>): TVersionView {
  return { ...toVersionSummary(v, people), content: readPlanContent(v.content) };
}

export function toDraftView(
  plan: { draft: Prisma.JsonValue; draftVersion: number; draftSavedAt: Date; draftSavedById: string | null; basedOnVersionId: string | null },
  people: Map<string, TPerson>,
  numberOf: Map<string, number>,
): TDraftView {
  return {
    content: readPlanContent(plan.draft),
    version: plan.draftVersion,
    savedAt: plan.draftSavedAt.toISOString(),
    savedBy: plan.draftSavedById ? (people.get(plan.draftSavedById) ?? null) : null,
    basedOnNumber: plan.basedOnVersionId ? (numberOf.get(plan.basedOnVersionId) ?? null) : null,
  };
}

export const actionSelect = {
  id: true,
  accountId: true,
  title: true,
  dueDate: true,
  status: true,
  objectiveRef: true,
  notes: true,
  version: true,
  updatedAt: true,
  owner: personSelect,
} satisfies Prisma.ActionSelect;

export function toActionView(a: Prisma.ActionGetPayload<{ select: typeof actionSelect }>): TActionView {
  return { ...a, dueDate: isoDay(a.dueDate), updatedAt: a.updatedAt.toISOString() };
}

export function toLightView(l: { id: string; area: string; color: TLightView["color"]; reason: string; setAt: Date; setById: string | null }, people: Map<string, TPerson>): TLightView {
  return { id: l.id, area: l.area as TLightArea, color: l.color, reason: l.reason, setAt: l.setAt.toISOString(), setBy: l.setById ? (people.get(l.setById) ?? null) : null };
}

export const financialYearSelect = {
  id: true,
  year: true,
  targetRevenue: true,
  targetMargin: true,
  actualRevenue: true,
  actualMargin: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.FinancialYearSelect;

type FinancialYearRow = Omit<Prisma.FinancialYearGetPayload<{ select: typeof financialYearSelect }>, "targetRevenue" | "targetMargin" | "actualRevenue" | "actualMargin"> & {
  targetRevenue: Decimalish;
  targetMargin: Decimalish;
  actualRevenue: Decimalish;
  actualMargin: Decimalish;
};

export function toFinancialYearView(f: FinancialYearRow): TFinancialYearView {
  return {
    id: f.id,
    year: f.year,
    targetRevenue: money(f.targetRevenue),
    targetMargin: money(f.targetMargin),
    actualRevenue: money(f.actualRevenue),
    actualMargin: money(f.actualMargin),
    version: f.version,
    updatedAt: f.updatedAt.toISOString(),
  };
}

export function toStageChangeView(s: { id: string; fromStage: TStage | null; toStage: TStage; note: string; changedAt: Date; changedById: string | null }, people: Map<string, TPerson>): TStageChangeView {
  return { id: s.id, fromStage: s.fromStage, toStage: s.toStage, note: s.note, changedAt: s.changedAt.toISOString(), changedBy: s.changedById ? (people.get(s.changedById) ?? null) : null };
}
