import type { Metadata } from "next";
import Link from "next/link";
import { Handshake } from "lucide-react";
import { requirePageUser } from "@/lib/auth/session";
import { listPendingCommitments } from "@/lib/plans/service";
import { listMyActions } from "@/lib/plans/tracking";
import { isOverdue } from "@/lib/plans/model";
import { daysBetween, localToday } from "@/lib/days";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ActionsList } from "@/components/plans/actions-list";
import { cn } from "@/lib/cn";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "My actions" };

export default async function MyActionsPage({ searchParams }: { searchParams: Promise<{ show?: string }> }) {
  const { show } = await searchParams;
  const include = show === "all" ? "all" : "open";
  const user = await requirePageUser();
  const [actions, pending] = await Promise.all([listMyActions({ user, include }), listPendingCommitments({ user })]);
  const today = localToday();
  const open = actions.filter((a) => a.status === "OPEN");
  const overdue = open.filter((a) => isOverdue(a, today)).length;
  const thisWeek = open.filter((a) => !isOverdue(a, today) && daysBetween(today, a.dueDate) <= 7).length;
  const accounts = new Set(actions.map((a) => a.accountId)).size;
  const tab = (key: "open" | "all", label: string) => (
    <Link
      href={key === "all" ? "/actions?show=all" : "/actions"}
      aria-current={include === key ? "page" : undefined}
      className={cn("rounded-md px-3 py-1.5 text-sm font-medium", include === key ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900")}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title="My actions"
        description="The short-term actions you own, across all your accounts. Overdue ones come first."
        actions={<nav aria-label="Which actions" className="flex gap-1 rounded-lg bg-slate-100 p-1">{tab("open", "Open")}{tab("all", "All")}</nav>}
      />
      {pending.length > 0 && (
        <Card className="mb-6 border-brand-200">
          <CardHeader title="Plans waiting for your commitment" description="These plan versions were approved; the team is asked to commit to them." />
          <CardBody className="p-0">
            <ul className="divide-y divide-slate-100">
              {pending.map((p) => (
                <li key={`${p.accountId}-${p.versionNumber}`} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
                  <span className="inline-flex items-center gap-2">
                    <Handshake aria-hidden className="h-4 w-4 text-brand-600" />
                    <span className="font-medium text-slate-900">{p.accountName}</span>
                    <span className="text-slate-500">
                      version {p.versionNumber}
                      {p.approvedAt ? `, approved ${formatDate(p.approvedAt)}` : ""}
                    </span>
                  </span>
                  <Link href={`/accounts/${p.accountId}/plan`} className="font-medium text-brand-700 hover:underline">
                    Review and commit
                  </Link>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      )}
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          { label: "Open", value: open.length },
          { label: "Overdue", value: overdue, alert: overdue > 0 },
          { label: "Due in 7 days", value: thisWeek },
          { label: "Accounts", value: accounts },
        ].map((s) => (
          <div key={s.label} className={cn("rounded-xl border bg-white px-4 py-3 shadow-sm", s.alert ? "border-red-200" : "border-slate-200")}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{s.label}</dt>
            <dd className={cn("text-2xl font-semibold tabular-nums", s.alert ? "text-red-700" : "text-slate-900")}>{s.value}</dd>
          </div>
        ))}
      </dl>
      <Card>
        <ActionsList
          actions={actions}
          today={today}
          canEdit
          showAccount
          emptyText={include === "open" ? "No open actions. Actions you own on any account plan appear here." : "You do not own any actions yet."}
        />
      </Card>
    </>
  );
}
