// Selection model, scorecards, overrides, what-if and ranking through the route handlers.
// Saving a model re-tiers EVERY account in the database, and the model is one row for the whole
// installation, so this file works on a database of its own: it would otherwise re-tier (and
// have its tiers changed by) other test files running in parallel on the shared one.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, dropTestDatabase } from "../support/test-db";
import { call, type TestUser } from "../support/http";

type Handler = unknown;
let dbName = "";
let modelRoute: { GET: Handler; PUT: Handler };
let previewRoute: { POST: Handler };
let scorecardRoute: { GET: Handler; PUT: Handler };
let historyRoute: { GET: Handler };
let overrideRoute: { PUT: Handler; DELETE: Handler };
let exportRoute: { GET: Handler };
let accountsRoute: { GET: Handler };
let fixtures: typeof import("../support/fixtures");
type World = Awaited<ReturnType<typeof import("../support/fixtures")["makeWorld"]>>;
let w: World;

beforeAll(async () => {
  const db = await createTestDatabase("keystone_scoring");
  dbName = db.name;
  process.env.DATABASE_URL = db.url;
  delete (globalThis as { keystoneDb?: unknown }).keystoneDb;
  fixtures = await import("../support/fixtures");
  modelRoute = await import("@/app/api/selection-model/route");
  previewRoute = await import("@/app/api/selection-model/preview/route");
  scorecardRoute = await import("@/app/api/accounts/[id]/scorecard/route");
  historyRoute = await import("@/app/api/accounts/[id]/scorecard/history/route");
  overrideRoute = await import("@/app/api/accounts/[id]/tier-override/route");
  exportRoute = await import("@/app/(app)/ranking/export/route");
  accountsRoute = await import("@/app/api/accounts/route");
  w = await fixtures.makeWorld();
}, 120_000);

afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await fixtures?.testDb().$disconnect();
  if (dbName) await dropTestDatabase(dbName);
});

type Criterion = { id: string; name: string; description: string; weight: number; scaleLabels: string[]; active: boolean; sortOrder: number };
type Tier = { id: string; name: string; rank: number; minScore: number; isKey: boolean; capacity: number | null; reviewEveryMonths: number; contactEveryDays: number };
type Model = { version: number; namingScheme: string; criteria: Criterion[]; tiers: Tier[] };

const getModel = async (user: TestUser = w.senior): Promise<Model> => (await call(modelRoute.GET, { user })).body;
/** The model as a PUT body (what the settings form sends). */
const draftOf = (m: Model) => ({
  version: m.version,
  namingScheme: m.namingScheme,
  criteria: m.criteria.map(({ id, name, description, weight, scaleLabels, active }) => ({ id, name, description, weight, scaleLabels, active })),
  tiers: m.tiers.map((t) => ({ ...t })),
});
const putModel = (user: TestUser, body: unknown) => call(modelRoute.PUT, { user, method: "PUT", body });
const getCard = (user: TestUser, id = w.account.id) => call(scorecardRoute.GET, { user, url: `/api/accounts/${id}/scorecard`, params: { id } });
const putCard = (user: TestUser, body: unknown, id = w.account.id) => call(scorecardRoute.PUT, { user, method: "PUT", params: { id }, body });
const tierNamed = (m: Model, name: string) => m.tiers.find((t) => t.name === name)!;
const allFives = (m: Model) => m.criteria.map((c) => ({ criterionId: c.id, value: 5, rationale: "Best in class" }));

describe("GET /api/selection-model", () => {
  it("gives every signed-in role the default model: 8 criteria, Gold/Silver/Bronze and 'not a key account'", async () => {
    const m = await getModel(w.mentor);
    expect(m.criteria).toHaveLength(8);
    expect(m.criteria.map((c) => c.name)).toContain("Revenue growth potential");
    expect(m.criteria.every((c) => c.scaleLabels.length === 5)).toBe(true);
    expect(m.tiers.map((t) => t.name)).toEqual(["Gold", "Silver", "Bronze", "Not a key account"]);
    expect(m.tiers[3]).toMatchObject({ isKey: false, minScore: 0 });
    expect((await call(modelRoute.GET, { user: null })).status).toBe(401);
  });
});

