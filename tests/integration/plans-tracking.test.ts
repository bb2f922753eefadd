import { beforeAll, describe, expect, it } from "vitest";
import * as planRoute from "@/app/api/accounts/[id]/plan/route";
import * as draftRoute from "@/app/api/accounts/[id]/plan/draft/route";
import * as actionsRoute from "@/app/api/accounts/[id]/plan/actions/route";
import * as actionRoute from "@/app/api/accounts/[id]/plan/actions/[actionId]/route";
import * as lightsRoute from "@/app/api/accounts/[id]/plan/lights/route";
import * as financialsRoute from "@/app/api/accounts/[id]/plan/financials/route";
import * as financialYearRoute from "@/app/api/accounts/[id]/plan/financials/[year]/route";
import * as stageRoute from "@/app/api/accounts/[id]/plan/stage/route";
import { listMyActions } from "@/lib/plans/tracking";
import { emptyPlanContent } from "@/lib/plans/schema";
import { createAccount } from "@/prisma/factories";
import { call, type TestUser } from "../support/http";
import { makeWorld, testDb } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
  // A draft with one objective, so actions can point at it.
  await call(draftRoute.PUT, {
    user: w.owner,
    method: "PUT",
    params: { id: w.account.id },
    body: { version: 0, content: { ...emptyPlanContent(), objectives: [{ id: "obj-a", title: "Win the service contract", description: "" }] } },
  });
});

const plan = async (user: TestUser = w.owner) => (await call(planRoute.GET, { user, params: { id: w.account.id } })).body;
const addAction = (user: TestUser, body: Record<string, unknown>) =>
  call(actionsRoute.POST, { user, params: { id: w.account.id }, body: { title: "Call the CFO", ownerId: w.member.id, dueDate: "2026-01-15", ...body } });

describe("short-term actions", () => {
  it("lets the team add actions owned by a team member, serving a plan objective", async () => {
    const res = await addAction(w.owner, { objectiveRef: "obj-a" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: "Call the CFO", owner: { id: w.member.id }, dueDate: "2026-01-15", status: "OPEN", objectiveRef: "obj-a", version: 1 });
  });

  it("refuses an owner from outside the team, an unknown objective and a bad date, naming the field", async () => {
    const outsiderOwned = await addAction(w.owner, { ownerId: w.outsider.id });
    expect(outsiderOwned.status).toBe(422);
    expect(outsiderOwned.body.fields).toHaveProperty("ownerId");
    const unknownObjective = await addAction(w.owner, { objectiveRef: "obj-nope" });
    expect(unknownObjective.status).toBe(422);
    expect(unknownObjective.body.fields).toHaveProperty("objectiveRef");
    const badDate = await addAction(w.owner, { dueDate: "15/01/2026" });
    expect(badDate.status).toBe(422);
    expect(badDate.body.fields).toHaveProperty("dueDate");
  });

  it("lets the mentor and senior managers read but not change actions", async () => {
    expect((await addAction(w.mentor, {})).status).toBe(403);
    expect((await addAction(w.senior, {})).status).toBe(403);
    expect((await addAction(w.outsider, {})).status).toBe(404);
    expect((await plan(w.mentor)).actions.length).toBeGreaterThan(0);
  });

  it("marks an action done with its version, and answers a stale edit with 409 and the action as it is", async () => {
    const created = (await addAction(w.owner, { title: "Send the case study" })).body;
    const done = await call(actionRoute.PATCH, { user: w.member, method: "PATCH", params: { id: w.account.id, actionId: created.id }, body: { status: "DONE", version: 1 } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "DONE", version: 2 });
    const stale = await call(actionRoute.PATCH, { user: w.owner, method: "PATCH", params: { id: w.account.id, actionId: created.id }, body: { title: "Renamed", version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ title: "Send the case study", status: "DONE", version: 2 });
    const row = await testDb().action.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.title).toBe("Send the case study");
  });

  it("answers 404 for an action of another account", async () => {
    const other = await makeWorld();
    const foreign = (await call(actionsRoute.POST, { user: other.owner, params: { id: other.account.id }, body: { title: "Theirs", ownerId: other.owner.id, dueDate: "2026-02-01" } })).body;
    const res = await call(actionRoute.PATCH, { user: w.owner, method: "PATCH", params: { id: w.account.id, actionId: foreign.id }, body: { status: "DONE", version: 1 } });
    expect(res.status).toBe(404);
  });

  it("shows each owner their open actions across accounts on My actions", async () => {
    const second = await createAccount(testDb(), { ownerId: w.owner.id, team: [{ userId: w.member.id, role: "MEMBER" }] });
    const archived = await createAccount(testDb(), { ownerId: w.owner.id, team: [{ userId: w.member.id, role: "MEMBER" }], archived: true });
    await testDb().action.createMany({
      data: [
        { accountId: second.id, title: "On the second account", ownerId: w.member.id, dueDate: new Date("2026-03-01") },
        { accountId: archived.id, title: "On an archived account", ownerId: w.member.id, dueDate: new Date("2026-03-01") },
        { accountId: second.id, title: "Somebody else's", ownerId: w.owner.id, dueDate: new Date("2026-03-01") },
      ],
    });
    const mine = await listMyActions({ user: { ...w.member, role: "ACCOUNT_MANAGER" } });
    const titles = mine.map((a) => a.title);
    expect(titles).toContain("Call the CFO");
    expect(titles).toContain("On the second account");
    expect(titles).not.toContain("On an archived account");
    expect(titles).not.toContain("Somebody else's");
    expect(titles).not.toContain("Send the case study");
    expect(mine.find((a) => a.objectiveRef === "obj-a")?.objectiveTitle).toBe("Win the service contract");
    expect(mine.find((a) => a.title === "On the second account")?.accountName).toBe(second.name);
  });
});

