import type { Metadata } from "next";
import Link from "next/link";
import { Building2, Plus } from "lucide-react";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { ZAccountListQuery } from "@/lib/accounts/schema";
import { accountFacets, listAccounts, listPeople } from "@/lib/accounts/service";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { AccountFilters } from "@/components/accounts/account-filters";
import { AccountTable } from "@/components/accounts/account-table";
import { Pagination } from "@/components/ui/pagination";
import { prisma } from "@/lib/db";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ZAccountListQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : ZAccountListQuery.parse({});
  const [result, people, facets, tiers] = await Promise.all([
    listAccounts({ user, query }),
    listPeople(),
    accountFacets(user),
    prisma.tier.findMany({ select: { id: true, name: true, minScore: true, isKey: true }, orderBy: { rank: "asc" } }),
  ]);
  const managers = people.filter((p) => p.role !== "MENTOR");
  const filtered = Boolean(query.q || query.stage || query.ownerId || query.tierId || query.score !== undefined || query.industry || query.region || query.archived !== "exclude");

  return (
    <>
      <PageHeader
        title="Accounts"
        description="Every customer you may see, with its stage, team and this year's revenue."
        actions={
          can(user, "account:create") && (
            <Link href="/accounts/new" className={buttonClass("primary")}>
              <Plus aria-hidden className="h-4 w-4" /> New account
            </Link>
          )
        }
      />
      <AccountFilters managers={managers} tiers={tiers} industries={facets.industries} regions={facets.regions} />
      {result.items.length === 0 ? (
        <EmptyState
          icon={<Building2 className="h-8 w-8" />}
          title={filtered ? "No accounts match these filters" : "No accounts yet"}
          action={
            filtered ? (
              <Link href="/accounts" className={buttonClass("secondary")}>Clear filters</Link>
            ) : can(user, "account:create") ? (
              <Link href="/accounts/new" className={buttonClass("primary")}>Create the first account</Link>
            ) : undefined
          }
        >
          {filtered ? "Try another search or remove a filter." : "Accounts you own, are on the team of, or mentor appear here."}
        </EmptyState>
      ) : (
        <>
          <AccountTable items={JSON.parse(JSON.stringify(result.items))} sort={query.sort} dir={query.dir} />
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} />
        </>
      )}
    </>
  );
}
