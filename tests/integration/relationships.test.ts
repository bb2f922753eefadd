import { beforeAll, describe, expect, it } from "vitest";
import * as mapRoute from "@/app/api/accounts/[id]/relationship-map/route";
import * as contactsRoute from "@/app/api/accounts/[id]/contacts/route";
import * as contactRoute from "@/app/api/accounts/[id]/contacts/[contactId]/route";
import * as relationshipsRoute from "@/app/api/accounts/[id]/relationships/route";
import * as relationshipRoute from "@/app/api/accounts/[id]/relationships/[relationshipId]/route";
import * as linksRoute from "@/app/api/accounts/[id]/links/route";
import * as linkRoute from "@/app/api/accounts/[id]/links/[linkId]/route";
import { call } from "../support/http";
import { makeUser, makeWorld, testDb } from "../support/fixtures";
import { createAccount } from "../../prisma/factories";
import { relationshipHomeSection } from "@/lib/relationships/attention";

type World = Awaited<ReturnType<typeof makeWorld>>;
type U = World["owner"];
let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const map = (user: U | null, accountId = w.account.id) => call(mapRoute.GET, { user, params: { id: accountId } });
const addContact = (user: U, body: Record<string, unknown>, accountId = w.account.id) => call(contactsRoute.POST, { user, params: { id: accountId }, body });
const patchContact = (user: U, contactId: string, body: Record<string, unknown>, accountId = w.account.id) =>
  call(contactRoute.PATCH, { user, method: "PATCH", params: { id: accountId, contactId }, body });
const addRel = (user: U, body: Record<string, unknown>, accountId = w.account.id) => call(relationshipsRoute.POST, { user, params: { id: accountId }, body });
const accountCache = (id = w.account.id) => testDb().account.findUniqueOrThrow({ where: { id }, select: { coverageScore: true, uncoveredDecisionMakers: true, singleThreaded: true } });

describe("who may see and change the map", () => {
  it("lets the team edit, the mentor and senior managers read, and answers 404 to everyone else", async () => {
    const created = await addContact(w.member, { name: "Role Check" });
    expect(created.status).toBe(201);
    for (const reader of [w.owner, w.member, w.mentor, w.senior, w.admin]) {
      const res = await map(reader);
      expect(res.status, reader.email).toBe(200);
      expect(res.body.contacts.some((c: { name: string }) => c.name === "Role Check")).toBe(true);
    }
    expect((await map(w.owner)).body.permissions.canEdit).toBe(true);
    expect((await map(w.mentor)).body.permissions.canEdit).toBe(false);
    expect((await map(w.senior)).body.permissions.canEdit).toBe(false);

    expect((await map(w.outsider)).status).toBe(404);
    expect((await map(w.otherMentor)).status).toBe(404);
    expect((await map(null)).status).toBe(401);
    expect((await addContact(w.outsider, { name: "Sneaky" })).status).toBe(404);
    expect((await call(contactRoute.GET, { user: w.outsider, params: { id: w.account.id, contactId: created.body.id } })).status).toBe(404);

    // Readers cannot write.
    expect((await addContact(w.mentor, { name: "Mentor's pick" })).status).toBe(403);
    expect((await addContact(w.senior, { name: "Senior's pick" })).status).toBe(403);
    expect((await patchContact(w.mentor, created.body.id, { version: 1, influence: 5 })).status).toBe(403);
    expect(await testDb().contact.count({ where: { accountId: w.account.id, name: { in: ["Sneaky", "Mentor's pick", "Senior's pick"] } } })).toBe(0);
  });

  it("records an audit event for each change", async () => {
    const c = await addContact(w.owner, { name: "Audited Person" });
    await patchContact(w.owner, c.body.id, { version: 1, influence: 4 });
    const events = await testDb().auditEvent.findMany({ where: { entityId: c.body.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, accountId: true } });
    expect(events.map((e) => e.action)).toEqual(["contact.create", "contact.update"]);
    expect(events.every((e) => e.actorId === w.owner.id && e.accountId === w.account.id)).toBe(true);
  });
});

