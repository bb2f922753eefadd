// A Prisma client for scripts and tests (outside Next, where lib/db.ts's "server-only" guard applies).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";

export function createPrisma(connectionString = process.env.DATABASE_URL) {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 5 }) });
}
export type ScriptPrisma = ReturnType<typeof createPrisma>;
