import { beforeAll, describe, expect, it } from "vitest";
import * as planRoute from "@/app/api/accounts/[id]/plan/route";
import * as draftRoute from "@/app/api/accounts/[id]/plan/draft/route";
import * as versionsRoute from "@/app/api/accounts/[id]/plan/versions/route";
import * as versionRoute from "@/app/api/accounts/[id]/plan/versions/[a]/route";
import * as diffRoute from "@/app/api/accounts/[id]/plan/versions/[a]/diff/[b]/route";
import * as decisionRoute from "@/app/api/accounts/[id]/plan/versions/[a]/decision/route";
import * as commitmentsRoute from "@/app/api/accounts/[id]/plan/commitments/route";
import { emptyPlanContent, LIMITS, type TPlanContent } from "@/lib/plans/schema";
import { call, type TestUser } from "../support/http";
import { makeWorld, testDb } from "../support/fixtures";
import type { SessionUser } from "@/lib/auth/session";

type World = Awaited<ReturnType<typeof makeWorld>>;

/** A plan that is ready to submit (objectives, targets and strategy filled in). */
const readyPlan = (strategy = "Land and expand from the two pilot sites."): TPlanContent => ({
  ...emptyPlanContent(),
  keyInformation: { global: "Market consolidating.", corporate: "New COO.", project: "Pilot at two sites." },
  objectives: [{ id: "obj-1", title: "Become preferred supplier", description: "", horizonYear: 2028 }],
  financialTargets: [
    { year: 2026, revenue: 1_000_000, margin: 250_000 },
    { year: 2027, revenue: 1_200_000, margin: 300_000 },
  ],
  strategy,
});

const saveDraft = (user: TestUser, id: string, content: unknown, version: number) => call(draftRoute.PUT, { user, method: "PUT", params: { id }, body: { content, version } });
const submit = (user: TestUser, id: string, body: unknown = {}) => call(versionsRoute.POST, { user, params: { id }, body });
const decide = (user: TestUser, id: string, n: number, decision: string) => call(decisionRoute.POST, { user, params: { id, a: String(n) }, body: { decision } });

