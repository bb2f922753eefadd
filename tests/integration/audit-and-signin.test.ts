import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import * as auditRoute from "@/app/api/audit/route";
import * as accountsRoute from "@/app/api/accounts/route";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import { recordFailure, throttleKeys } from "@/lib/auth/throttle";
import { call } from "../support/http";
import { makeUser } from "../support/fixtures";

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
  });
});
