// The shapes the review service returns to pages and the JSON API: plain, serialisable data
// (dates as ISO strings, money as numbers), safe to import in client components.
import type { TPlanDiff } from "@/lib/plans/model";
import type { TLightArea, TLightColor, TPlanContent, TPlanVersionStatus, TStage } from "@/lib/plans/schema";
import type { TPeriodicSchedule, TThreadState, TTurnaroundRow, TUrgency } from "./model";
import type { TPeriodicOutcome, TProposalKind, TReviewStatus, TSubjectType } from "./schema";

export type TPerson = { id: string; name: string };

export type TTierView = { name: string; rank: number; isKey: boolean; overridden: boolean };

export type TAccountBrief = {
  id: string;
  name: string;
  tier: TTierView | null;
  score: number | null;
};

// ---------------------------------------------------------------- proposals

export type TProposalFields = {
  title: string;
  kind: TProposalKind;
  summary: string;
  value: number | null;
  decisionDate: string | null;
  /** Sanitised HTML. */
  body: string;
  link: string | null;
};

export type TProposalView = TProposalFields & {
  id: string;
  accountId: string;
  author: TPerson | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The latest review of this proposal, if one was asked for. */
  latestReview: { id: string; status: TReviewStatus; submittedAt: string; decidedAt: string | null } | null;
};

// ---------------------------------------------------------------- comments

export type TCommentSide = "mentor" | "team" | "other";

export type TCommentView = {
  id: string;
  section: string;
  sectionLabel: string;
  quote: string | null;
  body: string;
  author: TPerson & { side: TCommentSide };
  createdAt: string;
};

export type TThreadView = TCommentView & {
  reviewId: string;
  resolvedAt: string | null;
  resolvedBy: TPerson | null;
  state: TThreadState;
  /** Where the team says this comment was answered: a later plan version or a later proposal review. */
  answeredIn: { versionNumber: number | null; reviewId: string | null } | null;
  replies: TCommentView[];
};

// ---------------------------------------------------------------- the review

export type TReviewSubjectView =
  | { type: "plan-version"; id: string; number: number; status: TPlanVersionStatus; submittedAt: string; submittedBy: TPerson | null; content: TPlanContent }
  | { type: "proposal"; id: string; current: TProposalView | null; reviewed: TProposalFields };

export type TAccountContext = {
  id: string;
  name: string;
  stage: TStage;
  owner: TPerson;
  mentor: TPerson | null;
  score: number | null;
  scoredCriteria: number;
  tier: (TTierView & { reviewEveryMonths: number }) | null;
  computedTierName: string | null;
  override: { reason: string | null; by: TPerson | null; at: string | null } | null;
  /** The criteria that weigh most in the score: why the account is in its tier. */
  topCriteria: { name: string; weight: number; value: number; rationale: string }[];
  lights: { area: TLightArea; color: TLightColor | null; reason: string | null; setAt: string | null }[];
  coverage: { score: number | null; uncoveredDecisionMakers: number; singleThreaded: boolean; contacts: number; relationships: number };
  periodic: TPeriodicSchedule;
};

export type TChangeAnswer = {
  section: string;
  sectionLabel: string;
  status: "added" | "removed" | "changed";
  /** Comments on the previous review the team says this version answers, anchored here. */
  answers: { id: string; body: string; author: TPerson; quote: string | null }[];
};

export type TPreviousReview = {
  id: string;
  status: TReviewStatus;
  summary: string | null;
  decidedAt: string | null;
  /** For plans: the version that was reviewed. */
  versionNumber: number | null;
  diff: TPlanDiff | null;
  /** For proposals: the fields as they were reviewed then. */
  proposalChanges: { field: string; label: string; before: string; after: string }[] | null;
  changes: TChangeAnswer[];
  /** Answered comments anchored to "general" or to a section that did not change. */
  otherAnswers: TChangeAnswer["answers"];
  /** Threads of the previous review still open and not marked as answered. */
  stillOpen: number;
};

export type TReviewPermissions = { comment: boolean; resolve: boolean; verdict: boolean };

export type TReviewView = {
  id: string;
  accountId: string;
  status: TReviewStatus;
  /** A pending plan review whose version was decided elsewhere or overtaken by a newer version. */
  stale: boolean;
  subjectType: TSubjectType;
  title: string;
  subject: TReviewSubjectView;
  mentor: TPerson | null;
  requestedBy: TPerson | null;
  submittedAt: string;
  decidedAt: string | null;
  decidedBy: TPerson | null;
  summary: string | null;
  turnaroundDays: number | null;
  version: number;
  sections: { key: string; label: string }[];
  threads: TThreadView[];
  previous: TPreviousReview | null;
  context: TAccountContext;
  /** After an endorsed plan: who on the team has committed to it. */
  commitment: { versionNumber: number; committed: number; total: number; pending: TPerson[] } | null;
  permissions: TReviewPermissions;
  viewerId: string;
  /** The viewer is the account's owner or on its team: the side that answers and revises. */
  viewerOnTeam: boolean;
};

// ---------------------------------------------------------------- lists

export type TReviewListItem = {
  kind: "review";
  id: string;
  status: TReviewStatus;
  stale: boolean;
  subjectType: TSubjectType;
  title: string;
  account: TAccountBrief;
  mentor: TPerson | null;
  requestedBy: TPerson | null;
  submittedAt: string;
  decidedAt: string | null;
  decisionDate: string | null;
  openThreads: number;
  awaitingTeam: number;
  urgency: TUrgency;
  href: string;
};

export type TPeriodicQueueItem = {
  kind: "periodic-review";
  id: string;
  account: TAccountBrief;
  mentor: TPerson | null;
  schedule: TPeriodicSchedule;
  urgency: TUrgency;
  href: string;
};

export type TQueueItem = TReviewListItem | TPeriodicQueueItem;

export type TTurnaroundView = TTurnaroundRow & { mentor: TPerson };

// ---------------------------------------------------------------- periodic reviews

export type TPeriodicReviewView = {
  id: string;
  heldOn: string;
  attendees: string[];
  notes: string;
  outcome: TPeriodicOutcome | string;
  nextSteps: string[];
  mentor: TPerson | null;
  createdAt: string;
};

export type TPeriodicOverview = {
  schedule: TPeriodicSchedule;
  history: TPeriodicReviewView[];
  canRecord: boolean;
  /** Who may own the agreed next steps, and who is suggested as attending. */
  team: TPerson[];
  mentor: TPerson | null;
};

// ---------------------------------------------------------------- the account's tab

export type TReviewablePlan = {
  /** The saved draft, if any (its version is the optimistic-concurrency token for submitting). */
  draft: { version: number; basedOnNumber: number | null; changedSections: string[]; savedAt: string } | null;
  latest: { id: string; number: number; status: TPlanVersionStatus; reviewId: string | null } | null;
  /** The last review that asked for changes, with its threads, when the next version is not under review yet. */
  changesRequested: {
    reviewId: string;
    versionNumber: number;
    threads: { id: string; section: string; sectionLabel: string; body: string; state: TThreadState; suggested: boolean }[];
  } | null;
};

export type TAccountReviews = {
  account: { id: string; name: string; owner: TPerson; mentor: TPerson | null };
  reviews: TReviewListItem[];
  proposals: TProposalView[];
  periodic: TPeriodicOverview;
  plan: TReviewablePlan;
  permissions: { request: boolean; comment: boolean; recordPeriodic: boolean; editProposals: boolean };
};
