import { describe, expect, it, beforeAll } from "vitest";
import * as accountsRoute from "@/app/api/accounts/route";
import * as accountRoute from "@/app/api/accounts/[id]/route";
import * as teamRoute from "@/app/api/accounts/[id]/team/route";
import { call } from "../support/http";
import { makeUser, makeWorld, testDb } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const get = (user: World["owner"] | null, id: string) => call(accountRoute.GET, { user, params: { id } });

describe("signed-out access", () => {
  it("answers 401 JSON on every accounts route", async () => {
    for (const [handler, method] of [[accountsRoute.GET, "GET"], [accountsRoute.POST, "POST"], [accountRoute.GET, "GET"], [accountRoute.PATCH, "PATCH"], [accountRoute.DELETE, "DELETE"]] as const) {
      const res = await call(handler, { user: null, method, params: { id: w.account.id }, body: method === "GET" || method === "DELETE" ? undefined : {} });
      expect(res.status, method).toBe(401);
      expect(res.body.error).toMatch(/sign in/i);
    }
  });
});

describe("GET /api/accounts", () => {
  it("shows each role only what it may see", async () => {
    const list = async (user: World["owner"], q = "") => (await call(accountsRoute.GET, { user, url: `/api/accounts?pageSize=200&q=${encodeURIComponent(w.account.name)}${q}` })).body;
    expect((await list(w.owner)).items.map((a: { id: string }) => a.id)).toEqual([w.account.id]);
    expect((await list(w.member)).total).toBe(1);
    expect((await list(w.mentor)).total).toBe(1);
    expect((await list(w.senior)).total).toBe(1);
    expect((await list(w.admin)).total).toBe(1);
    expect((await list(w.outsider)).total).toBe(0);
    expect((await list(w.otherMentor)).total).toBe(0);
  });

  it("searches, filters by stage and manager, sorts and pages", async () => {
    const owner = await makeUser("ACCOUNT_MANAGER");
    const tag = `Zeta${Date.now()}`;
    for (const [i, stage] of (["PRE_SALES", "REVIEW", "REVIEW"] as const).entries()) {
      const res = await call(accountsRoute.POST, { user: owner, body: { name: `${tag} ${String.fromCharCode(67 - i)}`, industry: "Retail", region: "Nordics", stage, annualRevenue: 1000 * (i + 1) } });
      expect(res.status).toBe(201);
    }
    const q = (s: string) => call(accountsRoute.GET, { user: owner, url: `/api/accounts?q=${tag}${s}` });
    expect((await q("")).body.total).toBe(3);
    expect((await q("&stage=REVIEW")).body.total).toBe(2);
    expect((await q(`&ownerId=${w.owner.id}`)).body.total).toBe(0);
    const byName = (await q("&sort=name&dir=asc")).body.items.map((a: { name: string }) => a.name.slice(-1));
    expect(byName).toEqual(["A", "B", "C"]);
    const byRevenue = (await q("&sort=revenue&dir=desc")).body.items.map((a: { annualRevenue: string }) => Number(a.annualRevenue));
    expect(byRevenue).toEqual([3000, 2000, 1000]);
    const page2 = (await q("&sort=name&pageSize=2&page=2")).body;
    expect(page2.total).toBe(3);
    expect(page2.items.map((a: { name: string }) => a.name.slice(-1))).toEqual(["C"]);
  });

  it("rejects a bad query with 422 naming the field", async () => {
    const res = await call(accountsRoute.GET, { user: w.owner, url: "/api/accounts?pageSize=5000&stage=NOPE" });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(expect.arrayContaining(["pageSize"]));
  });
});

