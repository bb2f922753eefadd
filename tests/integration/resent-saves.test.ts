// A save whose answer was lost on the way (the connection broke after the server stored it) is
// sent again by the person, with the version they had. The record already says what it sends:
// that is done, not a conflict with themselves. Each versioned edit answers it with the record as
// it is and writes nothing (no new version, no audit event); other values on the same old version
// are still a 409 with the current record. The scorecard and the tier override are in
// scoring.test.ts (they need a database of their own), the plan draft in plans.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import * as accountRoute from "@/app/api/accounts/[id]/route";
import * as contactsRoute from "@/app/api/accounts/[id]/contacts/route";
import * as contactRoute from "@/app/api/accounts/[id]/contacts/[contactId]/route";
import * as relationshipsRoute from "@/app/api/accounts/[id]/relationships/route";
import * as relationshipRoute from "@/app/api/accounts/[id]/relationships/[relationshipId]/route";
import * as linksRoute from "@/app/api/accounts/[id]/links/route";
import * as linkRoute from "@/app/api/accounts/[id]/links/[linkId]/route";
import * as actionsRoute from "@/app/api/accounts/[id]/plan/actions/route";
import * as actionRoute from "@/app/api/accounts/[id]/plan/actions/[actionId]/route";
import * as financialsRoute from "@/app/api/accounts/[id]/plan/financials/route";
import * as financialYearRoute from "@/app/api/accounts/[id]/plan/financials/[year]/route";
import * as stageRoute from "@/app/api/accounts/[id]/plan/stage/route";
import * as proposalsRoute from "@/app/api/accounts/[id]/proposals/route";
import * as proposalRoute from "@/app/api/accounts/[id]/proposals/[proposalId]/route";
import { call, type TestUser } from "../support/http";
import { makeWorld, testDb } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const audits = () => testDb().auditEvent.count({ where: { accountId: w.account.id } });

/**
 * Sends `first`, then the same body again with the same version (the lost answer's retry), then
 * `other` with that version. Returns the three answers and the audit count after each.
 */
async function resend(send: (body: Record<string, unknown>) => Promise<{ status: number; body: any }>, first: Record<string, unknown>, other: Record<string, unknown>) {
  const a = await send(first);
  const afterFirst = await audits();
  const again = await send(first);
  const afterAgain = await audits();
  const conflict = await send(other);
  return { a, again, conflict, wroteAgain: afterAgain - afterFirst, wroteConflict: (await audits()) - afterAgain };
}

