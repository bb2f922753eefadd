// Factories for demo data and tests: each call makes what it needs with unique names, so tests
// can run in parallel on one database without resetting it.
import bcrypt from "bcryptjs";
import type { PrismaClient } from "../lib/generated/prisma/client";
import type { Role, Stage, TeamRole } from "../lib/generated/prisma/enums";

type Db = Pick<PrismaClient, "user" | "account" | "accountTeamMember">;

let counter = 0;
/** A short unique suffix: unique across parallel test files and runs. */
export const unique = (prefix = "") => `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Deterministic pseudo-random numbers (mulberry32), so demo data is the same on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hashCache = new Map<string, string>();
async function hashFor(password: string, cost: number) {
  const key = `${cost}:${password}`;
  if (!hashCache.has(key)) hashCache.set(key, await bcrypt.hash(password, cost));
  return hashCache.get(key)!;
}

export type UserInput = { email?: string; name?: string; role?: Role; password?: string; active?: boolean; maxKeyAccounts?: number | null; bcryptCost?: number };

export async function createUser(db: Db, input: UserInput = {}) {
  const id = unique();
  return db.user.create({
    data: {
      email: (input.email ?? `user-${id}@test.keystone`).toLowerCase(),
      name: input.name ?? `Test User ${id}`,
      role: input.role ?? "ACCOUNT_MANAGER",
      active: input.active ?? true,
      maxKeyAccounts: input.maxKeyAccounts ?? null,
      // Tests use a low cost for speed; demo users get the production cost.
      passwordHash: await hashFor(input.password ?? "correct-horse-battery", input.bcryptCost ?? 4),
    },
    select: { id: true, email: true, name: true, role: true },
  });
}

export type AccountInput = {
  name?: string;
  industry?: string;
  region?: string;
  stage?: Stage;
  annualRevenue?: number;
  annualMargin?: number;
  ownerId: string;
  mentorId?: string | null;
  team?: { userId: string; role: TeamRole }[];
  archived?: boolean;
  /** When the account joined Keystone (default: now). */
  createdAt?: Date;
};

export async function createAccount(db: Db, input: AccountInput) {
  const team = [{ userId: input.ownerId, role: "LEAD" as TeamRole }, ...(input.team ?? []).filter((t) => t.userId !== input.ownerId)];
  return db.account.create({
    data: {
      name: input.name ?? `Account ${unique()}`,
      industry: input.industry ?? "Manufacturing",
      region: input.region ?? "Europe",
      stage: input.stage ?? "PRE_SALES",
      annualRevenue: input.annualRevenue ?? 1_000_000,
      annualMargin: input.annualMargin ?? 250_000,
      ownerId: input.ownerId,
      mentorId: input.mentorId ?? null,
      archivedAt: input.archived ? new Date() : null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      team: { create: team },
    },
    select: { id: true, name: true, ownerId: true, mentorId: true, version: true },
  });
}
