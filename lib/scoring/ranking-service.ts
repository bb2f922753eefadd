import "server-only";
// The portfolio ranking: accounts by served tier and score, with each tier's capacity use and
// the managers who hold more key accounts than their limit. Rows are scoped to what the caller
// may see; the capacity counts are portfolio-wide (a tier's capacity is a company-wide promise).
import { prisma, Prisma, readRows } from "@/lib/db";
import { visibleAccountsWhere } from "@/lib/accounts/access";
import type { SessionUser } from "@/lib/auth/session";
import { capacityUse, managersOverLimit, type TTierLike } from "./model";
import { readSelectionModel } from "./service";

/**
 * Capacity use per tier and the (active) managers over their key-account limit, over the whole
 * portfolio (not archived): the ranking and a senior manager's home page. The accounts are counted
 * by served tier and owner in SQL, a few hundred rows at most, where reading every account took
 * 10,000 rows on the bench data.
 */
export async function portfolioLoad<T extends TTierLike & { capacity: number | null }>(tiers: readonly T[]) {
  const [rows, managers] = await Promise.all([
    readRows<{ tierId: string | null; ownerId: string; n: number }>(Prisma.sql`
      SELECT COALESCE("overrideTierId", "computedTierId") AS "tierId", "ownerId", count(*)::int AS n
      FROM "Account" WHERE "archivedAt" IS NULL GROUP BY 1, 2`),
    prisma.user.findMany({ where: { maxKeyAccounts: { not: null }, active: true }, select: { id: true, name: true, maxKeyAccounts: true } }),
  ]);
  // One entry per account, as the model's counters take them.
  function* each<V>(pick: (r: (typeof rows)[number]) => V | undefined) {
    for (const r of rows) {
      const v = pick(r);
      if (v !== undefined) for (let i = 0; i < r.n; i++) yield v;
    }
  }
  const keyTiers = new Set(tiers.filter((t) => t.isKey).map((t) => t.id));
  return {
    capacity: capacityUse(tiers, each((r) => r.tierId)),
    overLimit: managersOverLimit(managers, each((r) => (keyTiers.has(r.tierId ?? "") ? r.ownerId : undefined))),
  };
}

export type TRankingQuery = { tierId?: string; ownerId?: string; page: number; pageSize: number };

export async function getRanking(opts: { user: SessionUser; query?: Partial<TRankingQuery> }) {
  const { user } = opts;
  const query: TRankingQuery = { page: 1, pageSize: 100, ...opts.query };
  const model = await readSelectionModel();
  const [rows, { capacity, overLimit }] = await Promise.all([
    prisma.account.findMany({
      where: { AND: [visibleAccountsWhere(user), { archivedAt: null }] },
      select: {
        id: true,
        name: true,
        industry: true,
        region: true,
        score: true,
        scoredCriteria: true,
        computedTierId: true,
        overrideTierId: true,
        overrideReason: true,
        owner: { select: { id: true, name: true } },
      },
    }),
    portfolioLoad(model.tiers),
  ]);

  const tiers = model.tiers;
  const tierById = new Map(tiers.map((t) => [t.id, t]));
  const served = (a: { computedTierId: string | null; overrideTierId: string | null }) => a.overrideTierId ?? a.computedTierId;
  const visibleOwners = new Set(rows.map((r) => r.owner.id));

  const rankOf = (id: string | null) => tierById.get(id ?? "")?.rank ?? Number.MAX_SAFE_INTEGER;
  const ranked = rows
    .map((r) => ({ ...r, tierId: served(r) }))
    .sort((a, b) => rankOf(a.tierId) - rankOf(b.tierId) || (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name))
    .map((r, i) => ({ ...r, position: i + 1 }));
  const filtered = ranked.filter((r) => (!query.tierId || r.tierId === query.tierId) && (!query.ownerId || r.owner.id === query.ownerId));
  const start = (query.page - 1) * query.pageSize;

  return {
    modelVersion: model.version,
    tiers: capacity.map((c) => ({ ...c.tier, count: c.count, over: c.over })),
    managersOverLimit: overLimit
      .filter((m) => user.role === "SENIOR_MANAGER" || user.role === "ADMIN" || visibleOwners.has(m.manager.id))
      .map((m) => ({ id: m.manager.id, name: m.manager.name, limit: m.manager.maxKeyAccounts, count: m.count, over: m.over })),
    total: filtered.length,
    page: query.page,
    pageSize: query.pageSize,
    rows: filtered.slice(start, start + query.pageSize).map((r) => ({
      position: r.position,
      id: r.id,
      name: r.name,
      industry: r.industry,
      region: r.region,
      score: r.score,
      scoredCriteria: r.scoredCriteria,
      owner: r.owner,
      tier: r.tierId ? (tierById.get(r.tierId) ?? null) : null,
      computedTier: r.computedTierId ? (tierById.get(r.computedTierId) ?? null) : null,
      overridden: Boolean(r.overrideTierId),
      overrideReason: r.overrideReason,
      ownerOverLimit: overLimit.some((m) => m.manager.id === r.owner.id),
    })),
    totalCriteria: model.criteria.filter((c) => c.active && c.weight > 0).length,
  };
}

const csvCell = (v: unknown) => {
  let s = v === null || v === undefined ? "" : String(v);
  // Spreadsheet formula injection: a cell starting with = + - @ is read as a formula.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The whole ranking (every visible account) as CSV, in the order the page shows it. */
export async function rankingCsv(opts: { user: SessionUser }): Promise<string> {
  const ranking = await getRanking({ user: opts.user, query: { page: 1, pageSize: 1_000_000 } });
  const header = ["Position", "Account", "Industry", "Region", "Score", "Criteria scored", "Tier", "Overridden", "Override reason", "Score says", "Tier over capacity", "Manager", "Manager over limit"];
  const overCapacity = new Set(ranking.tiers.filter((t) => t.over > 0).map((t) => t.id));
  const lines = ranking.rows.map((r) =>
    [
      r.position,
      r.name,
      r.industry,
      r.region,
      r.score === null ? "" : r.score.toFixed(1),
      `${r.scoredCriteria} of ${ranking.totalCriteria}`,
      r.tier?.name ?? "",
      r.overridden ? "yes" : "no",
      r.overrideReason ?? "",
      r.computedTier?.name ?? "",
      r.tier && overCapacity.has(r.tier.id) ? "yes" : "no",
      r.owner.name,
      r.ownerOverLimit ? "yes" : "no",
    ]
      .map(csvCell)
      .join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
