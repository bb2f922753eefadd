import { describe, expect, it, beforeAll } from "vitest";
import * as accountsRoute from "@/app/api/accounts/route";
import * as accountRoute from "@/app/api/accounts/[id]/route";
import * as teamRoute from "@/app/api/accounts/[id]/team/route";
import { call } from "../support/http";
import { makeUser, makeWorld, testDb } from "../support/fixtures";
import { ensureSelectionModel } from "@/lib/scoring/service";
import { accountFacets } from "@/lib/accounts/service";

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

  it("sorts by every column both ways, filters by score, tier, industry, region and archive, and reads each row as the table shows it", async () => {
    const db = testDb();
    const [ownerA, ownerB, mentor] = [await makeUser("ACCOUNT_MANAGER"), await makeUser("ACCOUNT_MANAGER"), await makeUser("MENTOR")];
    await db.user.update({ where: { id: ownerA.id }, data: { name: "Ann Abbott" } });
    await db.user.update({ where: { id: ownerB.id }, data: { name: "Zed Young" } });
    await ensureSelectionModel();
    // Two tiers of different rank (other tests may add tiers beside the default ones).
    const ranked = await db.tier.findMany({ orderBy: { rank: "asc" } });
    const tiers = [ranked[0], ranked.find((t) => t.rank > ranked[0].rank)!];
    expect(tiers[1]).toBeDefined();
    const tag = `Sortable${Date.now()}`;
    // name, owner, stage, industry, region, revenue, score, computed tier, override tier (by index into tiers), archived
    const specs = [
      ["D", ownerA, "REVIEW", "Retail", "Nordics", "1500.50", 80, 0, null, false],
      ["B", ownerB, "PRE_SALES", "Energy", "Iberia", "1500.50", null, null, null, false],
      ["F", ownerA, "EXPLOITATION", "Retail", "Benelux", "20000", 55.5, 1, 0, false],
      ["A", ownerB, "CONTRACT_NEGOTIATION", "Mining", "Nordics", "0", 55.5, 1, null, false],
      ["E", ownerA, "IMPLEMENTATION", "Energy", "Benelux", "999999.99", 30, 1, null, false],
      ["C", ownerB, "REVIEW", "Retail", "Iberia", "250", 91, 0, null, true],
    ] as const;
    for (const [name, owner, stage, industry, region, revenue, score, computed, override, archived] of specs) {
      const created = await call(accountsRoute.POST, { user: owner, body: { name: `${tag} ${name}`, industry, region, stage, annualRevenue: revenue } });
      expect(created.status).toBe(201);
      const tier = (i: number | null) => (i === null ? null : tiers[i]);
      const effective = tier(override) ?? tier(computed);
      await db.account.update({
        where: { id: created.body.id },
        data: { score, computedTierId: tier(computed)?.id ?? null, overrideTierId: tier(override)?.id ?? null, overrideReason: override === null ? null : "Strategic", tierRank: effective?.rank ?? null, archivedAt: archived ? new Date() : null, mentorId: name === "D" ? mentor.id : null },
      });
    }
    const senior = await makeUser("SENIOR_MANAGER");
    type Row = { id: string; name: string; industry: string; region: string; stage: string; annualRevenue: string; score: number | null; archivedAt: string | null; updatedAt: string; owner: { name: string }; mentor: { id: string; name: string } | null; computedTier: { id: string; rank: number } | null; overrideTier: { id: string; rank: number } | null };
    const list = async (s: string): Promise<{ items: Row[]; total: number }> => {
      const res = await call(accountsRoute.GET, { user: senior, url: `/api/accounts?q=${tag}&pageSize=50${s}` });
      expect(res.status).toBe(200);
      return res.body;
    };
    const letters = (rows: Row[]) => rows.map((r) => r.name.slice(-1)).join("");

    // A row as the table reads it: money as written (no trailing zeros), people and tiers as objects.
    const all = await list("&archived=include&sort=name");
    expect(all.total).toBe(6);
    const d = all.items.find((r) => r.name.endsWith(" D"))!;
    expect(d).toMatchObject({ industry: "Retail", region: "Nordics", stage: "REVIEW", annualRevenue: "1500.5", score: 80, archivedAt: null, owner: { id: ownerA.id, name: "Ann Abbott" }, mentor: { id: mentor.id }, computedTier: { id: tiers[0].id, name: tiers[0].name, rank: tiers[0].rank, isKey: tiers[0].isKey }, overrideTier: null });
    expect(new Date(d.updatedAt).toISOString()).toBe(d.updatedAt);
    expect(all.items.find((r) => r.name.endsWith(" A"))!.annualRevenue).toBe("0");
    expect(all.items.find((r) => r.name.endsWith(" C"))!.archivedAt).not.toBeNull();

    // Every sort, both ways, as its comparator says (ties by name, then id), over the active five.
    const stages = ["PRE_SALES", "CONTRACT_NEGOTIATION", "IMPLEMENTATION", "REVIEW", "EXPLOITATION"];
    const rank = (r: Row) => (r.overrideTier ?? r.computedTier)?.rank ?? null;
    const byValue = <T,>(v: (r: Row) => T, cmp: (a: T, b: T) => number) => (dir: number) => (a: Row, b: Row) => dir * cmp(v(a), v(b));
    const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const num = (a: number, b: number) => a - b;
    const nullsLast = (cmp: (a: Row, b: Row) => number, v: (r: Row) => unknown) => (a: Row, b: Row) => (v(a) === null ? (v(b) === null ? 0 : 1) : v(b) === null ? -1 : cmp(a, b));
    const byId = (a: Row, b: Row) => text(a.id, b.id);
    const byName = (a: Row, b: Row) => text(a.name, b.name);
    const comparators: Record<string, (dir: number) => ((a: Row, b: Row) => number)[]> = {
      name: (dir) => [byValue((r) => r.name, text)(dir)],
      industry: (dir) => [byValue((r) => r.industry, text)(dir)],
      region: (dir) => [byValue((r) => r.region, text)(dir)],
      stage: (dir) => [byValue((r) => stages.indexOf(r.stage), num)(dir)],
      updatedAt: (dir) => [byValue((r) => r.updatedAt, text)(dir)],
      owner: (dir) => [byValue((r) => r.owner.name, text)(dir), byName],
      revenue: (dir) => [byValue((r) => Number(r.annualRevenue), num)(dir)],
      score: (dir) => [nullsLast(byValue((r) => r.score as number, num)(dir), (r) => r.score)],
      tier: (dir) => [nullsLast(byValue((r) => rank(r) as number, num)(dir), rank), nullsLast(byValue((r) => r.score as number, num)(-1), (r) => r.score), byName],
    };
    const active = all.items.filter((r) => !r.archivedAt);
    for (const [sort, cmps] of Object.entries(comparators)) {
      for (const [dir, sign] of [["asc", 1], ["desc", -1]] as const) {
        const expected = [...active].sort((a, b) => [...cmps(sign), byId].reduce((acc, c) => acc || c(a, b), 0));
        expect(letters((await list(`&sort=${sort}&dir=${dir}`)).items), `${sort} ${dir}`).toBe(letters(expected));
      }
    }
    // The tier sort puts the override first: F (overridden to the first tier) sorts with D.
    expect(letters((await list("&sort=tier&dir=asc")).items)).toBe("DFAEB");
    expect(letters((await list("&sort=tier&dir=desc")).items)).toBe("AEDFB");

    // Filters.
    expect(letters((await list("&score=none")).items)).toBe("B");
    expect(letters((await list("&score=55.5&sort=name")).items)).toBe("ADF");
    expect(letters((await list(`&tierId=${tiers[0].id}&sort=name`)).items)).toBe("DF");
    expect(letters((await list(`&tierId=${tiers[1].id}&sort=name`)).items)).toBe("AE");
    expect(letters((await list("&industry=Retail&sort=name")).items)).toBe("DF");
    expect(letters((await list("&region=Nordics&industry=Retail")).items)).toBe("D");
    expect(letters((await list(`&ownerId=${ownerB.id}&sort=name`)).items)).toBe("AB");
    expect(letters((await list("&archived=only")).items)).toBe("C");
    expect((await list("&stage=REVIEW&archived=include")).total).toBe(2);
    // Pages of two: the total counts them all.
    const page3 = await list("&sort=name&pageSize=2&page=3");
    expect([letters(page3.items), page3.total]).toEqual(["F", 5]);
  });

  it("searches names case-insensitively, with % and _ taken as themselves", async () => {
    const owner = await makeUser("ACCOUNT_MANAGER");
    const tag = `Pct${Date.now()}`;
    for (const name of [`${tag} 100% Solar`, `${tag} 1000 Solar`, `${tag} a_b Foods`, `${tag} axb Foods`]) {
      expect((await call(accountsRoute.POST, { user: owner, body: { name, industry: "X", region: "Y" } })).status).toBe(201);
    }
    const names = async (q: string) => (await call(accountsRoute.GET, { user: owner, url: `/api/accounts?sort=name&q=${encodeURIComponent(q)}` })).body.items.map((a: { name: string }) => a.name.slice(tag.length + 1));
    expect(await names(`${tag.toLowerCase()} 100%`)).toEqual(["100% Solar"]);
    expect(await names(`${tag} A_B`)).toEqual(["a_b Foods"]);
    expect(await names(`${tag} 100% SOLAR`)).toEqual(["100% Solar"]);
    expect(await names(`${tag.toUpperCase()}`)).toEqual(["100% Solar", "1000 Solar", "a_b Foods", "axb Foods"]);
  });

  it("offers as filters the industries and regions of the accounts the caller may see, each once, in order, archived ones left out", async () => {
    const owner = await makeUser("ACCOUNT_MANAGER");
    const stranger = await makeUser("ACCOUNT_MANAGER");
    const tag = `Facet${Date.now()}`;
    const make = async (user: typeof owner, industry: string, region: string) => {
      const res = await call(accountsRoute.POST, { user, body: { name: `${tag} ${industry} ${region}`, industry: `${tag} ${industry}`, region: `${tag} ${region}` } });
      expect(res.status).toBe(201);
      return res.body as { id: string; version: number };
    };
    await make(owner, "Retail", "Nordics");
    await make(owner, "Energy", "Nordics");
    await make(owner, "Retail", "Iberia");
    const archived = await make(owner, "Mining", "Baltics");
    expect((await call(accountRoute.DELETE, { user: owner, method: "DELETE", params: { id: archived.id } })).status).toBe(200);
    // On the team of a stranger's account: its industry and region count; the stranger's other account does not.
    const shared = await make(stranger, "Aviation", "Alps");
    await make(stranger, "Shipping", "Arctic");
    expect((await call(teamRoute.PUT, { user: stranger, method: "PUT", params: { id: shared.id }, body: { members: [{ userId: owner.id, role: "MEMBER" }], version: shared.version } })).status).toBe(200);
    const mine = (values: string[]) => values.filter((v) => v.startsWith(tag)).map((v) => v.slice(tag.length + 1));
    const facets = await accountFacets(owner);
    expect({ industries: mine(facets.industries), regions: mine(facets.regions) }).toEqual({ industries: ["Aviation", "Energy", "Retail"], regions: ["Alps", "Iberia", "Nordics"] });
    expect(facets.industries.length).toBe(3);
    // A senior manager sees every account's: each value once.
    const all = await accountFacets(await makeUser("SENIOR_MANAGER"));
    expect(mine(all.industries)).toEqual(["Aviation", "Energy", "Retail", "Shipping"]);
    for (const list of [all.industries, all.regions]) expect(new Set(list).size, "no value twice").toBe(list.length);
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
