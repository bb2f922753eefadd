// Demo selection data: the default model (8 criteria, Gold/Silver/Bronze/"Not a key account"),
// scores with rationale for nearly every demo account (a few left unscored or half-scored, as in
// real life), a year of score/tier history including a model change, two overrides, and enough
// Gold accounts to show a tier over capacity. Deterministic (ctx.random).
import type { SeedContext } from "../seed";
import { DEFAULT_CRITERIA, DEFAULT_TIERS } from "../../lib/scoring/defaults";
import { loadScoringAccounts, retierAccounts } from "../../lib/scoring/bulk";
import { roundScore, scoreAccount, tierFor } from "../../lib/scoring/model";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/** Target bands by position in the demo portfolio: Gold is deliberately one over its capacity of 8. */
const BANDS = [
  { upTo: 9, min: 76, max: 92 },
  { upTo: 19, min: 61, max: 73 },
  { upTo: 29, min: 46, max: 58 },
  { upTo: Infinity, min: 18, max: 42 },
];

/** Rationale per criterion (same order as DEFAULT_CRITERIA) for low (1–2), middle (3) and high (4–5) scores. */
const RATIONALE: [string, string, string][] = [
  ["Small spend with us so far", "Mid-sized spend, stable over three years", "One of our largest customers by revenue"],
  ["Volumes flat at best; their market is shrinking", "Steady volumes; some upside in service contracts", "Expanding sites and asking about two new product lines"],
  ["Price pressure has pushed margin below our average", "Margin about our average after service costs", "Premium mix and low cost to serve: well above average margin"],
  ["Their direction moves away from our core offering", "Fits part of our portfolio", "Their roadmap matches our strategy for the next five years"],
  ["We only know the buyer; no access to decision makers", "Good operational contacts, thin at the top", "Trusted by the COO and the CFO; regular executive meetings"],
  ["Buys on price through tenders", "Open to joint planning on selected projects", "Proposed a joint innovation programme themselves"],
  ["Little visibility outside their region", "Respected in their industry", "An industry leader: a reference here opens doors"],
  ["Slow approvals and late payment", "Average processes", "Clear processes, pays on time, fair negotiators"],
];

function revenueValue(revenue: number): number {
  return revenue < 250_000 ? 1 : revenue < 1_000_000 ? 2 : revenue < 5_000_000 ? 3 : revenue < 15_000_000 ? 4 : 5;
}

