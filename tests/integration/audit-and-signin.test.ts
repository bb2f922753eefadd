import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import * as auditRoute from "@/app/api/audit/route";
import * as accountsRoute from "@/app/api/accounts/route";
import * as usersRoute from "@/app/api/users/[id]/route";
import * as contactsRoute from "@/app/api/accounts/[id]/contacts/route";
import * as contactRoute from "@/app/api/accounts/[id]/contacts/[contactId]/route";
import * as relationshipsRoute from "@/app/api/accounts/[id]/relationships/route";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import { recordFailure, throttleKeys } from "@/lib/auth/throttle";
import { call } from "../support/http";
import { makeUser, makeWorld, testDb } from "../support/fixtures";

describe("audit log", () => {
  it("shows administrators who changed what, with filters; nobody else may read it", async () => {
    const owner = await makeUser("ACCOUNT_MANAGER");
    const admin = await makeUser("ADMIN");
    const created = await call(accountsRoute.POST, { user: owner, body: { name: `Audited ${Date.now()}`, industry: "X", region: "Y" } });
    const res = await call(auditRoute.GET, { user: admin, url: `/api/audit?actorId=${owner.id}&action=account.` });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ action: "account.create", entityId: created.body.id, actor: { id: owner.id, name: owner.name } })]);
    expect(res.body.items[0].after.name).toBe(created.body.name);
    for (const role of ["ACCOUNT_MANAGER", "MENTOR", "SENIOR_MANAGER"] as const) {
      expect((await call(auditRoute.GET, { user: await makeUser(role) })).status).toBe(403);
    }
    expect((await call(auditRoute.GET, { user: admin, url: "/api/audit?from=yesterday" })).body.fields.from).toBeTruthy();
  });

  // CI runs this file again in a zone far from UTC, where the server's day and UTC's differ.
  it("filters by days in the server's time zone, the one the log shows its dates in", async () => {
    const actor = await makeUser("ADMIN");
    const admin = await makeUser("ADMIN");
    const at = (h: number, min: number) => new Date(2026, 2, 5, h, min); // 5 Mar 2026, local time
    for (const [action, createdAt] of [["zone.early", at(0, 30)], ["zone.late", at(23, 30)]] as const) {
      await testDb().auditEvent.create({ data: { actorId: actor.id, action, entityType: "System", entityId: "zone", createdAt } });
    }
    const days = async (from: string, to: string) =>
      (await call(auditRoute.GET, { user: admin, url: `/api/audit?actorId=${actor.id}&from=${from}&to=${to}` })).body.items.map((e: { action: string }) => e.action);
    expect(await days("2026-03-05", "2026-03-05")).toEqual(["zone.late", "zone.early"]);
    expect(await days("2026-03-04", "2026-03-04")).toEqual([]);
    expect(await days("2026-03-06", "2026-03-06")).toEqual([]);
  });

  it("names each event's account and record, and the request that made it, so an event leads to its log lines", async () => {
    const owner = await makeUser("ACCOUNT_MANAGER");
    const admin = await makeUser("ADMIN");
    const created = await call(accountsRoute.POST, { user: owner, body: { name: `Named ${Date.now()}`, industry: "X", region: "Y" } });
    expect(created.status).toBe(201);
    const requestId = created.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const res = await call(auditRoute.GET, { user: admin, url: `/api/audit?accountId=${created.body.id}` });
    expect(res.body.filterAccount).toEqual({ id: created.body.id, name: created.body.name });
    expect(res.body.items).toEqual([
      expect.objectContaining({ action: "account.create", entityType: "Account", recordName: created.body.name, account: { id: created.body.id, name: created.body.name }, requestId }),
    ]);
    // Pasted into the log's filter, a request id finds exactly what that request wrote.
    const byRequest = await call(auditRoute.GET, { user: admin, url: `/api/audit?requestId=${requestId}` });
    expect(byRequest.body.items.map((e: { entityId: string }) => e.entityId)).toEqual([created.body.id]);
    const tooLong = await call(auditRoute.GET, { user: admin, url: `/api/audit?requestId=${"z".repeat(101)}` });
    expect(tooLong.status).toBe(422);
    expect(JSON.stringify(tooLong.body)).toContain("requestId");
    // A user record is named too (the admin's own change of a user).
    const edited = await call(usersRoute.PATCH, { user: admin, method: "PATCH", params: { id: owner.id }, body: { name: "Renamed Owner", version: (await testDb().user.findUniqueOrThrow({ where: { id: owner.id } })).version }, headers: { "x-request-id": "lb-7f3a.42" } });
    expect(edited.status).toBe(200);
    const userEvents = (await call(auditRoute.GET, { user: admin, url: `/api/audit?entityType=User&actorId=${admin.id}` })).body.items;
    expect(userEvents[0]).toMatchObject({ entityId: owner.id, recordName: "Renamed Owner", account: null, requestId: "lb-7f3a.42" });
    // An id a client makes up that is not a plain token is not stored: the request gets its own.
    const odd = await call(accountsRoute.POST, { user: owner, body: { name: `Odd ${Date.now()}`, industry: "X", region: "Y" }, headers: { "x-request-id": `x"} ${"y".repeat(200)}` } });
    const oddEvent = (await call(auditRoute.GET, { user: admin, url: `/api/audit?accountId=${odd.body.id}` })).body.items[0];
    expect(oddEvent.requestId).toBe(odd.headers.get("x-request-id"));
    expect(oddEvent.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("audit log record names", () => {
  it("names contacts and relationships as they are now, and a deleted record by the name its event recorded", async () => {
    const w = await makeWorld();
    const params = { id: w.account.id };
    const contact = await call(contactsRoute.POST, { user: w.owner, params, body: { name: "Henrike Named" } });
    const rel = await call(relationshipsRoute.POST, { user: w.owner, params, body: { userId: w.member.id, contactId: contact.body.id, strength: 3 } });
    expect(rel.status).toBe(201);
    const log = async () =>
      ((await call(auditRoute.GET, { user: w.admin, url: `/api/audit?accountId=${w.account.id}` })).body.items as { action: string; recordName: string | null }[]).map((e) => [e.action, e.recordName]);
    expect(await log()).toEqual(
      expect.arrayContaining([
        ["contact.create", "Henrike Named"],
        ["relationship.create", `${w.member.name} → Henrike Named`],
      ]),
    );
    const del = await call(contactRoute.DELETE, { user: w.owner, method: "DELETE", params: { ...params, contactId: contact.body.id } });
    expect(del.status).toBe(200);
    expect((await log()).filter(([action]) => action!.startsWith("contact."))).toEqual([
      ["contact.delete", "Henrike Named"],
      ["contact.create", "Henrike Named"],
    ]);
  });
});

describe("sign-in endpoint", () => {
  it("answers 429 with Retry-After once an email is locked, before checking any password", async () => {
    const u = await makeUser("ACCOUNT_MANAGER");
    for (let i = 0; i < 5; i++) await recordFailure(throttleKeys(u.email, "x").email, 5);
    const req = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: u.email, password: "whatever", csrfToken: "x", json: "true" }).toString(),
    });
    const res = await nextAuthRoute.POST(req, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await res.json()).url).toContain("error=RateLimited");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
