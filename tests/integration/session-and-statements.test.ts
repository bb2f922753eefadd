import { describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import * as accountRoute from "@/app/api/accounts/[id]/route";
import { prisma, Prisma, readRows, statementNamer } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { isDatabaseUnavailable } from "@/lib/db-status";
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
    const found = await requireApiUser(await requestAs(mentor), { accountId: account.id });
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
    expect((await requireApiUser(await requestAs(owner), { accountId: "no-such-account" })).ties).toBeNull();
    expect((await requireApiUser(await requestAs(owner))).ties).toBeNull();
  });

  it("keeps an account route's answers: 200 for the team, 404 for an outsider and for a missing account", async () => {
    const { member, outsider, account } = await makeWorld();
    expect((await call(accountRoute.GET, { user: member, params: { id: account.id } })).status).toBe(200);
    expect((await call(accountRoute.GET, { user: outsider, params: { id: account.id } })).status).toBe(404);
    expect((await call(accountRoute.GET, { user: member, params: { id: "no-such-account" } })).status).toBe(404);
  });
});

describe("the session token", () => {
  it("is read from the one cookie, from a token split over several (as next-auth writes a large one), and a bad one is no session", async () => {
    const { owner } = await makeWorld();
    const whole = (await sessionCookie(owner)).split("=")[1];
    const withCookie = (cookie: string) => new NextRequest("http://localhost:3000/api/accounts", { headers: { cookie } });
    expect((await requireApiUser(withCookie(`next-auth.session-token=${whole}`))).user.id).toBe(owner.id);
    const half = Math.floor(whole.length / 2);
    const split = withCookie(`next-auth.session-token.1=${whole.slice(half)}; other=1; next-auth.session-token.0=${whole.slice(0, half)}`);
    expect((await requireApiUser(split)).user.id).toBe(owner.id);
    // One character of the authentication tag changed: its first, all six bits of which count. (Its
    // last two were changed once, and a token ending "…BA" became "…BB": the last character's low
    // four bits are padding that base64url decoding drops, so that token was the same bytes.)
    const tagAt = whole.lastIndexOf(".") + 1;
    const tampered = whole.slice(0, tagAt) + (whole[tagAt] === "A" ? "B" : "A") + whole.slice(tagAt + 1);
    await expect(requireApiUser(withCookie(`next-auth.session-token=${tampered}`))).rejects.toThrow(/sign in|unauthori[sz]ed/i);
    await expect(requireApiUser(withCookie("other=1"))).rejects.toThrow(/sign in|unauthori[sz]ed/i);
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

describe("readRows (node-postgres on Prisma's pool)", () => {
  it("returns what prisma.$queryRaw returns for the same statement, whatever the process's time zone", async () => {
    const { account, owner, member } = await makeWorld();
    const at = new Date("2026-03-04T23:59:58.123Z");
    await testDb().account.update({ where: { id: account.id }, data: { archivedAt: at } });
    // Every type the app's reads return: text, an enum as text, int, bigint, float, boolean,
    // timestamp (UTC, no zone), date, json, text[], and null.
    const statement = Prisma.sql`
      SELECT a.id, a.stage::text AS stage, a.version, count(*) OVER () AS n, a.score, a."archivedAt", a."archivedAt"::date AS day,
             (a."archivedAt" > ${new Date("2026-03-04T23:59:58.000Z")}) AS later,
             json_build_object('id', a.id, 'at', a."archivedAt") AS j,
             ARRAY[${owner.id}, ${member.id}]::text[] AS ids, a."mentorId" IS NULL AS "noMentor", NULL::text AS nothing
      FROM "Account" a WHERE a.id = ${account.id}`;
    const viaDriver = await readRows<Record<string, unknown>>(statement);
    const viaPrisma = await prisma.$queryRaw<Record<string, unknown>[]>(statement);
    expect(viaDriver).toEqual(viaPrisma);
    expect(viaDriver[0]).toMatchObject({ archivedAt: at, day: new Date("2026-03-04T00:00:00Z"), later: true, n: BigInt(1), ids: [owner.id, member.id], nothing: null });
  });

  it("sends a Date parameter as the UTC moment it is (a timestamp column has no zone)", async () => {
    const at = new Date("2026-07-01T00:30:00.000Z");
    const [row] = await readRows<{ t: Date; same: boolean }>(Prisma.sql`SELECT ${at}::timestamp AS t, ${at}::timestamp = '2026-07-01 00:30:00'::timestamp AS same`);
    expect(row).toEqual({ t: at, same: true });
  });

  it("runs on a transaction's connection when given one, and reads what the transaction wrote", async () => {
    const { account } = await makeWorld();
    const name = (on?: Parameters<typeof readRows>[1]) => readRows<{ name: string }>(Prisma.sql`SELECT name FROM "Account" WHERE id = ${account.id}`, on);
    const seen = await prisma.$transaction(async (tx) => {
      await tx.account.update({ where: { id: account.id }, data: { name: "Renamed inside" } });
      return { inside: await name(tx), outside: await name() };
    });
    expect(seen.inside).toEqual([{ name: "Renamed inside" }]);
    expect(seen.outside).toEqual([{ name: account.name }]);
    expect(await name()).toEqual([{ name: "Renamed inside" }]);
  });

  it("refuses an array of timestamps rather than read it in the wrong zone", async () => {
    await expect(readRows(Prisma.sql`SELECT ARRAY[now()::timestamp] AS ts`)).rejects.toThrow(/does not read arrays of timestamps/);
  });

  it("fails fast with an error the API answers 503 when PostgreSQL cannot be reached", async () => {
    const saved = { url: process.env.DATABASE_URL, db: (globalThis as { keystoneDb?: unknown }).keystoneDb };
    try {
      vi.resetModules();
      delete (globalThis as { keystoneDb?: unknown }).keystoneDb;
      process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/none";
      const unreachable = await import("@/lib/db");
      const error = await unreachable.readRows(Prisma.sql`SELECT 1`).then(() => null, (e: unknown) => e);
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(errorResponse(error, "req-1").status).toBe(503);
    } finally {
      process.env.DATABASE_URL = saved.url;
      (globalThis as { keystoneDb?: unknown }).keystoneDb = saved.db;
      vi.resetModules();
    }
  });
});