describe("traffic lights", () => {
  it("keeps every light set, and shows the latest per area as current", async () => {
    const set = (color: string, reason: string) => call(lightsRoute.POST, { user: w.member, params: { id: w.account.id }, body: { area: "delivery", color, reason } });
    expect((await set("GREEN", "On plan")).status).toBe(201);
    expect((await set("RED", "Go-live slipped a month")).status).toBe(201);
    const p = await plan();
    expect(p.lights.current.delivery).toMatchObject({ color: "RED", reason: "Go-live slipped a month", setBy: { id: w.member.id } });
    expect(p.lights.current.relationship).toBeNull();
    expect(p.lights.history.filter((l: { area: string }) => l.area === "delivery").map((l: { color: string }) => l.color)).toEqual(["RED", "GREEN"]);
    expect(await testDb().trafficLight.count({ where: { accountId: w.account.id } })).toBe(2);
  });

  it("wants a one-line reason and a known area; the mentor cannot set lights", async () => {
    const post = (user: TestUser, body: unknown) => call(lightsRoute.POST, { user, params: { id: w.account.id }, body });
    const twoLines = await post(w.owner, { area: "financial", color: "AMBER", reason: "one\ntwo" });
    expect(twoLines.status).toBe(422);
    expect(twoLines.body.fields).toHaveProperty("reason");
    expect((await post(w.owner, { area: "weather", color: "AMBER", reason: "x" })).status).toBe(422);
    expect((await post(w.mentor, { area: "financial", color: "AMBER", reason: "x" })).status).toBe(403);
  });
});

