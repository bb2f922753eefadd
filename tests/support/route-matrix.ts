// Who may call each API route: the access-matrix test walks it, the fuzz test uses it to pick an
// allowed caller. A route that is not listed here fails both.
import type { Action, RoleName } from "@/lib/auth/policy";
import type { makeWorld } from "./fixtures";
import { emptyPlanContent } from "@/lib/plans/schema";
import { PERIODIC_OUTCOMES, PROPOSAL_KINDS } from "@/lib/reviews/schema";

export type World = Awaited<ReturnType<typeof makeWorld>>;
export type Params = Record<string, string>;
export type Spec =
  /** Routes under /api/accounts/{id}: the account must be visible (else 404), then `action` is checked (else 403). */
  | { scope: "account"; action: Action; query?: (w: World) => string; body?: (w: World) => unknown | Promise<unknown>; params?: (w: World) => Promise<Params> | Params }
  /** Routes outside an account: only `roles` may call them (403 for the others). */
  | { scope: "global"; roles: readonly RoleName[] | "all"; body?: (w: World) => unknown | Promise<unknown>; params?: (w: World) => Promise<Params> | Params }
  /** Open to anyone (health, sign-in). */
  | { scope: "public" };

const ALL = "all" as const;

/** A proposal under review on the world's account, with one comment thread (made once per world). */
const fixtures = new WeakMap<World, Promise<{ proposalId: string; reviewId: string; commentId: string }>>();
function reviewFixture(w: World) {
  if (!fixtures.has(w)) {
    fixtures.set(w, (async () => {
      const { testDb } = await import("./fixtures");
      const db = testDb();
      const proposal = await db.proposal.create({ data: { accountId: w.account.id, title: "Matrix proposal", kind: PROPOSAL_KINDS[0], authorId: w.owner.id } });
      const review = await db.review.create({ data: { accountId: w.account.id, subjectType: "PROPOSAL", proposalId: proposal.id, mentorId: w.mentor.id, requestedById: w.owner.id } });
      const comment = await db.comment.create({ data: { reviewId: review.id, authorId: w.mentor.id, section: "body", body: "Why this price?" } });
      return { proposalId: proposal.id, reviewId: review.id, commentId: comment.id };
    })());
  }
  return fixtures.get(w)!;
}

/** The selection model as the API returns it, to send back as a (valid) body. */
async function currentModel(w: World): Promise<Record<string, unknown>> {
  const { GET } = await import("@/app/api/selection-model/route");
  const { call } = await import("./http");
  return (await call(GET, { user: w.senior })).body;
}
const ADMIN_ONLY = ["ADMIN"] as const;

