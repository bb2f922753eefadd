import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import * as accountRoute from "@/app/api/accounts/[id]/route";
import { prisma, statementNamer } from "@/lib/db";
import { requireApiUser } from "@/lib/auth/session";
import { authorizeAccount } from "@/lib/accounts/access";
import { call, sessionCookie } from "../support/http";
import { makeWorld, testDb } from "../support/fixtures";

const requestAs = async (user: { id: string; email: string; name: string; role: string }) =>
  new NextRequest("http://localhost:3000/api/accounts/x", { headers: { cookie: await sessionCookie(user) } });

describe("the session read", () => {
  it("reads the account's ties with the user, the same ties authorizeAccount reads on its own", async () => {
    const { owner, member, mentor, account } = await makeWorld();
    await testDb().account.update({ where: { id: account.id }, data: { archivedAt: new Date("2026-03-04T05:06:07.089Z") } });
    const found = await requireApiUser(await requestAs(mentor), account.id);
    expect(found.user).toMatchObject({ id: mentor.id, role: "MENTOR" });
    expect(found.ties).toMatchObject({ id: account.id, ownerId: owner.id, mentorId: mentor.id, team: expect.arrayContaining([member.id]) });
    // A timestamp read through row_to_json is the same instant as one read as a column.
    expect(found.ties?.archivedAt).toEqual(new Date("2026-03-04T05:06:07.089Z"));
    const alone = await authorizeAccount({ user: found.user, accountId: account.id, action: "account:read" });
    const viaSession = await authorizeAccount({ user: found.user, accountId: account.id, action: "account:read", ties: found.ties });
    expect(viaSession).toEqual(alone);
  });

  it("says there is no such account (null), and reads no ties when the route names none", async () => {
    const { owner } = await makeWorld();
    expect((await requireApiUser(await requestAs(owner), "no-such-account")).ties).toBeNull();
    expect((await requireApiUser(await requestAs(owner))).ties).toBeNull();
  });

  it("keeps an account route's answers: 200 for the team, 404 for an outsider and for a missing account", async () => {
    const { member, outsider, account } = await makeWorld();
    expect((await call(accountRoute.GET, { user: member, params: { id: account.id } })).status).toBe(200);
    expect((await call(accountRoute.GET, { user: outsider, params: { id: account.id } })).status).toBe(404);
    expect((await call(accountRoute.GET, { user: member, params: { id: "no-such-account" } })).status).toBe(404);
  });
});

describe("prepared statements", () => {
  it("name a statement by its text, the same name for the same text, and stop naming past the limit", () => {
    const name = statementNamer(2);
    const a = name({ sql: "SELECT 1" });
    expect(a).toMatch(/^k_[\w-]{27}$/);
    expect(name({ sql: "SELECT 1" })).toBe(a);
    const b = name({ sql: "SELECT 2" });
    expect(b).not.toBe(a);
    expect(name({ sql: "SELECT 3" })).toBeUndefined();
    expect(name({ sql: "SELECT 2" })).toBe(b);
    // PostgreSQL keeps the first 63 bytes of a name.
    expect(a!.length).toBeLessThanOrEqual(63);
  });

  it("are parsed once per connection and reused by the app's client", async () => {
    const { account } = await makeWorld();
    const seen = await prisma.$transaction(async (tx) => {
      // One connection for the whole transaction: the second run finds the statement prepared.
      const first = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM "Account" WHERE id = ${account.id}`;
      const second = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM "Account" WHERE id = ${account.id}`;
      const prepared = await tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;
      return { first, second, prepared };
    });
    expect(seen.first).toEqual([{ name: account.name }]);
    expect(seen.second).toEqual(seen.first);
    const mine = seen.prepared.filter((p) => p.statement.includes(`SELECT name FROM "Account" WHERE id = $1`));
    expect(mine).toHaveLength(1);
    expect(mine[0].name).toMatch(/^k_/);
  });
});
