import { createTestDatabase, dropTestDatabase } from "../tests/support/test-db";
import { createPrisma } from "../prisma/client";
import { seedDemo } from "../prisma/seed";
const db = await createTestDatabase("keystone_scratch");
const prisma = createPrisma(db.url);
try {
  const t0 = Date.now();
  await seedDemo(prisma, console.log);
  console.log("seed ms", Date.now() - t0);
  const tiers = await prisma.tier.findMany({ orderBy: { rank: "asc" } });
  const accs = await prisma.account.findMany({ select: { name: true, score: true, scoredCriteria: true, computedTierId: true, overrideTierId: true, ownerId: true, owner: { select: { name: true, maxKeyAccounts: true } } }, orderBy: { score: "desc" } });
  for (const t of tiers) console.log(t.name, t.capacity, accs.filter(a => (a.overrideTierId ?? a.computedTierId) === t.id).length);
  const key = new Set(tiers.filter(t => t.isKey).map(t => t.id));
  const per: Record<string, number> = {};
  for (const a of accs) if (key.has(a.overrideTierId ?? a.computedTierId ?? "")) per[a.owner.name + " /" + a.owner.maxKeyAccounts] = (per[a.owner.name + " /" + a.owner.maxKeyAccounts] ?? 0) + 1;
  console.log(per);
  console.log(accs.slice(0, 5).map(a => [a.name, a.score, a.scoredCriteria]), accs.filter(a => a.scoredCriteria < 8).map(a => [a.name, a.score, a.scoredCriteria]));
  console.log(await prisma.scoreSnapshot.count(), await prisma.scoreSnapshot.groupBy({ by: ["cause"], _count: true }));
} finally { await prisma.$disconnect(); await dropTestDatabase(db.name); }