describe("validation: 422 naming the problem, nothing written", () => {
  let contactId: string;
  beforeAll(async () => {
    contactId = (await addContact(w.owner, { name: "Valid Target", influence: 4 })).body.id;
  });
  const relCount = () => testDb().relationship.count({ where: { accountId: w.account.id } });

  it("refuses a strength of 7", async () => {
    const before = await relCount();
    const res = await addRel(w.owner, { userId: w.member.id, contactId, strength: 7 });
    expect(res.status).toBe(422);
    expect(res.body.fields.strength).toBe("Strength must be from 1 to 5");
    expect(await relCount()).toBe(before);
  });

  it("refuses an unknown contact and someone from another account", async () => {
    const other = await createAccount(testDb(), { ownerId: w.owner.id });
    const stranger = await testDb().contact.create({ data: { accountId: other.id, name: "Elsewhere" } });
    const before = await relCount();
    for (const id of ["does-not-exist", stranger.id]) {
      const res = await addRel(w.owner, { userId: w.owner.id, contactId: id, strength: 3 });
      expect(res.status).toBe(422);
      expect(res.body.fields.contactId).toBe("No such person on this account");
    }
    const link = await call(linksRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { fromId: contactId, toId: stranger.id, kind: "INFLUENCES" } });
    expect(link.status).toBe(422);
    expect(link.body.fields.toId).toBe("No such person on this account");
    expect(await relCount()).toBe(before);
  });

  it("refuses a relationship held by someone not on the account team", async () => {
    const res = await addRel(w.owner, { userId: w.outsider.id, contactId, strength: 3 });
    expect(res.status).toBe(422);
    expect(res.body.fields.userId).toMatch(/team/);
    const mentorRes = await addRel(w.owner, { userId: w.mentor.id, contactId, strength: 3 });
    expect(mentorRes.status).toBe(422);
  });

  it("refuses a second relationship for the same pair", async () => {
    expect((await addRel(w.member, { userId: w.member.id, contactId, strength: 3 })).status).toBe(201);
    const again = await addRel(w.member, { userId: w.member.id, contactId, strength: 2 });
    expect(again.status).toBe(422);
    expect(again.body.fields.contactId).toMatch(/already has a relationship/);
  });

  it("refuses a manager from another account and a malformed body", async () => {
    const res = await addContact(w.owner, { name: "New", reportsToId: "nope" });
    expect(res.status).toBe(422);
    expect(res.body.fields.reportsToId).toMatch(/this account's people/);
    const bad = await call(contactsRoute.POST, { user: w.owner, params: { id: w.account.id }, rawBody: "{not json" });
    expect(bad.status).toBe(400);
  });
});

describe("the reports-to line", () => {
  it("refuses a loop with 422 naming the people in it, and leaves the line as it was", async () => {
    const ceo = (await addContact(w.owner, { name: "Loop CEO" })).body;
    const vp = (await addContact(w.owner, { name: "Loop VP", reportsToId: ceo.id })).body;
    const mgr = (await addContact(w.owner, { name: "Loop Manager", reportsToId: vp.id })).body;
    const res = await patchContact(w.owner, ceo.id, { version: ceo.version, reportsToId: mgr.id });
    expect(res.status).toBe(422);
    expect(res.body.fields.reportsToId).toBe("This would make a reporting loop: Loop CEO → Loop Manager → Loop VP → Loop CEO");
    const self = await patchContact(w.owner, vp.id, { version: vp.version, reportsToId: vp.id });
    expect(self.status).toBe(422);
    expect(self.body.fields.reportsToId).toBe("A person cannot report to themselves");
    const after = await testDb().contact.findUniqueOrThrow({ where: { id: ceo.id }, select: { reportsToId: true, version: true } });
    expect(after).toEqual({ reportsToId: null, version: 1 });
  });
});

describe("optimistic concurrency", () => {
  it("answers 409 with the current person to a stale edit", async () => {
    const c = (await addContact(w.owner, { name: "Contested", influence: 2 })).body;
    expect((await patchContact(w.owner, c.id, { version: c.version, influence: 4 })).status).toBe(200);
    const stale = await patchContact(w.member, c.id, { version: c.version, influence: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ id: c.id, influence: 4, version: 2 });
    expect((await testDb().contact.findUniqueOrThrow({ where: { id: c.id } })).influence).toBe(4);
  });

  it("answers 409 to a stale relationship or link edit", async () => {
    const a = (await addContact(w.owner, { name: "Conc A" })).body;
    const b = (await addContact(w.owner, { name: "Conc B" })).body;
    const rel = (await addRel(w.owner, { userId: w.owner.id, contactId: a.id, strength: 2 })).body;
    const p = (body: Record<string, unknown>) => call(relationshipRoute.PATCH, { user: w.owner, method: "PATCH", params: { id: w.account.id, relationshipId: rel.id }, body });
    expect((await p({ version: 1, strength: 4, lastInteractionAt: "2025-01-10" })).body).toMatchObject({ strength: 4, version: 2, lastInteractionAt: "2025-01-10T00:00:00.000Z" });
    const stale = await p({ version: 1, strength: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ strength: 4, version: 2 });
    const staleDelete = await call(relationshipRoute.DELETE, { user: w.owner, method: "DELETE", url: "/x?version=1", params: { id: w.account.id, relationshipId: rel.id } });
    expect(staleDelete.status).toBe(409);

    const link = (await call(linksRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { fromId: a.id, toId: b.id, kind: "TENSION" } })).body;
    const lp = (version: number, notes: string) => call(linkRoute.PATCH, { user: w.owner, method: "PATCH", params: { id: w.account.id, linkId: link.id }, body: { version, notes } });
    expect((await lp(1, "since the merger")).status).toBe(200);
    expect((await lp(1, "since the reorganisation")).status).toBe(409);
  });
});

