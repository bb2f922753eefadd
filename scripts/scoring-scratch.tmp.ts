import { createTestDatabase, dropTestDatabase } from "../tests/support/test-db";
import { createPrisma } from "../prisma/client";
import { createAccount, createUser } from "../prisma/factories";
import { loadScoringAccounts, retierAccounts } from "../lib/scoring/bulk";
const db = await createTestDatabase("keystone_scratch");
const prisma = createPrisma(db.url);
try {
  const u = await createUser(prisma, {});
  const a = await createAccount(prisma, { ownerId: u.id });
  const b = await createAccount(prisma, { ownerId: u.id });
  const c1 = await prisma.scoringCriterion.create({ data: { name: "x", weight: 1, scaleLabels: ["a","b","c","d","e"] } });
  const t1 = await prisma.tier.create({ data: { name: "Gold", rank: 1, minScore: 50 } });
  const t2 = await prisma.tier.create({ data: { name: "None", rank: 2, minScore: 0, isKey: false } });
  await prisma.criterionScore.create({ data: { accountId: a.id, criterionId: c1.id, value: 4 } });
  const accs = await loadScoringAccounts(prisma);
  console.log(JSON.stringify(accs));
  const r = await retierAccounts(prisma, { accounts: accs, criteria: [{ id: c1.id, weight: 1, active: true }], tiers: [t1, t2], modelVersion: 1, snapshotCause: "model" });
  console.log(r, await prisma.account.findMany({ select: { score: true, computedTierId: true, scoredCriteria: true } }), await prisma.scoreSnapshot.findMany());
} finally { await prisma.$disconnect(); await dropTestDatabase(db.name); }
