import type { Metadata } from "next";
import Link from "next/link";
import { Download, Trophy, X } from "lucide-react";
import { z } from "zod";
import { requirePageUser } from "@/lib/auth/session";
import { getRanking } from "@/lib/scoring/ranking-service";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { CapacityCards, ManagersOverLimit, RankingTable } from "@/components/scoring/ranking-view";
import { cn } from "@/lib/cn";

export const metadata: Metadata = { title: "Ranking" };

const ZQuery = z.object({
  tierId: z.string().max(64).optional().catch(undefined),
  ownerId: z.string().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export default async function RankingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = ZQuery.parse(raw);
  const ranking = await getRanking({ user, query: { ...query, pageSize: 100 } });
  const json = JSON.parse(JSON.stringify(ranking)) as typeof ranking;
  const href = (tierId?: string) => (tierId ? `/ranking?tierId=${tierId}` : "/ranking");

  return (
    <>
      <PageHeader
        title="Ranking"
        description="Accounts by tier and score. Flags show where we promise more service than a tier can carry, and managers holding more key accounts than their limit."
        actions={
          <a href="/ranking/export" className={buttonClass("secondary")} download>
            <Download aria-hidden className="h-4 w-4" /> Export CSV
          </a>
        }
      />
      <CapacityCards tiers={json.tiers} activeTierId={query.tierId} />
      <ManagersOverLimit managers={json.managersOverLimit} />
      <nav aria-label="Filter by tier" className="mb-3 flex flex-wrap gap-1.5 text-sm">
        <Link href={href()} aria-current={!query.tierId ? "page" : undefined} className={cn("rounded-full px-3 py-1", !query.tierId ? "bg-slate-900 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50")}>
          All tiers
        </Link>
        {json.tiers.map((t) => (
          <Link
            key={t.id}
            href={href(t.id)}
            aria-current={query.tierId === t.id ? "page" : undefined}
            className={cn("rounded-full px-3 py-1", query.tierId === t.id ? "bg-slate-900 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50")}
          >
            {t.name}
          </Link>
        ))}
        {query.ownerId && (
          <Link href={href(query.tierId)} className="ml-2 inline-flex items-center gap-1 rounded-full bg-amber-50 px-3 py-1 text-amber-900 ring-1 ring-amber-200 hover:bg-amber-100">
            Manager: {json.rows[0]?.owner.name ?? "selected"} <X aria-label="clear the manager filter" className="h-3.5 w-3.5" />
          </Link>
        )}
      </nav>
      {json.rows.length === 0 ? (
        <EmptyState icon={<Trophy className="h-8 w-8" />} title={query.tierId || query.ownerId ? "No accounts in this selection" : "No accounts to rank yet"}>
          {query.tierId || query.ownerId ? "Try another tier." : "Accounts you may see appear here once they exist; score them on their scorecard."}
        </EmptyState>
      ) : (
        <>
          <RankingTable rows={json.rows} tiers={json.tiers} totalCriteria={json.totalCriteria} />
          <Pagination page={json.page} pageSize={json.pageSize} total={json.total} />
        </>
      )}
    </>
  );
}