describe("scorecard", () => {
  it("starts unscored: no score, 0 of 8, not a key account", async () => {
    const res = await getCard(w.member);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ score: null, completeness: { scored: 0, total: 8 }, tier: { name: "Not a key account" }, override: null });
    expect(res.body.breakdown).toHaveLength(8);
  });

  it("is read with the session, in one statement, and is the same as the service reads on its own; an outsider gets 404 and none of it", async () => {
    // The app's one pool (lib/db.ts keeps it on globalThis outside production).
    const { pool } = (globalThis as unknown as { keystoneDb: { pool: import("pg").Pool } }).keystoneDb;
    const spy = vi.spyOn(pool, "query");
    let res;
    let statements: number;
    try {
      res = await getCard(w.owner);
      statements = spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
    expect(res.status).toBe(200);
    expect(statements).toBe(1);
    const { getScorecard } = await import("@/lib/scoring/scorecard-service");
    const owner = { id: w.owner.id, email: w.owner.email, name: w.owner.name, role: "ACCOUNT_MANAGER" as const };
    expect(res.body).toEqual(JSON.parse(JSON.stringify(await getScorecard({ user: owner, accountId: w.account.id }))));
    expect(res.body).toMatchObject({ accountId: w.account.id, accountName: w.account.name });
    const outsider = await getCard(w.outsider);
    expect(outsider.status).toBe(404);
    expect(outsider.body).toEqual({ error: "Account not found" });
  });

  it("keeps the criteria and tiers in memory and reads them again after any write to them, the app's or anyone's", async () => {
    const { pool } = (globalThis as unknown as { keystoneDb: { pool: import("pg").Pool } }).keystoneDb;
    const db = fixtures.testDb();
    const stamp = async () => (await db.selectionModel.findUniqueOrThrow({ where: { id: "current" } })).contentStamp;
    /** The scorecard, and whether its statement brought the criteria and tiers back. */
    const cardAndParts = async () => {
      const spy = vi.spyOn(pool, "query");
      try {
        const res = await getCard(w.owner);
        const [result] = (await Promise.all(spy.mock.results.map((r) => r.value))) as { rows: { read: { model: { parts: unknown } } }[] }[];
        return { body: res.body, brought: result.rows[0].read.model.parts !== null };
      } finally {
        spy.mockRestore();
      }
    };
    await getCard(w.owner);
    const warm = await cardAndParts();
    expect(warm.brought).toBe(false);

    // Someone changes a criterion's description straight in the database (no model save, no
    // version bump): the stamp changes with it, and the next scorecard shows the new text.
    const criterion = await db.scoringCriterion.findFirstOrThrow({ where: { name: "Current revenue" } });
    const before = await stamp();
    await db.scoringCriterion.update({ where: { id: criterion.id }, data: { description: "Changed by hand" } });
    expect(await stamp()).not.toBe(before);
    const changed = await cardAndParts();
    expect(changed.brought).toBe(true);
    expect(changed.body.breakdown.find((r: { criterionId: string }) => r.criterionId === criterion.id).description).toBe("Changed by hand");
    expect((await cardAndParts()).brought).toBe(false);

    // A tier added and removed by hand: the scorecard lists it, then no longer.
    const extra = await db.tier.create({ data: { name: "Platinum by hand", rank: 99, minScore: 101 } });
    expect((await cardAndParts()).body.tiers.map((t: Tier) => t.name)).toContain("Platinum by hand");
    await db.tier.delete({ where: { id: extra.id } });
    expect((await cardAndParts()).body.tiers.map((t: Tier) => t.name)).not.toContain("Platinum by hand");
    await db.scoringCriterion.update({ where: { id: criterion.id }, data: { description: criterion.description } });

    // Put back as it was: the scorecard is the one from before, its rows read afresh.
    const again = await cardAndParts();
    expect(again.brought).toBe(true);
    expect(again.body).toEqual(warm.body);
  });

  it("lets the owner score with rationale: weighted total, completeness, snapshot and audit in the same write", async () => {
    const m = await getModel();
    const before = (await getCard(w.owner)).body;
    const [revenue, growth, profit] = m.criteria;
    const res = await putCard(w.owner, {
      version: before.version,
      scores: [
        { criterionId: revenue.id, value: 5, rationale: "Our largest customer in the region" },
        { criterionId: growth.id, value: 3, rationale: "Steady" },
        { criterionId: profit.id, value: 1, rationale: "Loss-making contract until 2027" },
      ],
    });
    expect(res.status).toBe(200);
    // weights 15/20/15 of the scored 50: 30%·100 + 40%·50 + 30%·0 = 50
    expect(res.body.score).toBe(50);
    expect(res.body.completeness).toEqual({ scored: 3, total: 8 });
    expect(res.body.tier.name).toBe("Bronze");
    expect(res.body.version).toBe(before.version + 1);
    const row = res.body.breakdown.find((r: { criterionId: string }) => r.criterionId === revenue.id);
    expect(row).toMatchObject({ value: 5, rationale: "Our largest customer in the region" });
    expect(row.weight).toBeCloseTo(30);
    expect(row.contribution).toBeCloseTo(30);
    expect(res.body.whatMovesIt.up).toMatchObject({ tierName: "Silver", pointsNeeded: 10 });

    const db = fixtures.testDb();
    // Who scored it and when, as stored (a UTC timestamp, the owner's name).
    const stored = await db.criterionScore.findFirstOrThrow({ where: { accountId: w.account.id, criterionId: revenue.id }, select: { updatedAt: true } });
    const ownerRow = await db.user.findUniqueOrThrow({ where: { id: w.owner.id }, select: { name: true } });
    expect(row.updatedBy).toEqual({ id: w.owner.id, name: ownerRow.name });
    expect(row.updatedAt).toBe(stored.updatedAt.toISOString());
    const unscored = res.body.breakdown.find((r: { criterionId: string }) => r.criterionId === m.criteria[7].id);
    expect(unscored).toMatchObject({ value: null, rationale: "", updatedAt: null, updatedBy: null });
    const account = await db.account.findUniqueOrThrow({ where: { id: w.account.id }, select: { score: true, scoredCriteria: true, computedTierId: true } });
    expect(account).toEqual({ score: 50, scoredCriteria: 3, computedTierId: tierNamed(m, "Bronze").id });
    const snaps = await db.scoreSnapshot.findMany({ where: { accountId: w.account.id } });
    expect(snaps).toHaveLength(1);
    expect(snaps[0]).toMatchObject({ score: 50, tierName: "Bronze", cause: "score" });
    expect(await db.auditEvent.count({ where: { accountId: w.account.id, action: "scorecard.update" } })).toBe(1);
  });

  it("refuses roles that may not score: team member and senior manager 403, outsider 404", async () => {
    const m = await getModel();
    const { version } = (await getCard(w.owner)).body;
    const body = { version, scores: [{ criterionId: m.criteria[0].id, value: 2, rationale: "" }] };
    expect((await putCard(w.member, body)).status).toBe(403);
    expect((await putCard(w.mentor, body)).status).toBe(403);
    expect((await putCard(w.senior, body)).status).toBe(403);
    expect((await putCard(w.outsider, body)).status).toBe(404);
    expect((await getCard(w.outsider)).status).toBe(404);
    expect((await getCard(w.otherMentor)).status).toBe(404);
    expect((await getCard(w.owner)).body.score).toBe(50);
  });

  it("answers 422 naming the field for a value off the scale or an unknown criterion, writing nothing", async () => {
    const m = await getModel();
    const { version } = (await getCard(w.owner)).body;
    const offScale = await putCard(w.owner, { version, scores: [{ criterionId: m.criteria[3].id, value: 6, rationale: "" }] });
    expect(offScale.status).toBe(422);
    expect(offScale.body.fields).toHaveProperty("scores.0.value");
    const unknown = await putCard(w.owner, {
      version,
      scores: [
        { criterionId: m.criteria[3].id, value: 4, rationale: "" },
        { criterionId: "no-such-criterion", value: 4, rationale: "" },
      ],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.fields).toEqual({ "scores.1.criterionId": "Unknown criterion" });
    const after = (await getCard(w.owner)).body;
    expect(after.version).toBe(version);
    expect(after.completeness.scored).toBe(3);
  });

  it("answers 409 with the current scorecard on a stale version, overwriting nothing", async () => {
    const m = await getModel();
    const { version } = (await getCard(w.owner)).body;
    const first = await putCard(w.owner, { version, scores: [{ criterionId: m.criteria[3].id, value: 4, rationale: "Core fit" }] });
    expect(first.status).toBe(200);
    const stale = await putCard(w.owner, { version, scores: [{ criterionId: m.criteria[3].id, value: 1, rationale: "Other tab" }] });
    expect(stale.status).toBe(409);
    expect(stale.body.current.breakdown.find((r: { criterionId: string }) => r.criterionId === m.criteria[3].id)).toMatchObject({ value: 4, rationale: "Core fit" });
  });

  it("takes a save sent again after its answer was lost as done: 200, nothing written; other scores on that version are 409", async () => {
    const m = await getModel();
    const other = await fixtures.makeWorld();
    const db = fixtures.testDb();
    const { version } = (await getCard(other.owner, other.account.id)).body;
    const scores = [
      { criterionId: m.criteria[0].id, value: 5, rationale: "Largest customer" },
      { criterionId: m.criteria[1].id, value: null, rationale: "" },
    ];
    const first = await putCard(other.owner, { version, scores }, other.account.id);
    expect(first.status).toBe(200);
    const written = { audits: await db.auditEvent.count({ where: { accountId: other.account.id } }), snapshots: await db.scoreSnapshot.count({ where: { accountId: other.account.id } }) };
    const again = await putCard(other.owner, { version, scores }, other.account.id);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect({ audits: await db.auditEvent.count({ where: { accountId: other.account.id } }), snapshots: await db.scoreSnapshot.count({ where: { accountId: other.account.id } }) }).toEqual(written);
    const differs = await putCard(other.owner, { version, scores: [{ ...scores[0], rationale: "Other words" }] }, other.account.id);
    expect(differs.status).toBe(409);
    expect(differs.body.current.version).toBe(version + 1);
  });

  it("takes an override decision sent again by the same person as done; the same decision by someone else stays a 409", async () => {
    const m = await getModel();
    const silver = tierNamed(m, "Silver");
    const other = await fixtures.makeWorld();
    const db = fixtures.testDb();
    const put = (user: TestUser, body: unknown) => call(overrideRoute.PUT, { user, method: "PUT", params: { id: other.account.id }, body });
    const decision = { tierId: silver.id, reason: "Reference customer for the region", expectedOverrideAt: null };
    const first = await put(other.senior, decision);
    expect(first.status).toBe(200);
    const audits = await db.auditEvent.count({ where: { accountId: other.account.id } });
    const again = await put(other.senior, decision);
    expect(again.status).toBe(200);
    expect(again.body.override).toEqual(first.body.override);
    expect(await db.auditEvent.count({ where: { accountId: other.account.id } })).toBe(audits);
    const byAdmin = await put(other.admin, decision);
    expect(byAdmin.status).toBe(409);
    expect(byAdmin.body.error).toContain(`${other.senior.name} set it to Silver`);
  });

  it("clears a score back to 'not scored' with null: completeness, total and audit follow", async () => {
    const m = await getModel();
    const other = await fixtures.makeWorld();
    const [revenue, growth] = m.criteria;
    const v1 = (await getCard(other.owner, other.account.id)).body.version;
    const scored = await putCard(
      other.owner,
      { version: v1, scores: [{ criterionId: revenue.id, value: 5, rationale: "Largest customer" }, { criterionId: growth.id, value: 1, rationale: "Flat" }] },
      other.account.id,
    );
    expect(scored.body).toMatchObject({ completeness: { scored: 2, total: 8 } });
    expect(scored.body.score).toBeLessThan(100);

    const cleared = await putCard(other.owner, { version: scored.body.version, scores: [{ criterionId: growth.id, value: null, rationale: "" }] }, other.account.id);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ score: 100, completeness: { scored: 1, total: 8 } });
    expect(cleared.body.breakdown.find((r: { criterionId: string }) => r.criterionId === growth.id)).toMatchObject({ value: null, rationale: "" });
    const db = fixtures.testDb();
    expect(await db.criterionScore.count({ where: { accountId: other.account.id } })).toBe(1);
    expect(await db.account.findUniqueOrThrow({ where: { id: other.account.id }, select: { score: true, scoredCriteria: true } })).toEqual({ score: 100, scoredCriteria: 1 });
    const audit = await db.auditEvent.findFirst({ where: { accountId: other.account.id, action: "scorecard.update" }, orderBy: { createdAt: "desc" } });
    expect(JSON.stringify(audit?.before)).toContain("Flat");

    // Clearing the last score leaves the account unscored, not at 0.
    const empty = await putCard(other.owner, { version: cleared.body.version, scores: [{ criterionId: revenue.id, value: null, rationale: "" }] }, other.account.id);
    expect(empty.body).toMatchObject({ score: null, completeness: { scored: 0, total: 8 } });
    expect((await db.account.findUniqueOrThrow({ where: { id: other.account.id }, select: { score: true } })).score).toBeNull();
  });
});

