import Link from "next/link";
import type { Metadata } from "next";
import { getPageUser, requirePageUser } from "@/lib/auth/session";
import { getPageAccount } from "@/lib/accounts/service";
import { AccountTabs } from "@/components/accounts/account-tabs";
import { StageBadge } from "@/components/accounts/stage-badge";
import { TierBadge } from "@/components/accounts/tier-badge";
import { Badge } from "@/components/ui/badge";
import { formatMoney, formatScore } from "@/lib/format";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const user = await getPageUser();
  if (!user) return {};
  const { id } = await params;
  const account = await getPageAccount(user, id).catch(() => null);
  // The tabs' titles read "Plan · Pelican Shipping · Keystone" (a plain title here would drop the
  // root template for everything below).
  return account ? { title: { absolute: `${account.name} · Keystone`, template: `%s · ${account.name} · Keystone` } } : {};
}

export default async function AccountLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const account = await getPageAccount(user, id);
  return (
    <>
      <div className="no-print mb-4 text-sm text-slate-500">
        <Link href="/accounts" className="hover:text-slate-800 hover:underline">
          Accounts
        </Link>{" "}
        / <span className="text-slate-700">{account.name}</span>
      </div>
      <header className="mb-5 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{account.name}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <StageBadge stage={account.stage} />
            <TierBadge computed={account.computedTier} override={account.overrideTier} reason={account.overrideReason} />
            {account.archivedAt && <Badge tone="red">Archived</Badge>}
            <span>
              {account.industry} · {account.region}
            </span>
          </div>
        </div>
        <dl className="flex gap-6 text-sm">
          <div>
            <dt className="text-slate-500">Score</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">{formatScore(account.score)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Revenue this year</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">{formatMoney(account.annualRevenue)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Manager</dt>
            <dd className="text-lg font-semibold text-slate-900">{account.owner.name}</dd>
          </div>
        </dl>
      </header>
      <AccountTabs accountId={account.id} />
      {children}
    </>
  );
}
