import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma as PrismaNs, PrismaClient } from "@/lib/generated/prisma/client";
import { localTimeZone } from "@/lib/days";
import { markDatabaseUp, noteDatabaseError, registerDatabaseProbe } from "@/lib/db-status";

export { Prisma } from "@/lib/generated/prisma/client";

/**
 * Names for prepared statements, so each pooled connection parses a statement once and afterwards
 * sends only its parameters (the SQL text of a read such as the scorecard is several kilobytes,
 * and PostgreSQL would parse and analyse it again on every request). A name is a hash of the SQL
 * text, so equal text always has the same name. At most `limit` distinct texts get a name, which
 * bounds what each connection keeps on the server; statements past that run unnamed, as before.
 * `DATABASE_PREPARED_STATEMENTS=false` turns this off (for a transaction-mode PgBouncer in front).
 */
export function statementNamer(limit = 2000): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return (query) => {
    let name = names.get(query.sql);
    if (name === undefined && names.size < limit) {
      name = `k_${createHash("sha1").update(query.sql).digest("base64url")}`;
      names.set(query.sql, name);
    }
    return name;
  };
}

const PING = "SELECT 1";

function createClient() {
  // `next build` loads route modules without a database; nothing connects until a query runs.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  const connectionString = process.env.DATABASE_URL ?? (building ? "postgresql://build-placeholder/none" : undefined);
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  // One pool for Prisma and for readRows. Prisma's $disconnect leaves it open (scripts and tests
  // that disconnect and query again find it as it was); idle connections close after 30 s and do
  // not keep a finished process alive.
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast when PostgreSQL is away, so requests get a 503 instead of hanging.
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5000),
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
  });
  // A pooled connection the server closes while idle (PostgreSQL stopped or restarted) is dropped
  // from the pool; the next query opens a new one. Without a listener the error would end the process.
  pool.on("error", (error) => noteDatabaseError(error));
  // What the proxy reads (lib/db-status.ts): a connection opened or a query answered means the
  // database is there; one lost or refused that it is not. Page loads meanwhile get 503 at once.
  pool.on("connect", markDatabaseUp);
  pool.on("release", (error?: Error) => (error ? noteDatabaseError(error) : markDatabaseUp()));
  registerDatabaseProbe(() => pool.query(PING));
  const namer = process.env.DATABASE_PREPARED_STATEMENTS === "false" ? undefined : statementNamer();
  const adapter = new PrismaPg(pool, namer ? {
    // The adapter's type wants a name for every statement; pg runs one without a name unprepared.
    statementNameGenerator: namer as (query: { sql: string }) => string,
  } : {});
  // Password hashes are never selected unless a query asks for them explicitly.
  const client = new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    // Under load a transaction may wait for a pooled connection; wait as long as a request may
    // (the pool's own connect timeout still answers 503 when the database is really away).
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
  return { client, pool, namer };
}

type Db = ReturnType<typeof createClient>;
type Client = Db["client"];
const globalForPrisma = globalThis as unknown as { keystoneDb?: Db };

const db: Db = globalForPrisma.keystoneDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.keystoneDb = db;

/** The one Prisma client, kept on globalThis so dev reloads and test files share it. */
export const prisma: Client = db.client;

// How readRows reads a column: as Prisma's $queryRaw does. node-postgres's defaults suit every
// type but these: a `timestamp` (the schema's DateTime: UTC, no zone) and a `date` it would read
// as local time, and a bigint it would leave as text.
const TIMESTAMP = 1114;
const DATE = 1082;
const INT8 = 20;
const TIMESTAMP_ARRAY = 1115;
const DATE_ARRAY = 1182;
const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const utcDay = (text: string) => new Date(`${text}T00:00:00Z`);
const notRead = (what: string) => () => {
  throw new Error(`readRows does not read ${what}: use prisma.$queryRaw for this statement`);
};
const rowTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return utcTimestamp;
    if (oid === DATE) return utcDay;
    if (oid === INT8) return BigInt;
    if (oid === TIMESTAMP_ARRAY || oid === DATE_ARRAY) return notRead("arrays of timestamps or dates");
    return pg.types.getTypeParser(oid, format);
  },
};

/** A parameter as Prisma's adapter sends it: a Date as UTC text without a zone, as the schema stores it. */
function sqlValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("T", " ").replace("Z", "");
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return v.map(sqlValue);
  return v;
}

/**
 * Runs a raw read and returns its rows as `prisma.$queryRaw` would: a timestamp as a Date, json
 * parsed, a bigint as a BigInt (a numeric stays text). Outside a transaction it runs with
 * node-postgres on Prisma's own pool and prepared statements: Prisma's raw-query path costs about
 * twice the driver's own CPU per row (2.0 against 0.9 ms for the review queue's two statements).
 * Given a transaction client (`tx`), it runs there, on the transaction's connection, and reads
 * what the transaction wrote.
 */
export async function readRows<T>(sql: PrismaNs.Sql, on: Client | Tx = db.client): Promise<T[]> {
  if (on !== db.client) return on.$queryRaw<T[]>(sql);
  const result = await db.pool.query({ text: sql.text, values: sql.values.map(sqlValue), name: db.namer?.({ sql: sql.text }), types: rowTypes });
  return result.rows as T[];
}

/** Whether PostgreSQL answers: one `SELECT 1` on the app's pool (what /api/health asks). */
export async function pingDatabase(): Promise<void> {
  await db.pool.query(PING);
}

/** A transaction client, as passed to `prisma.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];

/** A timestamp as json_build_object writes a `timestamp(3)` column (UTC, no zone), as a Date or as ISO text. */
export { jsonTimestamp, jsonTimestampIso } from "@/lib/json-timestamp";

/**
 * The day a `timestamp(3)` column (UTC, no zone) falls on where the app runs, as `localDay` reads
 * it in JavaScript: day counts against `localToday` then agree at any hour, in any `TZ`. (A bare
 * `::date` gives the UTC day, which is yesterday or tomorrow for part of the day away from UTC.)
 */
export function localDateSql(timestamp: PrismaNs.Sql): PrismaNs.Sql {
  return PrismaNs.sql`(${localTimestampSql(timestamp)})::date`;
}

/** A `timestamp(3)` column (UTC, no zone) as the wall time where the app runs (for its day or month). */
export function localTimestampSql(timestamp: PrismaNs.Sql): PrismaNs.Sql {
  return PrismaNs.sql`(${timestamp}) AT TIME ZONE 'UTC' AT TIME ZONE ${localTimeZone()}`;
}

/** A write refused by a unique index (Prisma's P2002): two requests creating the same thing. */
export function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: unknown })?.code === "P2002";
}