describe("tier override", () => {
  it("is for senior managers and admins, needs a reason and a real tier", async () => {
    const m = await getModel();
    const gold = tierNamed(m, "Gold");
    const put = (user: TestUser, body: unknown) => call(overrideRoute.PUT, { user, method: "PUT", params: { id: w.account.id }, body });
    const fresh = { expectedOverrideAt: null };
    expect((await put(w.owner, { tierId: gold.id, reason: "Strategic partner", ...fresh })).status).toBe(403);
    expect((await put(w.mentor, { tierId: gold.id, reason: "Strategic partner", ...fresh })).status).toBe(403);
    expect((await put(w.outsider, { tierId: gold.id, reason: "Strategic partner", ...fresh })).status).toBe(404);
    const noReason = await put(w.senior, { tierId: gold.id, reason: "ok", ...fresh });
    expect(noReason.status).toBe(422);
    expect(noReason.body.fields).toHaveProperty("reason");
    const badTier = await put(w.senior, { tierId: "nope", reason: "Strategic partner", ...fresh });
    expect(badTier.status).toBe(422);
    expect(badTier.body.fields).toHaveProperty("tierId");
    // Which override the caller saw must be said (null for none): without it nothing is written.
    const unsaid = await put(w.senior, { tierId: gold.id, reason: "Strategic partner" });
    expect(unsaid.status).toBe(422);
    expect(unsaid.body.fields.expectedOverrideAt).toMatch(/override you saw/);
    expect((await fixtures.testDb().account.findUniqueOrThrow({ where: { id: w.account.id }, select: { overrideTierId: true } })).overrideTierId).toBeNull();
  });

  it("is kept across re-scoring, shown with its reason, and removed only on purpose", async () => {
    const m = await getModel();
    const silver = tierNamed(m, "Silver");
    const set = await call(overrideRoute.PUT, { user: w.senior, method: "PUT", params: { id: w.account.id }, body: { tierId: silver.id, reason: "Launch partner for the 2027 platform", expectedOverrideAt: null } });
    expect(set.status).toBe(200);
    expect(set.body.tier.name).toBe("Silver");
    expect(set.body.override).toMatchObject({ reason: "Launch partner for the 2027 platform", tier: { name: "Silver" }, by: { id: w.senior.id } });
    const at = (await fixtures.testDb().account.findUniqueOrThrow({ where: { id: w.account.id }, select: { overrideAt: true } })).overrideAt;
    expect(set.body.override.at).toBe(at?.toISOString());
    expect(typeof set.body.override.by.name).toBe("string");

    // The manager scores everything 5: the score now says Gold, the account stays Silver.
    const { version } = (await getCard(w.owner)).body;
    const rescored = await putCard(w.owner, { version, scores: allFives(m) });
    expect(rescored.status).toBe(200);
    expect(rescored.body).toMatchObject({ score: 100, computedTier: { name: "Gold" }, tier: { name: "Silver" }, override: { tier: { name: "Silver" } } });
    expect((await fixtures.testDb().account.findUniqueOrThrow({ where: { id: w.account.id }, select: { overrideTierId: true } })).overrideTierId).toBe(silver.id);

    const removed = await call(overrideRoute.DELETE, { user: w.admin, method: "DELETE", params: { id: w.account.id }, url: `/api/x?expectedOverrideAt=${set.body.override.at}` });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ override: null, tier: { name: "Gold" } });
    const db = fixtures.testDb();
    expect(await db.auditEvent.count({ where: { accountId: w.account.id, action: { in: ["tier.override", "tier.override.remove"] } } })).toBe(2);

    const history = await call(historyRoute.GET, { user: w.member, params: { id: w.account.id } });
    expect(history.status).toBe(200);
    expect(history.body.map((s: { cause: string; tierName: string }) => `${s.cause}:${s.tierName}`)).toEqual([
      "score:Bronze",
      "score:Bronze",
      "override:Silver",
      "score:Silver",
      "override:Gold",
    ]);
  });

  it("decided by two people at the same moment: one wins, the other gets 409 with the winner's decision", async () => {
    const m = await getModel();
    const [silver, bronze] = [tierNamed(m, "Silver"), tierNamed(m, "Bronze")];
    const other = await fixtures.makeWorld();
    const db = fixtures.testDb();
    const audits = () => db.auditEvent.count({ where: { accountId: other.account.id, action: { startsWith: "tier.override" } } });
    const put = (user: TestUser, body: unknown) => call(overrideRoute.PUT, { user, method: "PUT", params: { id: other.account.id }, body });
    // Both opened the page when there was no override, and both decide at once.
    const [a, b] = await Promise.all([
      put(other.senior, { tierId: silver.id, reason: "Reference customer for the region", expectedOverrideAt: null }),
      put(other.admin, { tierId: bronze.id, reason: "Budget freeze until the merger closes", expectedOverrideAt: null }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(lost.body.error).toBe(`Someone else changed the override after you opened this page: ${won === a ? other.senior.name : other.admin.name} set it to ${won.body.override.tier.name}.`);
    expect(lost.body.current.override).toMatchObject({ tier: { name: won.body.override.tier.name }, reason: won.body.override.reason, at: won.body.override.at });
    const stored = await db.account.findUniqueOrThrow({ where: { id: other.account.id }, select: { overrideTierId: true, overrideReason: true } });
    expect(stored).toEqual({ overrideTierId: won.body.override.tier.id, overrideReason: won.body.override.reason });
    expect(await audits()).toBe(1);

    // A stale removal (made before the winner decided) removes nothing; one that names it does.
    const staleRemove = await call(overrideRoute.DELETE, { user: other.senior, method: "DELETE", params: { id: other.account.id }, url: "/api/x?expectedOverrideAt=2025-01-01T00:00:00.000Z" });
    expect(staleRemove.status).toBe(409);
    expect(staleRemove.body.current.override.tier.id).toBe(won.body.override.tier.id);
    const unnamed = await call(overrideRoute.DELETE, { user: other.senior, method: "DELETE", params: { id: other.account.id } });
    expect(unnamed.status).toBe(422);
    expect(unnamed.body.fields).toHaveProperty("expectedOverrideAt");
    expect((await db.account.findUniqueOrThrow({ where: { id: other.account.id }, select: { overrideTierId: true } })).overrideTierId).toBe(won.body.override.tier.id);
    expect(await audits()).toBe(1);
    const removed = await call(overrideRoute.DELETE, { user: other.senior, method: "DELETE", params: { id: other.account.id }, url: `/api/x?expectedOverrideAt=${won.body.override.at}` });
    expect(removed.status).toBe(200);
    expect(removed.body.override).toBeNull();
    expect(await audits()).toBe(2);
  });
});

describe("PUT /api/selection-model", () => {
  it("is refused to account managers and mentors (403), whatever the body", async () => {
    const m = await getModel();
    expect((await putModel(w.owner, draftOf(m))).status).toBe(403);
    expect((await putModel(w.mentor, draftOf(m))).status).toBe(403);
    expect((await getModel()).version).toBe(m.version);
  });

  it("answers 422 naming the field and writes nothing", async () => {
    const m = await getModel();
    const crossed = draftOf(m);
    crossed.tiers[1].minScore = 80; // above Gold's 75
    const res = await putModel(w.senior, crossed);
    expect(res.status).toBe(422);
    expect(res.body.fields).toHaveProperty("tiers.1.minScore");
    const unknown = draftOf(m);
    unknown.criteria[2].id = "gone";
    const res2 = await putModel(w.senior, unknown);
    expect(res2.status).toBe(422);
    expect(res2.body.fields).toHaveProperty("criteria.2.id");
    expect((await getModel()).version).toBe(m.version);
  });

  it("does not delete a scored criterion or a tier that overrides point at", async () => {
    const m = await getModel();
    const dropScored = draftOf(m);
    dropScored.criteria = dropScored.criteria.slice(1);
    const res = await putModel(w.senior, dropScored);
    expect(res.status).toBe(422);
    expect(res.body.fields.criteria).toMatch(/inactive instead/);

    const other = await fixtures.makeWorld();
    const bronze = tierNamed(m, "Bronze");
    await call(overrideRoute.PUT, { user: w.senior, method: "PUT", params: { id: other.account.id }, body: { tierId: bronze.id, reason: "Pilot customer this year", expectedOverrideAt: null } });
    const dropBronze = draftOf(m);
    dropBronze.tiers = dropBronze.tiers.filter((t) => t.name !== "Bronze").map((t) => ({ ...t, rank: t.rank > 3 ? 3 : t.rank }));
    const res2 = await putModel(w.senior, dropBronze);
    expect(res2.status).toBe(422);
    expect(res2.body.fields.tiers).toMatch(/overridden/);
    expect((await getModel()).tiers).toHaveLength(4);
  });

  it("answers 409 with the current model on a stale version", async () => {
    const m = await getModel();
    const first = await putModel(w.senior, { ...draftOf(m), namingScheme: "custom" });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(m.version + 1);
    const stale = await putModel(w.admin, draftOf(m));
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(m.version + 1);
  });
});

describe("what-if and applying a model", () => {
  it("previews the moves for senior managers only and changes nothing", async () => {
    const m = await getModel();
    const db = fixtures.testDb();
    // Every account there is now, and what this test's callers wrote (other test files write their
    // own accounts and events at the same time).
    const ids = (await db.account.findMany({ select: { id: true } })).map((a) => a.id);
    const callers = [w.owner.id, w.senior.id, w.admin.id];
    const snapshot = async () => ({
      accounts: await db.account.findMany({ where: { id: { in: ids } }, select: { id: true, score: true, computedTierId: true, overrideTierId: true }, orderBy: { id: "asc" } }),
      snapshots: await db.scoreSnapshot.count({ where: { accountId: { in: ids } } }),
      audit: await db.auditEvent.count({ where: { actorId: { in: callers } } }),
      version: (await getModel()).version,
    });
    const before = await snapshot();
    const draft = draftOf(m);
    const gold = draft.tiers.find((t) => t.name === "Gold")!;
    gold.minScore = 100; // Gold only for a perfect score
    draft.tiers.find((t) => t.name === "Silver")!.minScore = 99;

    expect((await call(previewRoute.POST, { user: w.owner, body: draft })).status).toBe(403);
    const res = await call(previewRoute.POST, { user: w.senior, body: draft });
    expect(res.status).toBe(200);
    const mine = res.body.accounts.find((a: { accountId: string }) => a.accountId === w.account.id);
    expect(mine).toMatchObject({ oldScore: 100, newScore: 100, oldTier: { name: "Gold" }, newTier: { name: "Gold" }, move: "same" });
    expect(res.body.summary.accounts).toBeGreaterThanOrEqual(2);
    expect(res.body.summary.tiers.map((t: { name: string }) => t.name)).toEqual(["Gold", "Silver", "Bronze", "Not a key account"]);

    // Weights that sink the account: only current revenue counts, and the manager has just scored it 1.
    const sink = draftOf(m);
    sink.criteria.forEach((c) => (c.weight = 0));
    sink.criteria[0].weight = 1;
    const { version } = (await getCard(w.owner)).body;
    await putCard(w.owner, { version, scores: [{ criterionId: m.criteria[0].id, value: 1, rationale: "Lost the framework deal" }] });
    const mid = await snapshot();
    const res2 = await call(previewRoute.POST, { user: w.admin, url: "/api/selection-model/preview?only=moves", body: sink });
    expect(res2.status).toBe(200);
    expect(res2.body.accounts.find((a: { accountId: string }) => a.accountId === w.account.id)).toMatchObject({ newScore: 0, newTier: { name: "Not a key account" }, move: "down" });
    expect(res2.body.accounts.every((a: { move: string }) => a.move !== "same")).toBe(true);
    expect(res2.body.summary.down).toBeGreaterThanOrEqual(1);
    expect(await snapshot()).toEqual(mid);
    expect(before.version).toBe(mid.version);
  });

  it("saving applies the model to every account in one go, keeps overrides, and snapshots each account", async () => {
    const m = await getModel();
    const db = fixtures.testDb();
    const other = await fixtures.makeWorld();
    const silver = tierNamed(m, "Silver");
    await call(overrideRoute.PUT, { user: w.senior, method: "PUT", params: { id: other.account.id }, body: { tierId: silver.id, reason: "Board-level relationship", expectedOverrideAt: null } });
    const accounts = await db.account.count();
    const snapsBefore = await db.scoreSnapshot.count({ where: { cause: "model" } });

    const draft = draftOf(m);
    draft.criteria.forEach((c) => (c.weight = 0));
    draft.criteria[0].weight = 1; // only current revenue, which w.account now scores 1
    const res = await putModel(w.senior, draft);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(m.version + 1);
    // Every account, in one go: at least those there before, at most those there after (other test
    // files create accounts at the same time).
    expect(res.body.retiered.accounts).toBeGreaterThanOrEqual(accounts);
    expect(res.body.retiered.accounts).toBeLessThanOrEqual(await db.account.count());

    const mine = (await getCard(w.owner)).body;
    expect(mine).toMatchObject({ score: 0, tier: { name: "Not a key account" }, modelVersion: m.version + 1 });
    expect((await getCard(w.senior, other.account.id)).body).toMatchObject({ score: null, tier: { name: "Silver" }, override: { reason: "Board-level relationship" } });
    expect(await db.scoreSnapshot.count({ where: { cause: "model" } })).toBe(snapsBefore + res.body.retiered.accounts);
    const last = await db.scoreSnapshot.findFirst({ where: { accountId: w.account.id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ cause: "model", score: 0, tierName: "Not a key account", modelVersion: m.version + 1 });
    expect(await db.auditEvent.count({ where: { action: "selectionModel.update" } })).toBeGreaterThanOrEqual(2);
  });

  it("dates a model's snapshots by the app's clock, as a score's, so an account's history keeps its order when the database's clock differs", async () => {
    const db = fixtures.testDb();
    const m = await getModel();
    // The app's clock ten minutes ahead of the database server's (and standing still, so each
    // step sets it: the model is saved a second after the score).
    const ahead = Date.now() + 10 * 60_000;
    vi.useFakeTimers({ toFake: ["Date"], now: ahead });
    try {
      const { version } = (await getCard(w.owner)).body;
      expect((await putCard(w.owner, { version, scores: [{ criterionId: m.criteria[0].id, value: 2, rationale: "Framework deal back on the table" }] })).status).toBe(200);
      vi.setSystemTime(ahead + 1000);
      expect((await putModel(w.senior, draftOf(m))).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
    const history = await db.scoreSnapshot.findMany({ where: { accountId: w.account.id }, orderBy: { createdAt: "desc" }, take: 2 });
    expect(history.map((s) => s.cause)).toEqual(["model", "score"]);
    expect(history.map((s) => s.createdAt.getTime())).toEqual([ahead + 1000, ahead]);
  });
});

describe("ranking export", () => {
  it("exports the ranking as CSV, scoped to what the caller may see", async () => {
    const senior = await call(exportRoute.GET, { user: w.senior, url: "/ranking/export" });
    expect(senior.status).toBe(200);
    expect(senior.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = String(senior.body).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^Position,Account,/);
    expect(lines.some((l) => l.includes(w.account.name))).toBe(true);
    const own = await call(exportRoute.GET, { user: w.outsider, url: "/ranking/export" });
    expect(String(own.body)).not.toContain(w.account.name);
  });
});

describe("capacity and managers over their limit", () => {
  it("count the portfolio's accounts by the tier they are served at, on the ranking and a senior manager's home page", async () => {
    const db = fixtures.testDb();
    const { createAccount } = await import("../../prisma/factories");
    const { getRanking } = await import("@/lib/scoring/ranking-service");
    const { scoringHomeSection } = await import("@/lib/scoring/attention");
    const { readSelectionModel } = await import("@/lib/scoring/service");
    const { createElement, Fragment } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const key = (await readSelectionModel()).tiers.find((t) => t.isKey)!;
    const owner = await fixtures.makeUser("ACCOUNT_MANAGER");
    const { name } = await db.user.update({ where: { id: owner!.id }, data: { maxKeyAccounts: 1 }, select: { name: true } });
    const served = async () => (await getRanking({ user: w.senior as never })).tiers.find((t) => t.id === key.id)!.count;
    const before = await served();
    // Two key accounts (one by its score, one by an override) and an archived one, which no longer counts.
    const scored = await createAccount(db, { ownerId: owner!.id });
    const overridden = await createAccount(db, { ownerId: owner!.id });
    const archived = await createAccount(db, { ownerId: owner!.id, archived: true });
    await db.account.update({ where: { id: scored.id }, data: { computedTierId: key.id } });
    await db.account.update({ where: { id: overridden.id }, data: { overrideTierId: key.id } });
    await db.account.update({ where: { id: archived.id }, data: { computedTierId: key.id } });
    expect(await served()).toBe(before + 2);
    const ranking = await getRanking({ user: w.senior as never });
    expect(ranking.managersOverLimit.find((m) => m.id === owner!.id)).toMatchObject({ limit: 1, count: 2, over: 1 });
    const section = await scoringHomeSection(w.senior as never);
    expect(section?.description).toMatch(/managers? over their limit/);
    expect(renderToStaticMarkup(createElement(Fragment, null, section?.content))).toContain(name);
    // A deactivated manager manages nothing: over their limit on neither page.
    await db.user.update({ where: { id: owner!.id }, data: { active: false } });
    expect((await getRanking({ user: w.senior as never })).managersOverLimit.some((m) => m.id === owner!.id)).toBe(false);
    expect(renderToStaticMarkup(createElement(Fragment, null, (await scoringHomeSection(w.senior as never))?.content))).not.toContain(name);
  });
});

describe("accounts list by score", () => {
  it("filters by minimum score and by 'not scored yet', and sorts by score", async () => {
    const owner = await fixtures.makeUser("ACCOUNT_MANAGER");
    const db = fixtures.testDb();
    const tag = `Scored${Date.now()}`;
    const { createAccount } = await import("../../prisma/factories");
    for (const [i, score] of [80, 55, null].entries()) {
      const a = await createAccount(db, { ownerId: owner.id, name: `${tag} ${i}` });
      await db.account.update({ where: { id: a.id }, data: { score } });
    }
    const names = async (q: string) =>
      (await call(accountsRoute.GET, { user: owner, url: `/api/accounts?q=${tag}${q}` })).body.items.map((a: { name: string }) => a.name.slice(-1));
    expect(await names("&score=60")).toEqual(["0"]);
    expect(await names("&score=none")).toEqual(["2"]);
    expect(await names("&sort=score&dir=desc")).toEqual(["0", "1", "2"]);
    expect((await call(accountsRoute.GET, { user: owner, url: "/api/accounts?score=101" })).status).toBe(422);
  });
});

describe("accounts list by tier", () => {
  // Every account's cached tier rank equals the rank of the tier it is served at (override wins).
  const drifted = async () =>
    Number(
      (
        await fixtures.testDb().$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM "Account" a LEFT JOIN "Tier" t ON t.id = COALESCE(a."overrideTierId", a."computedTierId")
          WHERE a."tierRank" IS DISTINCT FROM t.rank`
      )[0].n,
    );

  it("sorts by the tier each account is served at, override included, and follows a model that adds a tier", async () => {
    const m = await getModel();
    const owner = await fixtures.makeUser("ACCOUNT_MANAGER");
    const tag = `Tiered${Date.now()}`;
    const { createAccount } = await import("../../prisma/factories");
    const ids: string[] = [];
    for (const [i, value] of [1, 5, 3].entries()) {
      const a = await createAccount(fixtures.testDb(), { ownerId: owner.id, name: `${tag} ${i}` });
      ids.push(a.id);
      const { version } = (await getCard(owner, a.id)).body;
      const scores = m.criteria.filter((c) => c.active).map((c) => ({ criterionId: c.id, value, rationale: "Tier sort test" }));
      expect((await putCard(owner, { version, scores }, a.id)).status).toBe(200);
    }
    const unscored = await createAccount(fixtures.testDb(), { ownerId: owner.id, name: `${tag} 3` });
    ids.push(unscored.id);
    const list = async (dir: "asc" | "desc") =>
      (await call(accountsRoute.GET, { user: owner, url: `/api/accounts?q=${tag}&sort=tier&dir=${dir}` })).body.items.map((a: { name: string }) => a.name.slice(-1));

    // Top tier first (all fives), then the middle, then the lowest; no tier at all comes last either way.
    expect(await list("asc")).toEqual(["1", "2", "0", "3"]);
    expect(await list("desc")).toEqual(["0", "2", "1", "3"]);

    // The senior manager lifts the weakest account to the top tier: the list follows the decision.
    const top = [...m.tiers].sort((a, b) => a.rank - b.rank)[0];
    const set = await call(overrideRoute.PUT, { user: w.senior, method: "PUT", params: { id: ids[0] }, body: { tierId: top.id, reason: "Strategic bet on their 2028 programme", expectedOverrideAt: null } });
    expect(set.status).toBe(200);
    expect((await list("asc")).slice(0, 2).sort()).toEqual(["0", "1"]);
    expect((await list("asc")).slice(2)).toEqual(["2", "3"]);

    // A new tier above all others shifts every rank; the cached ranks follow in the same save.
    const latest = await getModel();
    const draft = draftOf(latest);
    draft.tiers = [
      { ...draft.tiers[0], id: null as unknown as string, name: "Platinum", rank: 1, minScore: 100, capacity: null },
      ...draft.tiers.map((t) => ({ ...t, rank: t.rank + 1 })),
    ];
    const saved = await putModel(w.senior, draft);
    expect(saved.status).toBe(200);
    expect(await drifted()).toBe(0);
    const order = await list("asc");
    expect(order[0]).toBe("1"); // all fives: Platinum now
    expect(order.slice(1)).toEqual(["0", "2", "3"]);

    // Removing the override puts the weakest account back where its score puts it.
    expect((await call(overrideRoute.DELETE, { user: w.senior, method: "DELETE", params: { id: ids[0] }, url: `/api/x?expectedOverrideAt=${set.body.override.at}` })).status).toBe(200);
    expect(await list("asc")).toEqual(["1", "2", "0", "3"]);
    expect(await drifted()).toBe(0);
    expect((await call(accountsRoute.GET, { user: owner, url: "/api/accounts?sort=rank" })).status).toBe(422);
  });
});
