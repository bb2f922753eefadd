// The shapes the dashboard service returns (plain JSON: numbers, strings, ISO dates), shared by the
// page's client components, the JSON API and the tests. Browser-safe.
import type { TMoveKind, TPeriodicStatus } from "./metrics";
import type { TDashboardFilters } from "./filters";
import type { TLightArea } from "@/lib/plans/vocabulary";
import type { StageName } from "@/lib/accounts/stages";

/** Whose accounts the figures cover: everything, the caller's own (owned or on the team), or those they mentor. */
export type TScope = "all" | "own" | "mentored";

export type TTierRow = {
  /** null = accounts without a tier (not scored yet). */
  tierId: string | null;
  name: string;
  rank: number | null;
  isKey: boolean;
  minScore: number | null;
  capacity: number | null;
  reviewEveryMonths: number | null;
  accounts: number;
  revenue: number;
  margin: number;
  avgScore: number | null;
  /** Accounts in this tier by a senior manager's override rather than their score. */
  overridden: number;
  overCapacity: boolean;
};

export type TCountBucket = { key: string; label: string; accounts: number };
export type TMoveMonth = { month: string; up: number; down: number; new: number; dropped: number };
export type TManagerLoad = { ownerId: string; name: string; accounts: number; keyAccounts: number; maxKeyAccounts: number | null; overLimit: boolean };
export type TLightRow = { area: TLightArea; label: string; RED: number; AMBER: number; GREEN: number; NONE: number };
export type TAgeBucket = { key: string; label: string; items: number; accounts: number };
export type TMentorTurnaround = {
  mentorId: string;
  name: string;
  /** Reviews decided in the last 12 months. */
  decided: number;
  medianDays: number | null;
  averageDays: number | null;
  pending: number;
  oldestPendingDays: number | null;
  accounts: number;
};
export type TMoney4 = { targetRevenue: number | null; actualRevenue: number | null; targetMargin: number | null; actualMargin: number | null };
export type TReturnRow = TMoney4 & {
  tierId: string | null;
  name: string;
  accounts: number;
  /** Accounts whose actual revenue is below their target that year. */
  missed: number;
};
export type TReturnYear = TMoney4 & { year: number; accounts: number; missed: number; tiers: TReturnRow[] };
export type TStageRow = { stage: StageName; label: string; accounts: number; revenue: number };

export type TDashboard = {
  generatedAt: string;
  today: string;
  scope: TScope;
  filters: TDashboardFilters;
  totals: { accounts: number; keyAccounts: number; revenue: number; margin: number; scored: number; avgScore: number | null };
  tiers: TTierRow[];
  scoreBuckets: TCountBucket[];
  unscored: number;
  thresholds: { tierId: string; name: string; minScore: number; isKey: boolean }[];
  moves: { summary: Record<TMoveKind, number>; months: TMoveMonth[] };
  managers: TManagerLoad[];
  plans: { lights: TLightRow[]; noPlan: number; stalePlan: number; overdueActions: number; accountsWithOverdue: number; overdueByAge: TAgeBucket[] };
  reviews: {
    periodic: Record<TPeriodicStatus, number>;
    pendingReviews: number;
    accountsWithPending: number;
    oldestPendingDays: number | null;
    pendingByAge: TAgeBucket[];
    mentors: TMentorTurnaround[];
  };
  relationships: {
    coverage: TCountBucket[];
    notAnalysed: number;
    averageCoverage: number | null;
    uncoveredDecisionMakers: number;
    accountsWithUncovered: number;
    singleThreaded: number;
  };
  returns: TReturnYear[];
  stages: TStageRow[];
};

export type TDrillRow = {
  id: string;
  name: string;
  ownerName: string;
  tierName: string | null;
  overridden: boolean;
  stage: StageName;
  score: number | null;
  revenue: number;
  margin: number;
  region: string;
  industry: string;
  /** What this account contributes to the figure (e.g. "3 overdue, oldest due 2026-01-04"). */
  detail: string | null;
};

export type TDrillList = {
  metric: string;
  title: string;
  scope: TScope;
  filters: TDashboardFilters;
  total: number;
  page: number;
  pageSize: number;
  items: TDrillRow[];
};

export type TDashboardOptions = {
  regions: string[];
  industries: string[];
  managers: { id: string; name: string }[];
  tiers: { id: string; name: string }[];
};