describe("POST /api/accounts", () => {
  it("creates an account owned by its creator, with the owner as team lead and an audit event", async () => {
    const owner = await makeUser("ACCOUNT_MANAGER");
    const res = await call(accountsRoute.POST, { user: owner, body: { name: "Polaris Ventures", industry: "Finance", region: "Nordics", annualRevenue: "2500000" } });
    expect(res.status).toBe(201);
    expect(res.body.owner.id).toBe(owner.id);
    expect(res.body.stage).toBe("PRE_SALES");
    expect(res.body.team).toEqual([expect.objectContaining({ userId: owner.id, role: "LEAD" })]);
    const audit = await testDb().auditEvent.findFirst({ where: { entityId: res.body.id, action: "account.create" } });
    expect(audit?.actorId).toBe(owner.id);
  });

  it("answers 422 with field messages and writes nothing on invalid input", async () => {
    const owner = await makeUser("ACCOUNT_MANAGER");
    // Counted for this owner only: other test files create accounts at the same time.
    const mine = () => testDb().account.count({ where: { ownerId: owner.id } });
    const res = await call(accountsRoute.POST, { user: owner, body: { name: "x", industry: "", region: "EU", annualRevenue: -5, stage: "SOMEDAY" } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(expect.arrayContaining(["name", "industry", "annualRevenue", "stage"]));
    expect(await mine()).toBe(0);
    expect(await testDb().auditEvent.count({ where: { actorId: owner.id } })).toBe(0);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await call(accountsRoute.POST, { user: w.owner, rawBody: "{not json" });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/JSON/);
  });

  it("does not let mentors create accounts, nor account managers create them for someone else", async () => {
    expect((await call(accountsRoute.POST, { user: w.mentor, body: { name: "Mentor Co", industry: "X", region: "Y" } })).status).toBe(403);
    expect((await call(accountsRoute.POST, { user: w.owner, body: { name: "Gift Co", industry: "X", region: "Y", ownerId: w.member.id } })).status).toBe(403);
  });

  it("refuses cross-site requests", async () => {
    const res = await call(accountsRoute.POST, { user: w.owner, body: { name: "CSRF Co", industry: "X", region: "Y" }, headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });
});

describe("GET/PATCH/DELETE /api/accounts/{id}", () => {
  it("answers 404 alike for accounts that do not exist and ones the caller may not see", async () => {
    expect((await get(w.outsider, w.account.id)).status).toBe(404);
    expect((await get(w.otherMentor, w.account.id)).status).toBe(404);
    expect((await get(w.owner, "does-not-exist")).status).toBe(404);
    expect((await get(w.mentor, w.account.id)).status).toBe(200);
  });

  it("lets the team edit, refuses the mentor (403) and outsiders (404)", async () => {
    const current = (await get(w.owner, w.account.id)).body;
    const edit = (user: World["owner"], version: number) => call(accountRoute.PATCH, { user, method: "PATCH", params: { id: w.account.id }, body: { description: `note ${Date.now()}`, version } });
    expect((await edit(w.mentor, current.version)).status).toBe(403);
    expect((await edit(w.outsider, current.version)).status).toBe(404);
    const ok = await edit(w.member, current.version);
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(current.version + 1);
  });

  it("answers 409 with the current account on a stale version and keeps the other save", async () => {
    const current = (await get(w.owner, w.account.id)).body;
    const first = await call(accountRoute.PATCH, { user: w.owner, method: "PATCH", params: { id: w.account.id }, body: { description: "first save", version: current.version } });
    expect(first.status).toBe(200);
    const stale = await call(accountRoute.PATCH, { user: w.member, method: "PATCH", params: { id: w.account.id }, body: { description: "second save", version: current.version } });
    expect(stale.status).toBe(409);
    expect(stale.body.current.description).toBe("first save");
    expect(stale.body.current.version).toBe(current.version + 1);
    expect((await get(w.owner, w.account.id)).body.description).toBe("first save");
  });

  it("records a stage change with who and when", async () => {
    const current = (await get(w.owner, w.account.id)).body;
    const res = await call(accountRoute.PATCH, { user: w.owner, method: "PATCH", params: { id: w.account.id }, body: { stage: "CONTRACT_NEGOTIATION", version: current.version } });
    expect(res.status).toBe(200);
    const change = await testDb().stageChange.findFirst({ where: { accountId: w.account.id, toStage: "CONTRACT_NEGOTIATION" } });
    expect(change?.changedById).toBe(w.owner.id);
  });

  it("archives: the account leaves the default list but is kept, and can be restored", async () => {
    const owner = await makeUser("ACCOUNT_MANAGER");
    const created = (await call(accountsRoute.POST, { user: owner, body: { name: `Archive me ${Date.now()}`, industry: "X", region: "Y" } })).body;
    const member = await makeUser("ACCOUNT_MANAGER");
    await call(teamRoute.PUT, { user: owner, method: "PUT", params: { id: created.id }, body: { members: [{ userId: member.id, role: "MEMBER" }], version: created.version } });
    expect((await call(accountRoute.DELETE, { user: member, method: "DELETE", params: { id: created.id } })).status).toBe(403);
    const res = await call(accountRoute.DELETE, { user: owner, method: "DELETE", params: { id: created.id } });
    expect(res.status).toBe(200);
    expect(res.body.archivedAt).not.toBeNull();
    const list = (s: string) => call(accountsRoute.GET, { user: owner, url: `/api/accounts?q=${encodeURIComponent(created.name)}${s}` });
    expect((await list("")).body.total).toBe(0);
    expect((await list("&archived=include")).body.total).toBe(1);
    expect((await get(owner, created.id)).status).toBe(200);
    const restored = await call(accountRoute.DELETE, { user: owner, method: "DELETE", url: `/api/accounts/${created.id}?restore=1`, params: { id: created.id } });
    expect(restored.body.archivedAt).toBeNull();
  });
});

describe("PUT /api/accounts/{id}/team", () => {
  it("lets the owner change the team; the owner stays lead; members and mentors may not", async () => {
    const owner = await makeUser("ACCOUNT_MANAGER");
    const [a, b] = [await makeUser("ACCOUNT_MANAGER"), await makeUser("SENIOR_MANAGER")];
    const acc = (await call(accountsRoute.POST, { user: owner, body: { name: `Team ${Date.now()}`, industry: "X", region: "Y" } })).body;
    const put = (user: typeof owner, members: unknown, version: number) => call(teamRoute.PUT, { user, method: "PUT", params: { id: acc.id }, body: { members, version } });
    const res = await put(owner, [{ userId: a.id, role: "MEMBER" }, { userId: b.id, role: "EXECUTIVE_SPONSOR" }], acc.version);
    expect(res.status).toBe(200);
    expect(res.body.team.map((t: { userId: string; role: string }) => [t.userId, t.role]).sort()).toEqual([[a.id, "MEMBER"], [b.id, "EXECUTIVE_SPONSOR"], [owner.id, "LEAD"]].sort());
    // The team member now sees the account, and may not change the team.
    expect((await get(a, acc.id)).status).toBe(200);
    expect((await put(a, [], res.body.version)).status).toBe(403);
    // A stale version is a conflict; an unknown user is a 422 naming the row.
    expect((await put(owner, [], acc.version)).status).toBe(409);
    const bad = await put(owner, [{ userId: "nobody", role: "MEMBER" }], res.body.version);
    expect(bad.status).toBe(422);
    expect(bad.body.fields["members.0.userId"]).toBeTruthy();
    // Removing a member takes the account out of their list.
    expect((await put(owner, [], res.body.version)).status).toBe(200);
    expect((await get(a, acc.id)).status).toBe(404);
  });
});