describe("targets and actuals", () => {
  it("records a year, refuses recording it twice, and updates it with its version", async () => {
    const first = await call(financialsRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { year: 2025, targetRevenue: 900_000, actualRevenue: 950_000, actualMargin: 210_000 } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ year: 2025, targetRevenue: 900_000, actualRevenue: 950_000, version: 1 });
    const again = await call(financialsRoute.POST, { user: w.member, params: { id: w.account.id }, body: { year: 2025, actualRevenue: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.current).toMatchObject({ actualRevenue: 950_000 });

    const patch = (body: Record<string, unknown>) => call(financialYearRoute.PATCH, { user: w.member, method: "PATCH", params: { id: w.account.id, year: "2025" }, body });
    expect((await patch({ actualMargin: 220_000 })).status).toBe(422);
    const ok = await patch({ actualMargin: 220_000, version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ actualRevenue: 950_000, actualMargin: 220_000, version: 2 });
    expect((await patch({ actualMargin: 1, version: 1 })).status).toBe(409);

    const row = (await plan()).targetsVsActuals.find((r: { year: number }) => r.year === 2025);
    expect(row).toMatchObject({ targetRevenue: 900_000, actualRevenue: 950_000, revenueVariance: 50_000 });
  });

  it("refuses negative revenue and the mentor", async () => {
    expect((await call(financialsRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { year: 2024, actualRevenue: -5 } })).status).toBe(422);
    expect((await call(financialsRoute.POST, { user: w.mentor, params: { id: w.account.id }, body: { year: 2024, actualRevenue: 5 } })).status).toBe(403);
  });
});

describe("lifecycle stage", () => {
  it("changes the stage from the plan and keeps who, when and why", async () => {
    const res = await call(stageRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { stage: "CONTRACT_NEGOTIATION", fromStage: "PRE_SALES", note: "Shortlisted" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fromStage: "PRE_SALES", toStage: "CONTRACT_NEGOTIATION", note: "Shortlisted", changedBy: { id: w.owner.id } });
    const p = await plan();
    expect(p.account.stage).toBe("CONTRACT_NEGOTIATION");
    expect(p.stageHistory[0]).toMatchObject({ toStage: "CONTRACT_NEGOTIATION", note: "Shortlisted" });
    const account = await testDb().account.findUniqueOrThrow({ where: { id: w.account.id } });
    expect(account.version).toBe(2);
  });

  it("refuses moving to the stage it is in, an unknown stage, and the mentor", async () => {
    const from = { fromStage: "CONTRACT_NEGOTIATION" };
    expect((await call(stageRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { stage: "CONTRACT_NEGOTIATION", ...from } })).status).toBe(422);
    expect((await call(stageRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { stage: "DELIVERY", ...from } })).status).toBe(422);
    expect((await call(stageRoute.POST, { user: w.mentor, params: { id: w.account.id }, body: { stage: "REVIEW", ...from } })).status).toBe(403);
    // Where the account is moving from must be said: without it nothing moves.
    const unsaid = await call(stageRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { stage: "REVIEW" } });
    expect(unsaid.status).toBe(422);
    expect(unsaid.body.fields).toHaveProperty("fromStage");
    expect((await testDb().account.findUniqueOrThrow({ where: { id: w.account.id }, select: { stage: true } })).stage).toBe("CONTRACT_NEGOTIATION");
  });

  it("moved by two people at the same moment: one move happens, the other gets 409 saying where it is and who moved it", async () => {
    const x = await makeWorld();
    const db = testDb();
    const move = (user: typeof x.owner, stage: string) => call(stageRoute.POST, { user, params: { id: x.account.id }, body: { stage, fromStage: "PRE_SALES", note: "" } });
    const [a, b] = await Promise.all([move(x.owner, "CONTRACT_NEGOTIATION"), move(x.member, "IMPLEMENTATION")]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [won, lost] = a.status === 201 ? [a, b] : [b, a];
    const winner = won === a ? x.owner : x.member;
    expect(lost.body.current).toMatchObject({ stage: won.body.toStage, lastChange: { toStage: won.body.toStage, changedBy: { id: winner.id, name: winner.name } } });
    expect(lost.body.error).toContain(`${winner.name} moved it there after you opened this page`);
    expect(await db.stageChange.count({ where: { accountId: x.account.id } })).toBe(1);
    expect((await db.account.findUniqueOrThrow({ where: { id: x.account.id }, select: { stage: true } })).stage).toBe(won.body.toStage);
    // A move made later from the page as it was (still showing Pre-sales) is refused the same way.
    const late = await move(x.owner, "REVIEW");
    expect(late.status).toBe(409);
    expect(await db.stageChange.count({ where: { accountId: x.account.id } })).toBe(1);
  });
});

