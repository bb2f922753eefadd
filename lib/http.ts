import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { z, ZodError, type ZodType } from "zod";
import {
  BadRequestError,
  BusyError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from "@/lib/errors";
import { requireApiUser, type SessionUser } from "@/lib/auth/session";
import type { Prisma } from "@/lib/db";
import { log } from "@/lib/log";
import { authorizeAccount, shareTiesWithinRead } from "@/lib/accounts/access";
import { runWithRequestId } from "@/lib/request-context";
import { IDEMPOTENCY_HEADER, idempotent } from "@/lib/idempotency";
import { applySecurityHeaders } from "@/lib/security-headers";
import { isDatabaseUnavailable, markDatabaseDown } from "@/lib/db-status";

export type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (ctx: { req: NextRequest; user: SessionUser; params: P; requestId: string; read: unknown }) => Promise<Response>;

/**
 * A read route's data, as a json expression over its params, read in the statement that reads the
 * session and the account's ties (one round trip instead of two). The handler gets its value as
 * `read` (undefined for other methods) and may use it only as it would its own read: after the
 * account's ties have allowed it (withUser checks visibility first; the service checks its action).
 */
export type ReadFirst<P> = (params: P) => Prisma.Sql;

/** A JSON answer: a plain Response (NextResponse.json builds one and then wraps it in a second
 * with a cookie jar, which no API answer here uses). */
export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

/** Zod issues as { "field.path": "message" } (first message per field). */
export function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && code.startsWith("P") ? code : undefined;
}

/** One mapper from domain errors to HTTP. Nothing internal (stack, SQL) ever reaches the body. */
export function errorResponse(error: unknown, requestId: string): Response {
  const h = { "x-request-id": requestId };
  if (error instanceof ZodError) {
    return json({ error: "Some fields are not valid", fields: zodFields(error) }, 422, h);
  }
  if (error instanceof ValidationError) return json({ error: error.message, fields: error.fields }, 422, h);
  if (error instanceof BadRequestError) return json({ error: error.message }, 400, h);
  if (error instanceof UnauthorizedError) return json({ error: error.message }, 401, h);
  if (error instanceof ForbiddenError) return json({ error: error.message }, 403, h);
  if (error instanceof NotFoundError) return json({ error: error.message }, 404, h);
  if (error instanceof ConflictError) return json({ error: error.message, current: error.current ?? null }, 409, h);
  if (error instanceof RateLimitError) {
    return json({ error: error.message }, 429, { ...h, "retry-after": String(error.retryAfterSeconds) });
  }
  if (error instanceof BusyError) return json({ error: error.message, database: "busy" }, 503, { ...h, "retry-after": "2" });
  if (error instanceof UnavailableError || isDatabaseUnavailable(error)) {
    // Page loads are answered 503 at once until the database answers again (proxy.ts).
    markDatabaseDown();
    log.warn("database unavailable", { requestId, error: String((error as Error)?.message ?? error) });
    return json({ error: new UnavailableError().message, database: "unavailable" }, 503, { ...h, "retry-after": "5" });
  }
  const code = prismaCode(error);
  if (code === "P2002") return json({ error: "This already exists" }, 409, h);
  if (code === "P2025") return json({ error: "Not found" }, 404, h);
  if (code === "P2028") {
    log.warn("transaction could not start in time", { requestId });
    return json({ error: "Keystone is very busy right now. Please try again in a moment.", database: "busy" }, 503, { ...h, "retry-after": "2" });
  }
  if (code === "P2034") return json({ error: "Someone else saved at the same moment; reload and try again" }, 409, h);
  log.error("unhandled error", { requestId, error: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) });
  return json({ error: "Something went wrong on our side. It has been logged.", requestId }, 500, h);
}

/** Reads a JSON body and parses it with a Zod schema (422 naming the fields on failure). */
export async function parseBody<S extends ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    const text = await req.text();
    if (text.length > 1_000_000) throw new BadRequestError("The request body is too large");
    body = text ? JSON.parse(text) : {};
  } catch (e) {
    if (e instanceof BadRequestError) throw e;
    throw new BadRequestError("The request body is not valid JSON");
  }
  return schema.parse(body);
}

