import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma as PrismaNs, PrismaClient } from "@/lib/generated/prisma/client";
import { localTimeZone } from "@/lib/days";

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

function createClient() {
  // `next build` loads route modules without a database; nothing connects until a query runs.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  const connectionString = process.env.DATABASE_URL ?? (building ? "postgresql://build-placeholder/none" : undefined);
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast when PostgreSQL is away, so requests get a 503 instead of hanging.
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5000),
    idleTimeoutMillis: 30_000,
  }, process.env.DATABASE_PREPARED_STATEMENTS === "false" ? {} : {
    // The adapter's type wants a name for every statement; pg runs one without a name unprepared.
    statementNameGenerator: statementNamer() as (query: { sql: string }) => string,
  });
  // Password hashes are never selected unless a query asks for them explicitly.
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    // Under load a transaction may wait for a pooled connection; wait as long as a request may
    // (the pool's own connect timeout still answers 503 when the database is really away).
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}

type Client = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { keystonePrisma?: Client };

/** The one Prisma client, kept on globalThis so dev reloads and test files share it. */
export const prisma: Client = globalForPrisma.keystonePrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.keystonePrisma = prisma;

/** A transaction client, as passed to `prisma.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];

/** A timestamp as json_build_object writes a `timestamp(3)` column (UTC, no zone), as a Date; null stays null. */
export function jsonTimestamp(s: string): Date;
export function jsonTimestamp(s: string | null): Date | null;
export function jsonTimestamp(s: string | null): Date | null {
  if (s === null) return null;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
}

/**
 * The day a `timestamp(3)` column (UTC, no zone) falls on where the app runs, as `localDay` reads
 * it in JavaScript: day counts against `localToday` then agree at any hour, in any `TZ`. (A bare
 * `::date` gives the UTC day, which is yesterday or tomorrow for part of the day away from UTC.)
 */
export function localDateSql(timestamp: PrismaNs.Sql): PrismaNs.Sql {
  return PrismaNs.sql`((${timestamp}) AT TIME ZONE 'UTC' AT TIME ZONE ${localTimeZone()})::date`;
}

/** A write refused by a unique index (Prisma's P2002): two requests creating the same thing. */
export function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: unknown })?.code === "P2002";
}
