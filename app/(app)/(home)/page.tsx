import type { Metadata } from "next";
import Link from "next/link";
import { IntentLink } from "@/components/ui/intent-link";
import { ArrowRight } from "lucide-react";
import { requirePageUser } from "@/lib/auth/session";
import { listAccounts } from "@/lib/accounts/service";
import { ZAccountListQuery } from "@/lib/accounts/schema";
import { homeSections } from "@/lib/home";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { StageBadge } from "@/components/accounts/stage-badge";
import { TierBadge } from "@/components/accounts/tier-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMoney } from "@/lib/format";
import { Ago } from "@/components/ui/ago";
import { ROLE_LABELS } from "@/lib/accounts/stages";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requirePageUser();
  const mine = await listAccounts({
    user,
    query: ZAccountListQuery.parse({ ownerId: user.role === "ACCOUNT_MANAGER" ? user.id : undefined, sort: "updatedAt", dir: "desc", pageSize: 8 }),
  });
  const sections = await homeSections(user);
  const firstName = user.name.split(" ")[0];
  return (
    <>
      <PageHeader title={`Good to see you, ${firstName}`} description={`${ROLE_LABELS[user.role]} · what needs your attention today.`} />
      <div className="grid gap-6 lg:grid-cols-3">
        {/* min-w-0: a grid item is otherwise as wide as its longest word (an account's name). */}
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {sections.map((s) => (
            <Card key={s.title}>
              <CardHeader title={s.title} description={s.description} />
              <CardBody>{s.content}</CardBody>
            </Card>
          ))}
          {sections.length === 0 && <EmptyState title="Nothing waits for you">Reviews, comments and overdue actions that need you will appear here.</EmptyState>}
        </div>
        <Card>
          <CardHeader
            title={user.role === "ACCOUNT_MANAGER" ? "Your accounts" : "Recently updated accounts"}
            description={`${mine.total} in all`}
            actions={
              <Link href="/accounts" className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
                All <ArrowRight aria-hidden className="h-4 w-4" />
              </Link>
            }
          />
          <ul className="divide-y divide-slate-100" data-testid="home-accounts">
            {mine.items.map((a) => (
              <li key={a.id} className="px-5 py-3">
                <IntentLink href={`/accounts/${a.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {a.name}
                </IntentLink>
                <div className="mt-1 flex flex-wrap items-center gap-1.5">
                  <StageBadge stage={a.stage} />
                  <TierBadge computed={a.computedTier} override={a.overrideTier} />
                </div>
                <p className="mt-1 text-xs text-slate-500">
                  <span className="tabular-nums">{formatMoney(a.annualRevenue)}</span> this year · updated <Ago at={a.updatedAt} />
                </p>
              </li>
            ))}
            {mine.items.length === 0 && <li className="px-5 py-6 text-sm text-slate-500">No accounts yet.</li>}
          </ul>
        </Card>
      </div>
    </>
  );
}
