// `npm run db:seed`: demo data for a new installation. Runs once: if the demo users exist,
// it does nothing (so restarting the app never seeds twice).
import { createPrisma, type ScriptPrisma } from "./client";
import { createAccount, createUser, rng } from "./factories";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_USERS, MENTORS, OWNERS, stageFor, stagePath } from "./seed/demo-data";
import type { TeamRole } from "../lib/generated/prisma/enums";

export type SeedUser = { id: string; email: string; name: string; role: string };
export type SeedContext = {
  prisma: ScriptPrisma;
  users: Record<string, SeedUser>;
  accounts: { id: string; name: string; ownerId: string; mentorId: string | null; teamUserIds: string[]; index: number }[];
  random: () => number;
};

/**
 * Feature seeds, run in this order after the base data. Each module exports `seed(ctx)`.
 * A feature adds its module here.
 */
const FEATURE_SEEDS: string[] = ["./seed/scoring.ts", "./seed/relationships.ts", "./seed/plans.ts", "./seed/reviews.ts"];

const SEED_MARKER = "system.demoSeeded";

export async function seedDemo(prisma: ScriptPrisma, log: (m: string) => void = console.log) {
  const seeded = await prisma.auditEvent.findFirst({ where: { action: SEED_MARKER }, select: { id: true } });
  if (seeded) {
    log("demo data already present: not seeding again");
    return false;
  }
  const partial = await prisma.user.findUnique({ where: { email: DEMO_USERS[0].email }, select: { id: true } });
  if (partial) {
    throw new Error("An earlier seed stopped half-way. Drop the database (or delete .embedded-pg/) and start again.");
  }
  const random = rng(20261128);
  const users: Record<string, SeedUser> = {};
  for (const u of DEMO_USERS) {
    users[u.key] = await createUser(prisma, { email: u.email, name: u.name, role: u.role, password: DEMO_PASSWORD, maxKeyAccounts: u.maxKeyAccounts ?? null, bcryptCost: 12 });
  }
  const teamPool = DEMO_USERS.filter((u) => u.role === "ACCOUNT_MANAGER").map((u) => u.key);
  const accounts: SeedContext["accounts"] = [];
  for (const [index, a] of DEMO_ACCOUNTS.entries()) {
    const owner = users[OWNERS[index % OWNERS.length]];
    const mentor = index % 7 === 6 ? null : users[MENTORS[index % MENTORS.length]];
    const teamKeys = teamPool.filter((k) => users[k].id !== owner.id).sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 3));
    const team = teamKeys.map((k, i) => ({ userId: users[k].id, role: (i === 0 && a.revenue > 10_000_000 ? "EXECUTIVE_SPONSOR" : "MEMBER") as TeamRole }));
    // Every demo account joined Keystone over two years ago, before its history begins (plan
    // versions, and the periodic reviews of them, from 14 months back): "In Keystone since" agrees.
    const joined = new Date(Date.now() - (800 + index * 3) * 86_400_000);
    const created = await createAccount(prisma, {
      createdAt: joined,
      name: a.name,
      industry: a.industry,
      region: a.region,
      stage: stageFor(index),
      annualRevenue: a.revenue,
      annualMargin: Math.round(a.revenue * (0.18 + random() * 0.17)),
      ownerId: owner.id,
      mentorId: mentor?.id ?? null,
      team,
    });
    await prisma.stageChange.createMany({ data: stagePath(index, joined).map((step) => ({ ...step, accountId: created.id, changedById: owner.id })) });
    accounts.push({ id: created.id, name: created.name, ownerId: owner.id, mentorId: mentor?.id ?? null, teamUserIds: [owner.id, ...team.map((t) => t.userId)], index });
  }
  log(`seeded ${DEMO_USERS.length} users and ${accounts.length} accounts`);
  const ctx: SeedContext = { prisma, users, accounts, random };
  for (const mod of FEATURE_SEEDS) {
    let seeder: { seed?: (c: SeedContext) => Promise<void> };
    try {
      seeder = await import(mod);
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_MODULE_NOT_FOUND" && String((e as Error).message).includes(mod.slice(2))) continue;
      throw e;
    }
    if (seeder.seed) {
      await seeder.seed(ctx);
      log(`seeded ${mod.replace("./seed/", "").replace(".ts", "")}`);
    }
  }
  // The team has used Keystone for two years: an account's details and a person's role were last
  // changed weeks or months ago, not while the demo loaded ("updated 1 minute ago" everywhere).
  // Set last, after the feature seeds have written scores, tiers and review dates to the accounts.
  // One statement each, the days ago per row passed as arrays.
  const accountIds = accounts.map((a) => a.id);
  const accountDays = accounts.map((_, index) => 20 + ((index * 37) % 170));
  await prisma.$executeRaw`UPDATE "Account" a SET "updatedAt" = now() - make_interval(days => v.days)
    FROM unnest(${accountIds}::text[], ${accountDays}::int[]) AS v(id, days) WHERE a.id = v.id`;
  const demoUsers = Object.values(users);
  const userIds = demoUsers.map((u) => u.id);
  const userDays = demoUsers.map((_, index) => 40 + ((index * 53) % 400));
  const joinedDays = demoUsers.map((_, index) => 900 + index);
  await prisma.$executeRaw`UPDATE "User" u SET "createdAt" = now() - make_interval(days => v.joined), "updatedAt" = now() - make_interval(days => v.days)
    FROM unnest(${userIds}::text[], ${joinedDays}::int[], ${userDays}::int[]) AS v(id, joined, days) WHERE u.id = v.id`;
  await prisma.auditEvent.create({ data: { action: SEED_MARKER, entityType: "System", entityId: "demo" } });
  return true;
}

// Run directly: `tsx prisma/seed.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const prisma = createPrisma();
  seedDemo(prisma)
    .then(() => prisma.$disconnect())
    .catch(async (e) => {
      console.error(e);
      await prisma.$disconnect();
      process.exit(1);
    });
}