describe("a person's history", () => {
  it("keeps the former job title and department when they change role", async () => {
    const c = (await addContact(w.owner, { name: "Mover", jobTitle: "Buyer", department: "Procurement" })).body;
    await patchContact(w.owner, c.id, { version: 1, jobTitle: "Head of Procurement" });
    await patchContact(w.owner, c.id, { version: 2, department: "Operations", jobTitle: "COO" });
    await patchContact(w.owner, c.id, { version: 3, influence: 5 });
    const detail = await call(contactRoute.GET, { user: w.mentor, params: { id: w.account.id, contactId: c.id } });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ jobTitle: "COO", department: "Operations", influence: 5 });
    expect(detail.body.roleHistory.map((h: { jobTitle: string; department: string }) => `${h.jobTitle} / ${h.department}`)).toEqual(["Head of Procurement / Procurement", "Buyer / Procurement"]);
    expect(detail.body.roleHistory[0].changedBy).toBe(w.owner.name);
  });
});

describe("the map and the account's cached coverage", () => {
  it("returns everything in one response and keeps the dashboard figures up to date after each change", async () => {
    const owner = await makeUser("ACCOUNT_MANAGER");
    const member = await makeUser("ACCOUNT_MANAGER");
    const account = await createAccount(testDb(), { ownerId: owner.id, team: [{ userId: member.id, role: "MEMBER" }] });
    const id = account.id;
    const ceo = (await addContact(owner, { name: "The CEO", decisionRole: "ECONOMIC_BUYER", influence: 5, department: "Board" }, id)).body;
    expect(await accountCache(id)).toEqual({ coverageScore: expect.any(Number), uncoveredDecisionMakers: 1, singleThreaded: false });
    expect((await relationshipHomeSection({ ...member, role: "ACCOUNT_MANAGER" }))?.title).toBe("Relationship gaps");
    const first = (await accountCache(id)).coverageScore!;

    const rel = (await addRel(owner, { userId: owner.id, contactId: ceo.id, strength: 4 }, id)).body;
    expect(await accountCache(id)).toMatchObject({ uncoveredDecisionMakers: 0, singleThreaded: true });
    expect((await accountCache(id)).coverageScore!).toBeGreaterThan(first);

    await addRel(member, { userId: member.id, contactId: ceo.id, strength: 3 }, id);
    expect(await accountCache(id)).toMatchObject({ singleThreaded: false });

    const res = await map(owner, id);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(expect.arrayContaining(["contacts", "teamMembers", "relationships", "links", "analysis"]));
    expect(res.body.teamMembers.map((m: { id: string }) => m.id).sort()).toEqual([owner.id, member.id].sort());
    expect(res.body.relationships).toHaveLength(2);
    expect(res.body.analysis.decisionMakers[0]).toMatchObject({ contactId: ceo.id, covered: true });
    expect(res.body.analysis.coverage.score).toBe((await accountCache(id)).coverageScore);

    // The home page points the team at the gap while it lasts.
    const ownerRole = { ...owner, role: "ACCOUNT_MANAGER" as const };
    expect(await relationshipHomeSection(ownerRole)).toBeNull();

    // Deleting the person removes their relationships and brings the figures back.
    const del = await call(contactRoute.DELETE, { user: owner, method: "DELETE", params: { id, contactId: ceo.id } });
    expect(del.status).toBe(200);
    expect(await testDb().relationship.count({ where: { id: rel.id } })).toBe(0);
    expect(await accountCache(id)).toEqual({ coverageScore: null, uncoveredDecisionMakers: 0, singleThreaded: false });
  });

  it("refuses changes to an archived account's map", async () => {
    const owner = await makeUser("ACCOUNT_MANAGER");
    const account = await createAccount(testDb(), { ownerId: owner.id, archived: true });
    expect((await addContact(owner, { name: "Too late" }, account.id)).status).toBe(403);
    expect((await map(owner, account.id)).body.permissions.canEdit).toBe(false);
  });
});