describe("who may read and change a plan", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });

  it("lets the team, the mentor and senior roles read it; outsiders get 404", async () => {
    const get = (user: TestUser) => call(planRoute.GET, { user, params: { id: w.account.id } });
    for (const user of [w.owner, w.member, w.mentor, w.senior, w.admin]) expect((await get(user)).status, user.role).toBe(200);
    for (const user of [w.outsider, w.otherMentor]) expect((await get(user)).status).toBe(404);
    expect((await get(null)).status).toBe(401);
  });

  it("lets only the account team edit the draft", async () => {
    const first = await saveDraft(w.member, w.account.id, emptyPlanContent(), 0);
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    for (const user of [w.mentor, w.senior, w.admin]) {
      expect((await saveDraft(user, w.account.id, emptyPlanContent(), 1)).status, user.role).toBe(403);
    }
    expect((await saveDraft(w.outsider, w.account.id, emptyPlanContent(), 1)).status).toBe(404);
    const draft = await testDb().accountPlan.findUniqueOrThrow({ where: { accountId: w.account.id } });
    expect(draft.draftVersion).toBe(1);
  });

  it("lets the owner or a senior manager submit, not a team member or the mentor", async () => {
    expect((await saveDraft(w.owner, w.account.id, readyPlan(), 1)).status).toBe(200);
    expect((await submit(w.member, w.account.id)).status).toBe(403);
    expect((await submit(w.mentor, w.account.id)).status).toBe(403);
    const res = await submit(w.owner, w.account.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 1, status: "SUBMITTED" });
    expect((await saveDraft(w.owner, w.account.id, readyPlan("A senior manager's revision."), 2)).status).toBe(200);
    expect((await submit(w.senior, w.account.id)).body).toMatchObject({ number: 2, status: "SUBMITTED" });
  });

  it("lets a senior manager approve, not the owner or the mentor (mentor review comes later)", async () => {
    expect((await decide(w.owner, w.account.id, 2, "APPROVED")).status).toBe(403);
    expect((await decide(w.mentor, w.account.id, 2, "APPROVED")).status).toBe(403);
    const res = await decide(w.senior, w.account.id, 2, "APPROVED");
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("APPROVED");
  });

  it("asks the team to commit to the approved version; only team members can", async () => {
    const plan = (await call(planRoute.GET, { user: w.owner, params: { id: w.account.id } })).body;
    expect(plan.current.number).toBe(2);
    expect(plan.commitment).toMatchObject({ versionNumber: 2, committed: 0, total: 2, complete: false });
    expect((await call(commitmentsRoute.POST, { user: w.mentor, params: { id: w.account.id }, body: { versionNumber: 2 } })).status).toBe(403);
    expect((await call(commitmentsRoute.POST, { user: w.senior, params: { id: w.account.id }, body: { versionNumber: 2 } })).status).toBe(403);
    expect((await call(commitmentsRoute.POST, { user: w.member, params: { id: w.account.id }, body: { versionNumber: 1 } })).status).toBe(409);
    expect((await call(commitmentsRoute.POST, { user: w.member, params: { id: w.account.id }, body: { versionNumber: 2 } })).status).toBe(201);
    // Committing twice changes nothing.
    expect((await call(commitmentsRoute.POST, { user: w.member, params: { id: w.account.id }, body: { versionNumber: 2 } })).status).toBe(201);
    const after = (await call(planRoute.GET, { user: w.owner, params: { id: w.account.id } })).body;
    expect(after.commitment).toMatchObject({ committed: 1, total: 2 });
    expect(after.commitment.pending.map((p: { userId: string }) => p.userId)).toEqual([w.owner.id]);
    // What "My actions" and its badge list: the owner still has it to commit to, the member no
    // longer, and nobody off the team (a senior manager, the mentor, an outsider) ever had.
    const { listPendingCommitments } = await import("@/lib/plans/service");
    const waiting = async (u: NonNullable<TestUser>) => (await listPendingCommitments({ user: u as SessionUser })).filter((p) => p.accountId === w.account.id);
    expect(await waiting(w.owner)).toEqual([{ accountId: w.account.id, accountName: w.account.name, versionNumber: 2, approvedAt: expect.any(String) }]);
    for (const u of [w.member, w.senior, w.mentor, w.outsider]) expect(await waiting(u)).toEqual([]);
  });

  it("copies the approved version's yearly targets into targets vs actuals", async () => {
    const plan = (await call(planRoute.GET, { user: w.owner, params: { id: w.account.id } })).body;
    expect(plan.targetsVsActuals.map((r: { year: number; targetRevenue: number }) => [r.year, r.targetRevenue])).toEqual([
      [2026, 1_000_000],
      [2027, 1_200_000],
    ]);
    expect(await testDb().financialYear.count({ where: { accountId: w.account.id } })).toBe(2);
  });
});

describe("validation names the section and writes nothing", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
    await saveDraft(w.owner, w.account.id, readyPlan(), 0);
  });

  it("answers 422 naming the section that is too long", async () => {
    const res = await saveDraft(w.owner, w.account.id, { ...readyPlan(), risks: "x".repeat(LIMITS.longText + 1) }, 1);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(["risks"]);
    expect(res.body.error).toMatch(/^Risks and competitive activity: At most 20,000 characters/);
    const plan = await testDb().accountPlan.findUniqueOrThrow({ where: { accountId: w.account.id } });
    expect(plan.draftVersion).toBe(1);
    expect((plan.draft as TPlanContent).risks).toBe("");
  });

  it("names the sub-field and the row", async () => {
    const bad = { ...readyPlan(), howTheyBuy: { decisionProcess: 42, purchasingStrategy: "" }, financialTargets: [{ year: 1900, revenue: 1, margin: 1 }] };
    const res = await saveDraft(w.owner, w.account.id, bad, 1);
    expect(res.status).toBe(422);
    expect(res.body.fields.howTheyBuy).toMatch(/How the customer buys \(Decision process\)/);
    expect(res.body.fields.financialTargets).toMatch(/Financial targets \(row 1, year\)/);
  });

  it("refuses a draft without a version, and a malformed body", async () => {
    expect((await call(draftRoute.PUT, { user: w.owner, method: "PUT", params: { id: w.account.id }, body: { content: readyPlan() } })).status).toBe(422);
    expect((await call(draftRoute.PUT, { user: w.owner, method: "PUT", params: { id: w.account.id }, rawBody: "{not json" })).status).toBe(400);
  });

  it("will not submit a draft that is not ready, naming what is missing", async () => {
    expect((await saveDraft(w.owner, w.account.id, { ...readyPlan(), strategy: "", objectives: [] }, 1)).status).toBe(200);
    const res = await submit(w.owner, w.account.id);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields).sort()).toEqual(["objectives", "strategy"]);
    expect(await testDb().planVersion.count({ where: { accountId: w.account.id } })).toBe(0);
  });
});