export async function seed(ctx: SeedContext) {
  const { prisma, accounts, random, users } = ctx;
  await prisma.selectionModel.create({ data: { id: "current", version: 2, namingScheme: "gold-silver-bronze", updatedById: users.senior.id } });
  await prisma.scoringCriterion.createMany({ data: DEFAULT_CRITERIA });
  await prisma.tier.createMany({ data: DEFAULT_TIERS });
  const criteria = await prisma.scoringCriterion.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, weight: true, active: true } });
  const tiers = await prisma.tier.findMany({ orderBy: { rank: "asc" }, select: { id: true, name: true, rank: true, minScore: true, isKey: true } });
  const revenue = new Map(
    (await prisma.account.findMany({ where: { id: { in: accounts.map((a) => a.id) } }, select: { id: true, annualRevenue: true } })).map((a) => [a.id, Number(a.annualRevenue)]),
  );

  // Rank the portfolio by revenue plus a good dose of everything else, so the tiers are not just sales.
  const order = [...accounts].map((a) => ({ a, key: Math.log10(1 + (revenue.get(a.id) ?? 0)) + random() * 1.5 })).sort((x, y) => y.key - x.key);
  const unscored = new Set(order.slice(-3).map((o) => o.a.id));
  const partial = order[order.length - 4]?.a.id;

  const scoreRows: { accountId: string; criterionId: string; value: number; rationale: string; updatedById: string; createdAt: Date; updatedAt: Date }[] = [];
  const snapshots: { accountId: string; score: number | null; tierId: string | null; tierName: string | null; cause: string; modelVersion: number; createdAt: Date }[] = [];

  for (const [position, { a }] of order.entries()) {
    if (unscored.has(a.id)) continue;
    const band = BANDS.find((b) => position < b.upTo)!;
    const target = band.min + random() * (band.max - band.min);
    const base = 1 + target / 25;
    const values = criteria.map((_, i) => (i === 0 ? revenueValue(revenue.get(a.id) ?? 0) : Math.max(1, Math.min(5, Math.round(base + (random() - 0.5) * 2.2)))));
    // Compensatory on purpose: one high-flyer is a poor payer, yet still Gold.
    if (position === 2) values[7] = 1;
    const score = () => scoreAccount(criteria, values.map((value, i) => ({ criterionId: criteria[i].id, value }))).score ?? 0;
    for (let guard = 0; guard < 60; guard++) {
      const s = score();
      if (s >= band.min && s <= band.max) break;
      const i = 1 + Math.floor(random() * (criteria.length - 1));
      if (position === 2 && i === 7) continue;
      if (s < band.min && values[i] < 5) values[i] += 1;
      if (s > band.max && values[i] > 1) values[i] -= 1;
    }
    const scoredCount = a.id === partial ? 5 : criteria.length;
    for (let i = 0; i < scoredCount; i++) {
      const v = values[i];
      const at = daysAgo(3 + Math.floor(random() * 110));
      scoreRows.push({
        accountId: a.id,
        criterionId: criteria[i].id,
        value: v,
        rationale: random() < 0.12 ? "" : RATIONALE[i][v <= 2 ? 0 : v === 3 ? 1 : 2],
        updatedById: a.ownerId,
        createdAt: at,
        updatedAt: at,
      });
    }

    // A year of history: first scoring, the model change half a year ago, a later re-score.
    let s = score();
    const points: [number, string, number][] = [
      [75, "score", 2],
      [170, "model", 2],
      [300, "score", 1],
    ];
    for (const [days, cause, modelVersion] of points) {
      s = roundScore(Math.max(0, Math.min(100, s + (random() - 0.55) * 16)));
      const tier = tierFor(s, tiers);
      snapshots.push({ accountId: a.id, score: s, tierId: tier?.id ?? null, tierName: tier?.name ?? null, cause, modelVersion, createdAt: daysAgo(days + Math.floor(random() * 10)) });
    }
  }
  await prisma.criterionScore.createMany({ data: scoreRows });
  await prisma.scoreSnapshot.createMany({ data: snapshots });

  // Today's scores and tiers, computed by the same one-pass code a model save uses.
  await retierAccounts(prisma, { accounts: await loadScoringAccounts(prisma), criteria, tiers, modelVersion: 2 });

  // Two overrides: a strategic bet moved up, and a customer who does not want to be a key account.
  const byTier = async (name: string) => {
    const tier = tiers.find((t) => t.name === name)!;
    return prisma.account.findFirst({ where: { computedTierId: tier.id, id: { in: accounts.map((x) => x.id) } }, orderBy: { score: "desc" }, select: { id: true, score: true } });
  };
  const overrides = [
    { account: await byTier("Silver"), to: "Gold", reason: "Launch partner for our 2027 platform; their CEO sponsors the joint programme." },
    { account: await byTier("Bronze"), to: "Not a key account", reason: "The customer asked for a lighter, transactional relationship; revisit after their merger." },
  ];
  for (const o of overrides) {
    if (!o.account) continue;
    const tier = tiers.find((t) => t.name === o.to)!;
    const at = daysAgo(20);
    await prisma.account.update({ where: { id: o.account.id }, data: { overrideTierId: tier.id, overrideReason: o.reason, overrideById: users.senior.id, overrideAt: at } });
    await prisma.scoreSnapshot.create({ data: { accountId: o.account.id, score: o.account.score, tierId: tier.id, tierName: tier.name, cause: "override", modelVersion: 2, createdAt: at } });
    await prisma.auditEvent.create({
      data: { actorId: users.senior.id, action: "tier.override", entityType: "Account", entityId: o.account.id, accountId: o.account.id, after: { overrideTierId: tier.id, overrideTierName: tier.name, overrideReason: o.reason }, createdAt: at },
    });
  }
  // Today's point of every account's history (served tier: the override wins).
  await retierAccounts(prisma, { accounts: await loadScoringAccounts(prisma), criteria, tiers, modelVersion: 2, snapshotCause: "score" });
}
