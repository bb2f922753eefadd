// The shapes the plan service returns to pages and the JSON API: plain, serialisable data
// (dates as ISO strings, money as numbers), safe to import in client components.
import type { TCommitmentStatus, TTargetVsActual } from "./model";
import type { TActionStatus, TLightArea, TLightColor, TPlanContent, TPlanVersionStatus, TStage } from "./schema";

export type TPerson = { id: string; name: string };

export type TDraftView = {
  content: TPlanContent;
  /** Optimistic concurrency token: send it back with the next save. */
  version: number;
  savedAt: string;
  savedBy: TPerson | null;
  /** The version number this draft was started from, if any. */
  basedOnNumber: number | null;
};

export type TVersionSummary = {
  number: number;
  status: TPlanVersionStatus;
  submittedAt: string;
  submittedBy: TPerson | null;
  decidedAt: string | null;
  commitments: number;
};

export type TVersionView = TVersionSummary & { content: TPlanContent };

export type TActionView = {
  id: string;
  accountId: string;
  title: string;
  owner: TPerson;
  dueDate: string;
  status: TActionStatus;
  objectiveRef: string | null;
  notes: string;
  version: number;
  updatedAt: string;
};

export type TLightView = {
  id: string;
  area: TLightArea;
  color: TLightColor;
  reason: string;
  setAt: string;
  setBy: TPerson | null;
};

export type TFinancialYearView = {
  id: string;
  year: number;
  targetRevenue: number | null;
  targetMargin: number | null;
  actualRevenue: number | null;
  actualMargin: number | null;
  version: number;
  updatedAt: string;
};

export type TStageChangeView = {
  id: string;
  fromStage: TStage | null;
  toStage: TStage;
  note: string;
  changedAt: string;
  changedBy: TPerson | null;
};

export type TPlanPermissions = {
  edit: boolean;
  submit: boolean;
  approve: boolean;
  commit: boolean;
  changeStage: boolean;
};

export type TPlanView = {
  account: { id: string; name: string; stage: TStage; owner: TPerson; mentor: TPerson | null };
  /** The current plan: the latest approved version. */
  current: TVersionView | null;
  draft: TDraftView | null;
  /** The draft differs from the latest version (or, with no version yet, from an empty plan). */
  draftHasChanges: boolean;
  versions: TVersionSummary[];
  financials: TFinancialYearView[];
  targetsVsActuals: TTargetVsActual[];
  lights: { current: Record<TLightArea, TLightView | null>; history: TLightView[] };
  actions: TActionView[];
  /** Commitment to the current plan, when there is one. */
  commitment: (TCommitmentStatus & { versionNumber: number }) | null;
  stageHistory: TStageChangeView[];
  /** The account team (owner first): who can own actions and who is asked to commit. */
  team: TPerson[];
  permissions: TPlanPermissions;
  /** The caller, so the page can tell "my" commitment and actions apart. */
  viewerId: string;
};

export type TMyActionView = TActionView & { accountName: string; objectiveTitle: string | null };