describe("two people editing the same draft", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });

  it("saves the first and answers the second with 409 and the current draft, losing nothing", async () => {
    const created = await saveDraft(w.owner, w.account.id, { ...emptyPlanContent(), strategy: "Start" }, 0);
    expect(created.status).toBe(200);
    const v = created.body.version;
    const ownerSave = await saveDraft(w.owner, w.account.id, { ...emptyPlanContent(), strategy: "Owner's words" }, v);
    const memberSave = await saveDraft(w.member, w.account.id, { ...emptyPlanContent(), strategy: "Member's words" }, v);
    expect(ownerSave.status).toBe(200);
    expect(memberSave.status).toBe(409);
    expect(memberSave.body.current).toMatchObject({ version: v + 1, content: { strategy: "Owner's words" }, savedBy: { id: w.owner.id } });
    // The member reconciles on top of the current draft and saves.
    const merged = await saveDraft(w.member, w.account.id, { ...emptyPlanContent(), strategy: "Owner's words. Member's words." }, memberSave.body.current.version);
    expect(merged.status).toBe(200);
    expect(merged.body.content.strategy).toBe("Owner's words. Member's words.");
  });

  it("lets only one of two simultaneous saves through", async () => {
    const start = (await call(draftRoute.GET, { user: w.owner, params: { id: w.account.id } })).body.draft.version;
    const results = await Promise.all([
      saveDraft(w.owner, w.account.id, { ...emptyPlanContent(), strategy: "A" }, start),
      saveDraft(w.member, w.account.id, { ...emptyPlanContent(), strategy: "B" }, start),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const plan = await testDb().accountPlan.findUniqueOrThrow({ where: { accountId: w.account.id } });
    expect(plan.draftVersion).toBe(start + 1);
  });

  it("answers 409 when two people both create the first draft", async () => {
    const w2 = await makeWorld();
    const results = await Promise.all([
      saveDraft(w2.owner, w2.account.id, { ...emptyPlanContent(), strategy: "Owner's first line" }, 0),
      saveDraft(w2.member, w2.account.id, { ...emptyPlanContent(), strategy: "Member's first line" }, 0),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("takes a save sent again after its answer was lost as done, not as a conflict with itself", async () => {
    const w3 = await makeWorld();
    const first = await saveDraft(w3.owner, w3.account.id, { ...emptyPlanContent(), strategy: "Written on the train" }, 0);
    expect(first.status).toBe(200);
    const v = first.body.version;
    const words = { ...emptyPlanContent(), strategy: "Written on the train, then in the tunnel" };
    // The save reaches the database, but its answer never reaches the browser, which sends it again.
    expect((await saveDraft(w3.owner, w3.account.id, words, v)).status).toBe(200);
    const audits = await testDb().auditEvent.count({ where: { accountId: w3.account.id, action: "plan.draft.save" } });
    const again = await saveDraft(w3.owner, w3.account.id, words, v);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: v + 1, content: { strategy: "Written on the train, then in the tunnel" } });
    // Nothing was written the second time.
    const plan = await testDb().accountPlan.findUniqueOrThrow({ where: { accountId: w3.account.id } });
    expect(plan.draftVersion).toBe(v + 1);
    expect(await testDb().auditEvent.count({ where: { accountId: w3.account.id, action: "plan.draft.save" } })).toBe(audits);
    // The same stale version with other words is still a conflict, with the current draft.
    const other = await saveDraft(w3.member, w3.account.id, { ...emptyPlanContent(), strategy: "Something else" }, v);
    expect(other.status).toBe(409);
    expect(other.body.current).toMatchObject({ version: v + 1, content: { strategy: "Written on the train, then in the tunnel" } });
  });

  it("refuses to submit a draft the submitter has not seen", async () => {
    const current = (await call(draftRoute.GET, { user: w.owner, params: { id: w.account.id } })).body.draft;
    await saveDraft(w.owner, w.account.id, readyPlan(), current.version);
    const res = await submit(w.owner, w.account.id, { draftVersion: current.version });
    expect(res.status).toBe(409);
    expect(res.body.current.version).toBe(current.version + 1);
  });
});

describe("versions are append-only", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });

  it("numbers each submission and never changes an earlier version's content", async () => {
    await saveDraft(w.owner, w.account.id, readyPlan("First strategy."), 0);
    expect((await submit(w.owner, w.account.id, { draftVersion: 1 })).body.number).toBe(1);
    const v1Before = await testDb().planVersion.findUniqueOrThrow({ where: { accountId_number: { accountId: w.account.id, number: 1 } } });

    // Editing the draft after submitting leaves version 1 as it was.
    await saveDraft(w.owner, w.account.id, readyPlan("Second strategy, wider."), 1);
    expect((await call(versionRoute.GET, { user: w.owner, params: { id: w.account.id, a: "1" } })).body.content.strategy).toBe("First strategy.");
    expect((await submit(w.owner, w.account.id)).body.number).toBe(2);
    expect((await decide(w.senior, w.account.id, 2, "APPROVED")).status).toBe(200);

    const v1After = await testDb().planVersion.findUniqueOrThrow({ where: { accountId_number: { accountId: w.account.id, number: 1 } } });
    expect(v1After.content).toEqual(v1Before.content);
    expect(v1After.submittedAt).toEqual(v1Before.submittedAt);
    // Version 1 was never decided; the approval of version 2 overtook it.
    expect(v1After.status).toBe("SUPERSEDED");

    const list = (await call(versionsRoute.GET, { user: w.mentor, params: { id: w.account.id } })).body;
    expect(list.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [2, "APPROVED"],
      [1, "SUPERSEDED"],
    ]);
  });

  it("refuses to submit a draft identical to the latest version", async () => {
    const res = await submit(w.owner, w.account.id);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/Nothing has changed since version 2/);
    expect(await testDb().planVersion.count({ where: { accountId: w.account.id } })).toBe(2);
  });

  it("keeps the approved version as the current plan while a newer one awaits review", async () => {
    await saveDraft(w.owner, w.account.id, readyPlan("Third strategy."), 2);
    expect((await submit(w.owner, w.account.id)).body.number).toBe(3);
    const plan = (await call(planRoute.GET, { user: w.member, params: { id: w.account.id } })).body;
    expect(plan.current.number).toBe(2);
    expect(plan.current.content.strategy).toBe("Second strategy, wider.");
    expect(plan.versions.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
  });

  it("cannot approve an old version over a newer approved one, nor decide twice", async () => {
    expect((await decide(w.senior, w.account.id, 2, "APPROVED")).status).toBe(409);
    expect((await decide(w.senior, w.account.id, 3, "CHANGES_REQUESTED")).status).toBe(200);
    expect((await decide(w.senior, w.account.id, 3, "APPROVED")).status).toBe(409);
    expect((await decide(w.senior, w.account.id, 9, "APPROVED")).status).toBe(404);
  });

  it("compares any two versions section by section", async () => {
    const res = await call(diffRoute.GET, { user: w.mentor, params: { id: w.account.id, a: "1", b: "3" } });
    expect(res.status).toBe(200);
    expect(res.body.a.number).toBe(1);
    expect(res.body.b.number).toBe(3);
    expect(res.body.diff.changedSections).toEqual(["strategy"]);
    const strategy = res.body.diff.sections.find((s: { key: string }) => s.key === "strategy");
    expect(strategy.fields[0].parts.filter((p: { removed: boolean }) => p.removed).map((p: { value: string }) => p.value.trim())).toContain("First");
    expect(strategy.fields[0].parts.filter((p: { added: boolean }) => p.added).map((p: { value: string }) => p.value.trim())).toContain("Third");
    expect((await call(diffRoute.GET, { user: w.mentor, params: { id: w.account.id, a: "1", b: "7" } })).status).toBe(404);
    expect((await call(diffRoute.GET, { user: w.outsider, params: { id: w.account.id, a: "1", b: "3" } })).status).toBe(404);
    expect((await call(diffRoute.GET, { user: w.mentor, params: { id: w.account.id, a: "x", b: "3" } })).status).toBe(422);
  });

  it("records who did what in the audit log, in the same transactions", async () => {
    const events = await testDb().auditEvent.findMany({ where: { accountId: w.account.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    const actions = events.map((e) => e.action);
    expect(actions.filter((a) => a === "plan.version.submit")).toHaveLength(3);
    expect(actions).toContain("plan.version.approve");
    expect(actions).toContain("plan.version.requestChanges");
    expect(actions.filter((a) => a === "plan.draft.save").length).toBeGreaterThanOrEqual(3);
  });
});
