import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export { Prisma } from "@/lib/generated/prisma/client";

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

/** A timestamp as json_build_object writes a `timestamp(3)` column (UTC, no zone), as a Date. */
export const jsonTimestamp = (s: string) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
