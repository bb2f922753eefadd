import { describe, expect, it } from "vitest";
import * as accountsRoute from "@/app/api/accounts/route";
import * as usersRoute from "@/app/api/users/route";
import * as userRoute from "@/app/api/users/[id]/route";
import * as healthRoute from "@/app/api/health/route";
import { authOptions } from "@/lib/auth/options";
import { lockedForSeconds, throttleKeys } from "@/lib/auth/throttle";
import { call, missingSecurityHeaders } from "../support/http";
import { makeUser, testDb } from "../support/fixtures";

type Authorize = (creds: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const u = await makeUser("ACCOUNT_MANAGER", { password: "right-password-1" });
    const req = { headers: { "x-forwarded-for": `10.1.${Math.floor(Math.random() * 250)}.1` } };
    expect(await authorize({ email: u.email, password: "right-password-1" }, req)).toMatchObject({ id: u.id, role: "ACCOUNT_MANAGER" });
    expect(await authorize({ email: u.email, password: "wrong" }, req)).toBeNull();
  });

  it("locks an email after repeated failures, even with the right password afterwards", async () => {
    const u = await makeUser("ACCOUNT_MANAGER", { password: "right-password-2" });
    const req = { headers: { "x-forwarded-for": `10.2.${Math.floor(Math.random() * 250)}.1` } };
    for (let i = 0; i < 5; i++) expect(await authorize({ email: u.email, password: `nope-${i}` }, req)).toBeNull();
    expect(await lockedForSeconds([throttleKeys(u.email, "x").email])).toBeGreaterThan(0);
    await expect(authorize({ email: u.email, password: "right-password-2" }, req)).rejects.toThrow("RateLimited");
  });

  it("refuses a deactivated user, including one holding a session issued earlier", async () => {
    const admin = await makeUser("ADMIN");
    const u = await makeUser("ACCOUNT_MANAGER", { password: "right-password-3" });
    expect((await call(accountsRoute.GET, { user: u })).status).toBe(200);
    const current = await testDb().user.findUniqueOrThrow({ where: { id: u.id }, select: { version: true } });
    const res = await call(userRoute.PATCH, { user: admin, method: "PATCH", params: { id: u.id }, body: { active: false, version: current.version } });
    expect(res.status).toBe(200);
    expect((await call(accountsRoute.GET, { user: u })).status).toBe(401);
    expect(await authorize({ email: u.email, password: "right-password-3" }, { headers: {} })).toBeNull();
  });
});

describe("user administration", () => {
  it("is for administrators only", async () => {
    for (const role of ["ACCOUNT_MANAGER", "MENTOR", "SENIOR_MANAGER"] as const) {
      const u = await makeUser(role);
      expect((await call(usersRoute.GET, { user: u })).status).toBe(403);
      expect((await call(usersRoute.POST, { user: u, body: { email: `x${Date.now()}@t.io`, name: "New One", role: "ADMIN", password: "long-enough-pw" } })).status).toBe(403);
    }
  });

  it("adds a user who can sign in, and refuses a duplicate email with 422", async () => {
    const admin = await makeUser("ADMIN");
    const email = `new-${Date.now()}@keystone.test`;
    const res = await call(usersRoute.POST, { user: admin, body: { email, name: "New Person", role: "MENTOR", password: "long-enough-pw" } });
    expect(res.status).toBe(201);
    expect(res.body.passwordHash).toBeUndefined();
    expect(await authorize({ email, password: "long-enough-pw" }, { headers: {} })).toMatchObject({ role: "MENTOR" });
    const dup = await call(usersRoute.POST, { user: admin, body: { email, name: "Again", role: "MENTOR", password: "long-enough-pw" } });
    expect(dup.status).toBe(422);
    expect(dup.body.fields.email).toMatch(/exists/);
  });

  it("changes a role with optimistic concurrency", async () => {
    const admin = await makeUser("ADMIN");
    const u = await makeUser("ACCOUNT_MANAGER");
    const first = await call(userRoute.PATCH, { user: admin, method: "PATCH", params: { id: u.id }, body: { role: "MENTOR", version: 1 } });
    expect(first.status).toBe(200);
    expect(first.body.role).toBe("MENTOR");
    const stale = await call(userRoute.PATCH, { user: admin, method: "PATCH", params: { id: u.id }, body: { role: "ADMIN", version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.current.role).toBe("MENTOR");
  });
});

describe("GET /api/health", () => {
  it("says the database is reachable", async () => {
    const res = await healthRoute.GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
    expect(missingSecurityHeaders(res.headers)).toEqual([]);
  });
});

describe("sign-out", () => {
  it("ends the session on the server: the same token is refused afterwards", async () => {
    const { sessionCookie } = await import("../support/http");
    const { decode } = await import("next-auth/jwt");
    const u = await makeUser("ACCOUNT_MANAGER");
    const cookie = await sessionCookie(u);
    const headers = { cookie };
    expect((await call(accountsRoute.GET, { user: null, headers })).status).toBe(200);
    const token = await decode({ token: cookie.split("=")[1], secret: process.env.NEXTAUTH_SECRET! });
    await authOptions.events!.signOut!({ token: token!, session: null as never });
    expect((await call(accountsRoute.GET, { user: null, headers })).status).toBe(401);
    // Other sessions of the same person are not affected.
    expect((await call(accountsRoute.GET, { user: u })).status).toBe(200);
  });
});
