import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { comparePlanVersions, listPlanVersions } from "@/lib/plans/service";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { PlanDiffView } from "@/components/plans/diff-view";
import { CompareForm } from "@/components/plans/compare-form";
import { VersionStatusBadge } from "@/components/plans/side-panels";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Plan versions" };

export default async function PlanVersionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const sp = await searchParams;
  const user = await requirePageUser();
  const versions = await listPlanVersions({ user, accountId: id });
  if (!versions.length) {
    return (
      <EmptyState title="No versions yet" action={<Link href={`/accounts/${id}/plan/draft`} className={buttonClass("primary")}>Open the draft</Link>}>
        A version is created each time the draft is submitted. Versions are never overwritten, so any two can be compared later.
      </EmptyState>
    );
  }
  const numbers = new Set(versions.map((v) => v.number));
  const pick = (v: string | string[] | undefined, fallback: number) => {
    const n = Number(Array.isArray(v) ? v[0] : v);
    return numbers.has(n) ? n : fallback;
  };
  const b = pick(sp.b, versions[0].number);
  const a = pick(sp.a, versions.find((v) => v.number < b)?.number ?? b);
  const comparison = versions.length > 1 ? await comparePlanVersions({ user, accountId: id, a, b }) : null;
  return (
    <div className="grid gap-6 xl:grid-cols-[20rem_minmax(0,1fr)]">
      <Card className="self-start">
        <CardHeader title="Versions" description="Numbered when submitted; never overwritten." />
        <CardBody className="p-0">
          <ol className="divide-y divide-slate-100" data-testid="version-list">
            {versions.map((v) => (
              <li key={v.number} className="flex items-start justify-between gap-3 px-5 py-3">
                <div className="min-w-0">
                  <Link href={`/accounts/${id}/plan/versions/${v.number}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    Version {v.number}
                  </Link>
                  <div className="text-xs text-slate-500">
                    {formatDate(v.submittedAt)}
                    {v.submittedBy ? ` · ${v.submittedBy.name}` : ""}
                  </div>
                  {v.commitments > 0 && <div className="text-xs text-slate-500">{v.commitments} committed</div>}
                </div>
                <VersionStatusBadge status={v.status} />
              </li>
            ))}
          </ol>
        </CardBody>
      </Card>
      <div className="min-w-0 space-y-4">
        {comparison ? (
          <>
            <CompareForm versions={versions.map((v) => v.number)} a={a} b={b} />
            <PlanDiffView diff={comparison.diff} a={a} b={b} />
          </>
        ) : (
          <EmptyState title="Only one version so far">Once a second version is submitted, you can compare them here section by section.</EmptyState>
        )}
      </div>
    </div>
  );
}
