// Which errors mean "PostgreSQL cannot be reached" (answered 503, not 500): the shapes the stack
// really produces when the server goes away mid-request, as seen in `npm run outage`.
import { afterEach, describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/http";
import { BusyError } from "@/lib/errors";
import { DATABASE_PROBE_EVERY_MS, databaseKnownDown, isDatabaseUnavailable, markDatabaseDown, markDatabaseUp, noteDatabaseError } from "@/lib/db-status";
import { Prisma, prisma, readRows } from "@/lib/db";

// What Prisma 7 throws from $queryRaw when the server closed the pooled connection.
function closedRawQueryError() {
  const e = new Error("\nInvalid `prisma.$queryRaw()` invocation:\n\n\nRaw query failed. Code: `N/A`. Message: `Server has closed the connection.`") as Error & {
    code: string;
    meta: unknown;
  };
  e.name = "PrismaClientKnownRequestError";
  e.code = "P2010";
  e.meta = { driverAdapterError: Object.assign(new Error("Server has closed the connection."), { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } }) };
  return e;
}

describe("database unavailable", () => {
  it("recognises a raw query on a closed connection, by its message and by the driver error in meta", async () => {
    expect(isDatabaseUnavailable(closedRawQueryError())).toBe(true);
    const onlyMeta = Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } } } });
    expect(isDatabaseUnavailable(onlyMeta)).toBe(true);
    // node-postgres, on a pooled client whose connection broke mid-query.
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    const res = errorResponse(closedRawQueryError(), "req-1");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ database: "unavailable" });
  });

  it("does not mistake other database errors for an outage", async () => {
    const syntax = Object.assign(new Error("Raw query failed. Code: `42601`. Message: `syntax error`"), {
      code: "P2010",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", code: "42601" } } },
    });
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    expect(errorResponse(syntax, "req-2").status).toBe(500);
  });

  it("tells a busy instance from a missing database", async () => {
    markDatabaseUp();
    const res = errorResponse(new BusyError(), "req-3");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(await res.json()).toMatchObject({ database: "busy" });
    // Busy is not away: page loads still go to the pages.
    expect(await databaseKnownDown()).toBe(false);
  });
});

// What the proxy reads to answer page loads 503 at once (lib/db-status.ts), as the app's own pool
// and error mapper keep it, on the real database.
describe("the database's status as the app keeps it", () => {
  afterEach(() => markDatabaseUp());

  it("is down once a request failed for want of the database, and up again with the next query that reaches it", async () => {
    errorResponse(closedRawQueryError(), "req-4");
    expect(await databaseKnownDown()).toBe(true);
    await readRows(Prisma.sql`SELECT 1`);
    expect(await databaseKnownDown()).toBe(false);
    markDatabaseDown();
    await prisma.user.count();
    expect(await databaseKnownDown()).toBe(false);
  });

  it("is found up again by the proxy's own try on the app's pool, with no request needing to reach the database", async () => {
    const t0 = Date.now();
    markDatabaseDown(t0);
    expect(await databaseKnownDown(t0 + 1)).toBe(true);
    expect(await databaseKnownDown(t0 + DATABASE_PROBE_EVERY_MS)).toBe(false);
  });

  it("is down when the pool cannot connect at all", async () => {
    const pg = (await import("pg")).default;
    const closed = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 2000 });
    const error = await closed.query("SELECT 1").then(() => null, (e: unknown) => e);
    await closed.end();
    expect(noteDatabaseError(error)).toBe(true);
    expect(await databaseKnownDown()).toBe(true);
  });
});