export const MATRIX: Record<string, Spec> = {
  "GET /api/health": { scope: "public" },
  "GET /api/auth/[...nextauth]": { scope: "public" },
  "POST /api/auth/[...nextauth]": { scope: "public" },
  "GET /api/accounts": { scope: "global", roles: ALL },
  "POST /api/accounts": { scope: "global", roles: ["ACCOUNT_MANAGER", "SENIOR_MANAGER", "ADMIN"], body: () => ({ name: `Matrix ${Date.now()}`, industry: "X", region: "Y" }) },
  "GET /api/accounts/[id]": { scope: "account", action: "account:read" },
  "PATCH /api/accounts/[id]": { scope: "account", action: "account:edit", body: () => ({ description: "matrix", version: 1 }) },
  "DELETE /api/accounts/[id]": { scope: "account", action: "account:archive" },
  "PUT /api/accounts/[id]/team": { scope: "account", action: "account:manageTeam", body: (w) => ({ members: [{ userId: w.member.id, role: "MEMBER" }], version: 1 }) },
  "GET /api/people": { scope: "global", roles: ALL },
  "GET /api/users": { scope: "global", roles: ADMIN_ONLY },
  "POST /api/users": { scope: "global", roles: ADMIN_ONLY, body: () => ({ email: `m${Date.now()}${Math.random()}@t.io`, name: "Matrix User", role: "MENTOR", password: "long-enough-pw" }) },
  "PATCH /api/users/[id]": { scope: "global", roles: ADMIN_ONLY, body: () => ({ name: "Renamed", version: 1 }), params: (w) => ({ id: w.outsider.id }) },
  "GET /api/audit": { scope: "global", roles: ADMIN_ONLY },

  // Selection model, scorecards, tiers (issue 3)
  "GET /api/selection-model": { scope: "global", roles: ALL },
  // A stale version: allowed roles get 409 and nothing is re-tiered (other test files share the database).
  "PUT /api/selection-model": { scope: "global", roles: ["SENIOR_MANAGER", "ADMIN"], body: async (w) => ({ ...(await currentModel(w)), version: 999_999 }) },
  "POST /api/selection-model/preview": { scope: "global", roles: ["SENIOR_MANAGER", "ADMIN"], body: (w) => currentModel(w) },
  "GET /api/accounts/[id]/scorecard": { scope: "account", action: "account:read" },
  "GET /api/accounts/[id]/scorecard/history": { scope: "account", action: "account:read" },
  "PUT /api/accounts/[id]/scorecard": { scope: "account", action: "scorecard:edit", body: () => ({ scores: [], version: 1 }) },
  "PUT /api/accounts/[id]/tier-override": { scope: "account", action: "tier:override", body: () => ({ tierId: "no-such-tier", reason: "Strategic partner for the region", expectedOverrideAt: null }) },
  "DELETE /api/accounts/[id]/tier-override": { scope: "account", action: "tier:override", query: () => "expectedOverrideAt=2026-01-01T00:00:00.000Z" },

  // Dashboards (issue 7): everyone, scoped to what they may see.
  "GET /api/dashboard": { scope: "global", roles: ALL },
  "GET /api/dashboard/accounts": { scope: "global", roles: ALL },

  // Mentor reviews (issue 6). Routes under /api/reviews/{id} are scoped by the review's account.
  "GET /api/reviews": { scope: "global", roles: ALL },
  "GET /api/reviews/turnaround": { scope: "global", roles: ALL },
  "GET /api/reviews/subjects": { scope: "account", action: "account:read", query: (w) => `accountId=${w.account.id}` },
  "POST /api/reviews": { scope: "account", action: "review:request", body: async (w) => ({ subject: { type: "proposal", id: (await reviewFixture(w)).proposalId } }) },
  "GET /api/reviews/[id]": { scope: "account", action: "account:read", params: async (w) => ({ id: (await reviewFixture(w)).reviewId }) },
  "POST /api/reviews/[id]/comments": { scope: "account", action: "review:comment", body: () => ({ section: "body", body: "Is the price defensible?" }), params: async (w) => ({ id: (await reviewFixture(w)).reviewId }) },
  "PATCH /api/reviews/[id]/comments/[commentId]": { scope: "account", action: "review:comment", body: () => ({ resolved: true }), params: async (w) => { const f = await reviewFixture(w); return { id: f.reviewId, commentId: f.commentId }; } },
  "POST /api/reviews/[id]/verdict": { scope: "account", action: "review:verdict", body: () => ({ verdict: "endorse", summary: "Sound proposal" }), params: async (w) => ({ id: (await reviewFixture(w)).reviewId }) },
  "GET /api/accounts/[id]/proposals": { scope: "account", action: "account:read" },
  "POST /api/accounts/[id]/proposals": { scope: "account", action: "review:request", body: () => ({ title: "Framework renewal", kind: PROPOSAL_KINDS[0], body: "<p>Terms</p>" }) },
  "GET /api/accounts/[id]/proposals/[proposalId]": { scope: "account", action: "account:read", params: async (w) => ({ proposalId: (await reviewFixture(w)).proposalId }) },
  "PUT /api/accounts/[id]/proposals/[proposalId]": { scope: "account", action: "review:request", body: () => ({ title: "Framework renewal v2", kind: PROPOSAL_KINDS[0], version: 1 }), params: async (w) => ({ proposalId: (await reviewFixture(w)).proposalId }) },
  "GET /api/accounts/[id]/periodic-reviews": { scope: "account", action: "account:read" },
  "POST /api/accounts/[id]/periodic-reviews": { scope: "account", action: "periodicReview:record", body: () => ({ heldOn: "2026-11-20", attendees: ["Mentor", "Manager"], outcome: PERIODIC_OUTCOMES[0] }) },

  // Plans (issue 5)
  "GET /api/accounts/[id]/plan": { scope: "account", action: "account:read" },
  "GET /api/accounts/[id]/plan/draft": { scope: "account", action: "account:read" },
  "PUT /api/accounts/[id]/plan/draft": { scope: "account", action: "plan:edit", body: () => ({ content: emptyPlanContent(), version: 0 }) },
  "GET /api/accounts/[id]/plan/versions": { scope: "account", action: "account:read" },
  "POST /api/accounts/[id]/plan/versions": { scope: "account", action: "plan:submit", body: () => ({}) },
  "GET /api/accounts/[id]/plan/versions/[a]": { scope: "account", action: "account:read", params: () => ({ a: "1" }) },
  "GET /api/accounts/[id]/plan/versions/[a]/diff/[b]": { scope: "account", action: "account:read", params: () => ({ a: "1", b: "2" }) },
  "POST /api/accounts/[id]/plan/versions/[a]/decision": { scope: "account", action: "plan:approve", body: () => ({ decision: "APPROVED" }), params: () => ({ a: "1" }) },
  "POST /api/accounts/[id]/plan/commitments": { scope: "account", action: "plan:commit", body: () => ({ versionNumber: 1 }) },
  "POST /api/accounts/[id]/plan/actions": { scope: "account", action: "plan:edit", body: (w) => ({ title: "Matrix action", ownerId: w.owner.id, dueDate: "2027-01-15", status: "OPEN" }) },
  "PATCH /api/accounts/[id]/plan/actions/[actionId]": { scope: "account", action: "plan:edit", body: () => ({ status: "DONE", version: 1 }), params: () => ({ actionId: "no-such-action" }) },
  "POST /api/accounts/[id]/plan/lights": { scope: "account", action: "plan:edit", body: () => ({ area: "delivery", color: "GREEN", reason: "On track" }) },
  "POST /api/accounts/[id]/plan/financials": { scope: "account", action: "plan:edit", body: () => ({ year: 2027, targetRevenue: 1000, targetMargin: 200 }) },
  "PATCH /api/accounts/[id]/plan/financials/[year]": { scope: "account", action: "plan:edit", body: () => ({ year: 2027, actualRevenue: 900, version: 1 }), params: () => ({ year: "2027" }) },
  "POST /api/accounts/[id]/plan/stage": { scope: "account", action: "account:edit", body: () => ({ stage: "REVIEW", fromStage: "PRE_SALES", note: "" }) },

  // Relationship map (issue 4)
  "GET /api/accounts/[id]/relationship-map": { scope: "account", action: "account:read" },
  "POST /api/accounts/[id]/contacts": { scope: "account", action: "relationship:edit", body: () => ({ name: "Matrix Person" }) },
  "GET /api/accounts/[id]/contacts/[contactId]": { scope: "account", action: "account:read", params: () => ({ contactId: "no-such-person" }) },
  "PATCH /api/accounts/[id]/contacts/[contactId]": { scope: "account", action: "relationship:edit", body: () => ({ influence: 4, version: 1 }), params: () => ({ contactId: "no-such-person" }) },
  "DELETE /api/accounts/[id]/contacts/[contactId]": { scope: "account", action: "relationship:edit", params: () => ({ contactId: "no-such-person" }) },
  "POST /api/accounts/[id]/contacts/import": { scope: "account", action: "relationship:edit", body: () => ({ csv: "name\nMatrix Import", mode: "preview" }) },
  "GET /api/accounts/[id]/contacts/export": { scope: "account", action: "account:read" },
  "POST /api/accounts/[id]/relationships": { scope: "account", action: "relationship:edit", body: (w) => ({ userId: w.owner.id, contactId: "no-such-person", strength: 3 }) },
  "PATCH /api/accounts/[id]/relationships/[relationshipId]": { scope: "account", action: "relationship:edit", body: () => ({ strength: 4, version: 1 }), params: () => ({ relationshipId: "no-such-relationship" }) },
  "DELETE /api/accounts/[id]/relationships/[relationshipId]": { scope: "account", action: "relationship:edit", params: () => ({ relationshipId: "no-such-relationship" }) },
  "POST /api/accounts/[id]/relationships/import": { scope: "account", action: "relationship:edit", body: (w) => ({ csv: `team_member_email,person,strength\n${w.owner.email},Nobody,3`, mode: "preview" }) },
  "GET /api/accounts/[id]/relationships/export": { scope: "account", action: "account:read" },
  "POST /api/accounts/[id]/links": { scope: "account", action: "relationship:edit", body: () => ({ fromId: "no-such-a", toId: "no-such-b", kind: "INFLUENCES" }) },
  "PATCH /api/accounts/[id]/links/[linkId]": { scope: "account", action: "relationship:edit", body: () => ({ notes: "matrix", version: 1 }), params: () => ({ linkId: "no-such-link" }) },
  "DELETE /api/accounts/[id]/links/[linkId]": { scope: "account", action: "relationship:edit", params: () => ({ linkId: "no-such-link" }) },
};