describe("the plan tab's read", () => {
  it("gives back what is stored, as Prisma reads it: days, money to the cent, instants, names and counts", async () => {
    const x = await makeWorld();
    const db = testDb();
    await db.action.create({ data: { accountId: x.account.id, title: "Late one", ownerId: x.member.id, dueDate: new Date("2026-12-31") } });
    await db.action.create({ data: { accountId: x.account.id, title: "Early one", ownerId: x.owner.id, dueDate: new Date("2026-01-01") } });
    await db.financialYear.create({ data: { accountId: x.account.id, year: 2026, targetRevenue: "1234567.89", actualMargin: "0.01" } });
    await db.trafficLight.create({ data: { accountId: x.account.id, area: "delivery", color: "AMBER", reason: "Watch it", setById: x.member.id, setAt: new Date("2026-05-06T07:08:09.123Z") } });
    await db.stageChange.create({ data: { accountId: x.account.id, fromStage: null, toStage: "PRE_SALES", note: "Opened", changedById: x.senior.id, changedAt: new Date("2025-01-02T03:04:05.006Z") } });
    await call(draftRoute.PUT, { user: x.member, method: "PUT", params: { id: x.account.id }, body: { version: 0, content: { ...emptyPlanContent(), strategy: "Grow" } } });

    const p = (await call(planRoute.GET, { user: x.mentor, params: { id: x.account.id } })).body;
    const [actions, light, stage, draft] = await Promise.all([
      db.action.findMany({ where: { accountId: x.account.id }, orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }] }),
      db.trafficLight.findFirstOrThrow({ where: { accountId: x.account.id } }),
      db.stageChange.findFirstOrThrow({ where: { accountId: x.account.id, note: "Opened" } }),
      db.accountPlan.findUniqueOrThrow({ where: { accountId: x.account.id } }),
    ]);
    expect(p.actions.map((a: { title: string; dueDate: string; owner: { name: string }; updatedAt: string }) => [a.title, a.dueDate, a.owner.name, a.updatedAt])).toEqual([
      ["Early one", "2026-01-01", x.owner.name, actions[0].updatedAt.toISOString()],
      ["Late one", "2026-12-31", x.member.name, actions[1].updatedAt.toISOString()],
    ]);
    expect(p.financials).toEqual([expect.objectContaining({ year: 2026, targetRevenue: 1234567.89, targetMargin: null, actualRevenue: null, actualMargin: 0.01 })]);
    expect(p.lights.history).toEqual([{ id: light.id, area: "delivery", color: "AMBER", reason: "Watch it", setAt: "2026-05-06T07:08:09.123Z", setBy: { id: x.member.id, name: x.member.name } }]);
    expect(p.stageHistory.find((s: { id: string }) => s.id === stage.id)).toEqual({
      id: stage.id, fromStage: null, toStage: "PRE_SALES", note: "Opened", changedAt: "2025-01-02T03:04:05.006Z", changedBy: { id: x.senior.id, name: x.senior.name },
    });
    expect(p.draft).toMatchObject({ version: draft.draftVersion, savedAt: draft.draftSavedAt.toISOString(), savedBy: { id: x.member.id, name: x.member.name }, content: { strategy: "Grow" } });
    expect(p.team.map((t: { id: string }) => t.id)).toEqual([x.owner.id, x.member.id]);
    expect(p.account).toMatchObject({ id: x.account.id, owner: { id: x.owner.id }, mentor: { id: x.mentor.id, name: x.mentor.name } });
    expect(p.versions).toEqual([]);
    expect(p.current).toBeNull();
  });
});