/** Parses the query string with a Zod schema. */
export function parseQuery<S extends ZodType>(req: NextRequest, schema: S): z.output<S> {
  return schema.parse(Object.fromEntries(req.nextUrl.searchParams.entries()));
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Requests whose repeat would do something again (a second copy) or fail (a 404 for what the first removed). */
const IDEMPOTENT_METHODS = new Set(["POST", "DELETE"]);

/** Refuses cross-site state-changing requests (CSRF): browsers always send Origin on them. */
function assertSameOrigin(req: NextRequest) {
  if (!STATE_CHANGING.has(req.method)) return;
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site") throw new ForbiddenError("Cross-site requests are not allowed");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? req.nextUrl.host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ForbiddenError("Cross-site requests are not allowed");
  }
  if (host && originHost !== host) throw new ForbiddenError("Cross-site requests are not allowed");
}

/** The request's id: a proxy's `x-request-id` is kept when it is a plain token (so the lines match
 * across both logs); anything else gets a fresh one. */
export function requestIdOf(req: NextRequest): string {
  const given = req.headers.get("x-request-id");
  return given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}

/**
 * Answers `req` with `handle`'s response, or the one error mapper's for what it throws; either way
 * the response carries the request id and the security headers, and the request gets its JSON log
 * line.
 */
export async function respondLogged(req: NextRequest, requestId: string, handle: () => Promise<Response>): Promise<Response> {
  const started = Date.now();
  let status = 500;
  try {
    let res: Response;
    try {
      res = await handle();
      res.headers.set("x-request-id", requestId);
    } catch (error) {
      res = errorResponse(error, requestId);
    }
    applySecurityHeaders(res.headers);
    status = res.status;
    return res;
  } finally {
    log.info("request", { requestId, method: req.method, path: req.nextUrl.pathname, status, ms: Date.now() - started });
  }
}

/**
 * Wraps a route handler: request id, same-origin check, signed-in user (401 otherwise),
 * params, and the one error mapper. The handler parses, authorizes, calls one service function.
 */
export function withUser<P = Record<string, never>>(fn: Handler<P>, opts: { readFirst?: ReadFirst<P> } = {}) {
  return async (req: NextRequest, ctx: RouteContext<P>): Promise<Response> => {
    const requestId = requestIdOf(req);
    return respondLogged(req, requestId, async () => {
      assertSameOrigin(req);
      const params = (await ctx?.params) ?? ({} as P);
      const id = (params as { id?: unknown }).id;
      const accountId = typeof id === "string" && req.nextUrl.pathname.startsWith("/api/accounts/") ? id : undefined;
      // The session, for an account's route the account's ties, and what a read asks to read
      // first: one round trip.
      const sql = req.method === "GET" && opts.readFirst ? opts.readFirst(params) : undefined;
      const { user, ties, read } = await requireApiUser(req, { accountId, sql });
      const handle = async () => {
        // Account-scoped routes: an account the caller may not see is a 404 before anything else
        // (before body validation), the same as one that does not exist.
        if (accountId) {
          // A read asks for the account's ties once, however many checks it makes.
          if (req.method === "GET") shareTiesWithinRead(user, accountId, ties);
          await authorizeAccount({ user, accountId, action: "account:read", ties });
        }
        const run = () => fn({ req, user, params, requestId, read });
        // A create or a delete the browser may send again (its answer lost): done once, answered again.
        const key = IDEMPOTENT_METHODS.has(req.method) ? req.headers.get(IDEMPOTENCY_HEADER) : null;
        return key ? idempotent({ userId: user.id, key, req, path: `${req.method} ${req.nextUrl.pathname}${req.nextUrl.search}`, run }) : run();
      };
      // A write runs with its request id at hand, so its audit record names the request.
      return req.method === "GET" ? handle() : runWithRequestId(requestId, handle);
    });
  };
}
