import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft, Download, ListX } from "lucide-react";
import { requirePageUser } from "@/lib/auth/session";
import { ZDrillQuery, filtersFromSearchParams, filtersToParams } from "@/lib/dashboard/schema";
import { listDashboardAccounts } from "@/lib/dashboard/drill";
import { getDashboardOptions } from "@/lib/dashboard/service";
import { formatMoney, formatScore } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { StageBadge } from "@/components/accounts/stage-badge";
import { PHONE_COLUMN, PHONE_ONLY } from "@/components/ui/fold";
import { cn } from "@/lib/cn";

export const metadata: Metadata = { title: "Dashboard: accounts" };

export default async function DashboardAccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const raw = await searchParams;
  const filters = filtersFromSearchParams(raw);
  const back = `/dashboard${filtersToParams(filters).size ? `?${filtersToParams(filters)}` : ""}`;
  const backLink = (
    <Link href={back} className="inline-flex items-center gap-1 hover:text-brand-700 hover:underline">
      <ArrowLeft aria-hidden className="h-4 w-4" /> Dashboard
    </Link>
  );
  const parsed = ZDrillQuery.safeParse({ ...filters, metric: raw.metric, page: raw.page, pageSize: raw.pageSize });
  if (!parsed.success) {
    return (
      <>
        <PageHeader eyebrow={backLink} title="Accounts behind a figure" />
        <EmptyState icon={<ListX className="h-8 w-8" />} title="This figure is not one the dashboard knows" action={<Link href={back} className={buttonClass("secondary")}>Back to the dashboard</Link>}>
          The link may be mistyped or from an older version of Keystone.
        </EmptyState>
      </>
    );
  }
  const [list, options] = await Promise.all([listDashboardAccounts({ user, query: parsed.data }), getDashboardOptions({ user })]);
  const csvHref = `/api/dashboard/accounts?${filtersToParams(filters, { metric: parsed.data.metric, format: "csv" })}`;
  // Figures such as "all accounts" have nothing to add per account: no empty column then.
  const showDetail = list.items.some((a) => a.detail);
  const filterText = [
    filters.region,
    filters.industry,
    filters.ownerId ? options.managers.find((m) => m.id === filters.ownerId)?.name ?? "one manager" : undefined,
    filters.tierId ? (filters.tierId === "none" ? "no tier yet" : options.tiers.find((t) => t.id === filters.tierId)?.name ?? "one tier") : undefined,
  ].filter(Boolean);
  return (
    <>
      <PageHeader
        eyebrow={backLink}
        title={list.title}
        description={
          <>
            <span data-testid="drill-total">{list.total}</span> account{list.total === 1 ? "" : "s"}
            {filterText.length ? ` · filtered by ${filterText.join(", ")}` : ""}
          </>
        }
        actions={
          list.total > 0 && (
            <a href={csvHref} download className={buttonClass("secondary")}>
              <Download aria-hidden className="h-4 w-4" /> Download CSV
            </a>
          )
        }
      />
      {list.items.length === 0 ? (
        <EmptyState icon={<ListX className="h-8 w-8" />} title="No accounts behind this figure" action={<Link href={back} className={buttonClass("secondary")}>Back to the dashboard</Link>}>
          {list.total > 0 ? "This page is past the end of the list." : "Nothing in your view counts toward it right now."}
        </EmptyState>
      ) : (
        <>
          <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="drill-table">
              <caption className="sr-only">{list.title}</caption>
              <thead className="bg-slate-50">
                <tr>
                  {/* Tier and stage share a column (the stage under the tier), so the list fits a laptop screen.
                      On a phone every column but the account folds under its name. */}
                  {["Account", ...(showDetail ? ["Why it counts"] : []), "Key account manager", "Tier · stage", "Score", "Revenue"].map((h) => (
                    <th key={h} scope="col" className={cn("px-3 py-3 text-xs font-semibold uppercase tracking-wide text-slate-500", ["Score", "Revenue", "Margin"].includes(h) ? "text-right" : "text-left", h !== "Account" && PHONE_COLUMN)}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.items.map((a) => (
                  <tr key={a.id} className="hover:bg-slate-50">
                    <th scope="row" className="px-3 py-3 text-left font-medium sm:whitespace-nowrap">
                      <Link href={`/accounts/${a.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
                        {a.name}
                      </Link>
                      <div className="text-xs font-normal text-slate-500" data-testid="drill-region">{a.region} · {a.industry}</div>
                      <div className={cn("mt-1 space-y-1 text-xs font-normal text-slate-700", PHONE_ONLY)} data-testid="drill-phone-facts">
                        {showDetail && a.detail && <p className="text-sm">{a.detail}</p>}
                        <p className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
                          <span>{a.ownerName}</span>
                          {a.tierName ? <Badge tone="slate">{a.tierName}{a.overridden ? "*" : ""}</Badge> : <span className="text-slate-500">Not scored</span>}
                          <StageBadge stage={a.stage} />
                          <span className="tabular-nums">score {formatScore(a.score)}</span>
                          <span className="tabular-nums">{formatMoney(a.revenue)}</span>
                        </p>
                      </div>
                    </th>
                    {showDetail && <td className={cn("min-w-56 px-3 py-3 text-slate-700", PHONE_COLUMN)}>{a.detail ?? <span className="text-slate-500">—</span>}</td>}
                    <td className={cn("whitespace-nowrap px-3 py-3 text-slate-700", PHONE_COLUMN)}>{a.ownerName}</td>
                    <td className={cn("space-y-1 whitespace-nowrap px-3 py-3", PHONE_COLUMN)}>
                      {a.tierName ? (
                        <Badge tone="slate" title={a.overridden ? "Tier set by a senior manager's override" : undefined}>
                          {a.tierName}
                          {a.overridden && <span aria-label="overridden">*</span>}
                        </Badge>
                      ) : (
                        <span className="text-xs text-slate-500">Not scored</span>
                      )}
                      <div>
                        <StageBadge stage={a.stage} />
                      </div>
                    </td>
                    <td className={cn("whitespace-nowrap px-3 py-3 text-right tabular-nums", PHONE_COLUMN)}>{formatScore(a.score)}</td>
                    <td className={cn("whitespace-nowrap px-3 py-3 text-right tabular-nums", PHONE_COLUMN)}>{formatMoney(a.revenue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} />
        </>
      )}
    </>
  );
}
