// Which errors mean "PostgreSQL cannot be reached" (answered 503, not 500): the shapes the stack
// really produces when the server goes away mid-request, as seen in `npm run outage`.
import { describe, expect, it } from "vitest";
import { errorResponse, isDatabaseUnavailable } from "@/lib/http";
import { BusyError } from "@/lib/errors";

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
    const res = errorResponse(new BusyError(), "req-3");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(await res.json()).toMatchObject({ database: "busy" });
  });
});
