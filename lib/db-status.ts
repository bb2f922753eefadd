// Whether PostgreSQL answers, as this server process last saw it. lib/db marks it from its pool
// (a connection opened or a query answered: up; a connection lost or refused: down), the API's
// error mapper and instrumentation.ts's onRequestError mark it down when a request failed for
// want of the database, and the proxy reads it: while the database is known to be away, a page
// load is answered 503 at once (proxy.ts) instead of drawing a page that cannot be read.
// The state lives on globalThis: the proxy is a bundle of its own in the same process, and the
// app's modules and the proxy's each have their own copy of this module.

const DB_DOWN_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P03", "08006", "08001", "08003", "P1001", "P1002", "P1017"]);

/** True for errors that mean "PostgreSQL cannot be reached", wherever in the stack they come from. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const o = e as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown };
    if (typeof o.code === "string" && DB_DOWN_CODES.has(o.code)) return true;
    const msg = typeof o.message === "string" ? o.message : "";
    if (/connection terminated|timeout exceeded when trying to connect|ECONNREFUSED|Can't reach database|Connection terminated|the database system is (shutting down|starting up)|terminating connection due to administrator command|Server has closed the connection|Client has encountered a connection error/i.test(msg)) return true;
    if (o.name === "DriverAdapterError" && /DatabaseNotReachable|ConnectionClosed|SocketTimeout/.test(JSON.stringify(o))) return true;
    // Prisma's raw queries carry the driver's error in meta.driverAdapterError rather than cause.
    const meta = (o as { meta?: { driverAdapterError?: unknown } }).meta;
    e = o.cause ?? meta?.driverAdapterError;
  }
  return false;
}

/** How often, while the database is known to be away, the proxy tries it again, and for how long. */
export const DATABASE_PROBE_EVERY_MS = 1000;
const PROBE_WAIT_MS = 1000;

type Status = {
  /** When the database was last found away (null: answering, or not known otherwise). */
  downSince: number | null;
  lastProbe: number;
  /** Tries the database (lib/db registers a `SELECT 1` on its pool); resolves when it answered. */
  probe?: () => Promise<unknown>;
};

const KEY = Symbol.for("keystone.databaseStatus");
const status = (): Status => {
  const g = globalThis as unknown as Record<symbol, Status | undefined>;
  return (g[KEY] ??= { downSince: null, lastProbe: 0 });
};

export function markDatabaseDown(now = Date.now()): void {
  const s = status();
  if (s.downSince === null) {
    s.downSince = now;
    s.lastProbe = now;
  }
}

export function markDatabaseUp(): void {
  const s = status();
  if (s.downSince !== null) s.downSince = null;
}

/** Marks the database down when `error` says it is away; returns whether it did. */
export function noteDatabaseError(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  markDatabaseDown();
  return true;
}

export function registerDatabaseProbe(probe: () => Promise<unknown>): void {
  status().probe = probe;
}

/**
 * Whether the database is known to be away now. While it is, at most once every
 * DATABASE_PROBE_EVERY_MS the caller tries it first (for at most PROBE_WAIT_MS; refused
 * connections answer at once), so that the first page load after it came back gets the page; the
 * other callers meanwhile get the answer at once. A request that reaches the database marks it up
 * too (lib/db's pool).
 */
export async function databaseKnownDown(now = Date.now()): Promise<boolean> {
  const s = status();
  if (s.downSince === null) return false;
  if (s.probe && now - s.lastProbe >= DATABASE_PROBE_EVERY_MS) {
    s.lastProbe = now;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = await Promise.race([
      s.probe().then(() => true, () => false),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_WAIT_MS))),
    ]);
    clearTimeout(timer);
    if (answered) markDatabaseUp();
  }
  return s.downSince !== null;
}