describe("a save sent again after its answer was lost", () => {
  it("person: the same edit again is 200 with the person as saved; another edit on that version is 409", async () => {
    const c = (await call(contactsRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { name: "Resent Person", jobTitle: "Buyer", influence: 2 } })).body;
    const patch = (body: Record<string, unknown>) => call(contactRoute.PATCH, { user: w.owner, method: "PATCH", params: { id: w.account.id, contactId: c.id }, body });
    const r = await resend(patch, { version: c.version, jobTitle: "CFO", influence: 5, notes: "Met at the summit" }, { version: c.version, jobTitle: "CEO" });
    expect(r.a.status).toBe(200);
    expect(r.again.status).toBe(200);
    expect(r.again.body).toEqual(r.a.body);
    expect(r.wroteAgain).toBe(0);
    expect(r.conflict.status).toBe(409);
    expect(r.conflict.body.current).toMatchObject({ jobTitle: "CFO", version: c.version + 1 });
    expect(r.wroteConflict).toBe(0);
    // The first edit kept the former title in their history; the one sent again added nothing.
    expect(await testDb().contactRoleChange.count({ where: { contactId: c.id } })).toBe(1);
    expect(await testDb().contact.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ jobTitle: "CFO", version: c.version + 1 });
  });

  it("relationship: dates compare as days, so the same date sent again is not a conflict", async () => {
    const c = (await call(contactsRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { name: "Resent Rel" } })).body;
    const rel = (await call(relationshipsRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { userId: w.member.id, contactId: c.id, strength: 2 } })).body;
    const patch = (body: Record<string, unknown>) => call(relationshipRoute.PATCH, { user: w.member, method: "PATCH", params: { id: w.account.id, relationshipId: rel.id }, body });
    const r = await resend(patch, { version: rel.version, strength: 4, lastInteractionAt: "2026-03-02", notes: "Dinner in Lyon" }, { version: rel.version, strength: 3 });
    expect(r.a.status).toBe(200);
    expect(r.again.status).toBe(200);
    expect(r.again.body).toEqual(r.a.body);
    expect(r.wroteAgain).toBe(0);
    expect(r.conflict.status).toBe(409);
    expect(r.conflict.body.current).toMatchObject({ strength: 4, version: rel.version + 1 });
  });

  it("link between their people", async () => {
    const a = (await call(contactsRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { name: "Resent From" } })).body;
    const b = (await call(contactsRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { name: "Resent To" } })).body;
    const link = (await call(linksRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { fromId: a.id, toId: b.id, kind: "INFLUENCES" } })).body;
    const patch = (body: Record<string, unknown>) => call(linkRoute.PATCH, { user: w.owner, method: "PATCH", params: { id: w.account.id, linkId: link.id }, body });
    const r = await resend(patch, { version: link.version, notes: "Old colleagues" }, { version: link.version, notes: "Rivals" });
    expect([r.a.status, r.again.status, r.conflict.status]).toEqual([200, 200, 409]);
    expect(r.again.body).toEqual(r.a.body);
    expect(r.wroteAgain).toBe(0);
  });

  it("account details: money compares by amount, the owner and mentor by who they are", async () => {
    const { version } = await testDb().account.findUniqueOrThrow({ where: { id: w.account.id }, select: { version: true } });
    const patch = (body: Record<string, unknown>) => call(accountRoute.PATCH, { user: w.owner, method: "PATCH", params: { id: w.account.id }, body });
    const r = await resend(patch, { version, description: "Largest buyer in the region", annualRevenue: 1_250_000.5, ownerId: w.owner.id, mentorId: w.mentor.id }, { version, description: "Something else" });
    expect(r.a.status).toBe(200);
    expect(r.again.status).toBe(200);
    expect(r.again.body).toMatchObject({ description: "Largest buyer in the region", version: version + 1 });
    expect(r.wroteAgain).toBe(0);
    expect(r.conflict.status).toBe(409);
    expect(r.conflict.body.current).toMatchObject({ description: "Largest buyer in the region", version: version + 1 });
  });

  it("action and financial year", async () => {
    const action = (await call(actionsRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { title: "Book the site visit", ownerId: w.member.id, dueDate: "2026-02-10" } })).body;
    const patchAction = (body: Record<string, unknown>) => call(actionRoute.PATCH, { user: w.member, method: "PATCH", params: { id: w.account.id, actionId: action.id }, body });
    const ra = await resend(patchAction, { version: action.version, status: "DONE", dueDate: "2026-02-12", ownerId: w.owner.id }, { version: action.version, title: "Renamed" });
    expect([ra.a.status, ra.again.status, ra.conflict.status]).toEqual([200, 200, 409]);
    expect(ra.again.body).toEqual(ra.a.body);
    expect(ra.wroteAgain).toBe(0);

    const year = (await call(financialsRoute.POST, { user: w.owner, params: { id: w.account.id }, body: { year: 2024, targetRevenue: 500_000 } })).body;
    const patchYear = (body: Record<string, unknown>) => call(financialYearRoute.PATCH, { user: w.owner, method: "PATCH", params: { id: w.account.id, year: "2024" }, body });
    const ry = await resend(patchYear, { version: year.version, actualRevenue: 512_345.67, actualMargin: null }, { version: year.version, actualRevenue: 1 });
    expect([ry.a.status, ry.again.status, ry.conflict.status]).toEqual([200, 200, 409]);
    expect(ry.again.body).toEqual(ry.a.body);
    expect(ry.wroteAgain).toBe(0);
  });

  it("stage move: the person's own move sent again is done; someone else's move still stops theirs", async () => {
    const x = await makeWorld();
    const move = (user: TestUser, body: Record<string, unknown>) => call(stageRoute.POST, { user, params: { id: x.account.id }, body });
    const body = { stage: "CONTRACT_NEGOTIATION", fromStage: "PRE_SALES", note: "Shortlisted" };
    const first = await move(x.owner, body);
    expect(first.status).toBe(201);
    const again = await move(x.owner, body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await testDb().stageChange.count({ where: { accountId: x.account.id } })).toBe(1);
    // The same move by someone else, or with another note, is not theirs: 409 saying who moved it.
    const byOther = await move(x.member, body);
    expect(byOther.status).toBe(409);
    expect(byOther.body.error).toContain(`${x.owner.name} moved it there`);
    expect((await move(x.owner, { ...body, note: "Other note" })).status).toBe(409);
    expect(await testDb().stageChange.count({ where: { accountId: x.account.id } })).toBe(1);
  });

  it("proposal revision: the stored body is compared after sanitising", async () => {
    const proposal = { title: "Resent renewal", kind: "renewal", summary: "Renew for three years.", value: 900_000, decisionDate: "2027-03-01", body: "<p>Three <strong>years</strong>.<script>x()</script></p>" };
    const p = (await call(proposalsRoute.POST, { user: w.owner, params: { id: w.account.id }, body: proposal })).body.proposal;
    const put = (body: Record<string, unknown>) => call(proposalRoute.PUT, { user: w.owner, method: "PUT", params: { id: w.account.id, proposalId: p.id }, body });
    const r = await resend(put, { ...proposal, value: 950_000, version: p.version }, { ...proposal, value: 1_000_000, version: p.version });
    expect([r.a.status, r.again.status, r.conflict.status]).toEqual([200, 200, 409]);
    expect(r.again.body).toMatchObject({ value: 950_000, version: p.version + 1 });
    expect(r.wroteAgain).toBe(0);
    expect(r.conflict.body.current).toMatchObject({ value: 950_000, version: p.version + 1 });
  });
});
