import type { Metadata } from "next";
import Link from "next/link";
import { LayoutDashboard } from "lucide-react";
import { requirePageUser } from "@/lib/auth/session";
import { filtersFromSearchParams } from "@/lib/dashboard/schema";
import { getDashboard, getDashboardOptions } from "@/lib/dashboard/service";
import { Ago } from "@/components/ui/ago";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { DashboardView } from "@/components/dashboard/dashboard-view";

export const metadata: Metadata = { title: "Dashboard" };

const SCOPE_TEXT = {
  all: "The whole key account portfolio",
  own: "The accounts you own or are on the team of",
  mentored: "The accounts you mentor",
} as const;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const filters = filtersFromSearchParams(await searchParams);
  const [data, options] = await Promise.all([getDashboard({ user, filters }), getDashboardOptions({ user })]);
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader
        title="Portfolio dashboard"
        description={`${SCOPE_TEXT[data.scope]}: which accounts are key and why, whether each tier gets the service it was promised, which plans and reviews are slipping, and whether it pays off. Every number opens the accounts behind it.`}
        actions={<span className="text-xs text-slate-600">Figures as of <Ago at={data.generatedAt} /></span>}
      />
      <DashboardFilters options={options}>
        {data.totals.accounts === 0 ? (
          <EmptyState
            icon={<LayoutDashboard className="h-8 w-8" />}
            title={filtered ? "No accounts match these filters" : "No accounts to show yet"}
            action={filtered ? <Link href="/dashboard" className={buttonClass("secondary")}>Clear filters</Link> : undefined}
          >
            {filtered
              ? "Try another region, industry, manager or tier."
              : data.scope === "mentored"
                ? "The dashboard fills in once you mentor an account."
                : "The dashboard fills in once there are accounts you may see."}
          </EmptyState>
        ) : (
          <DashboardView data={JSON.parse(JSON.stringify(data))} />
        )}
      </DashboardFilters>
    </>
  );
}
