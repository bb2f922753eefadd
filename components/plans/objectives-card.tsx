import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatMoneyShort } from "@/lib/format";
import type { TVersionView } from "@/lib/plans/view";

/** The current plan in brief: its objectives and horizon, one click from the full text. */
export function ObjectivesCard({ accountId, current }: { accountId: string; current: TVersionView | null }) {
  if (!current) return null;
  const years = current.content.financialTargets.map((t) => t.year);
  const last = current.content.financialTargets.at(-1);
  return (
    <Card>
      <CardHeader
        title="Objectives"
        description={years.length ? `Horizon ${Math.min(...years)}–${Math.max(...years)}${last?.revenue ? `, ${formatMoneyShort(last.revenue)} revenue by ${last.year}` : ""}` : undefined}
      />
      <CardBody>
        <ol className="space-y-2.5">
          {current.content.objectives.map((o, i) => (
            <li key={o.id} className="flex gap-2.5 text-sm">
              <span className="mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600">{i + 1}</span>
              <span>
                <span className="font-medium text-slate-900">{o.title}</span>
                {o.horizonYear ? <span className="text-slate-500"> · by {o.horizonYear}</span> : null}
              </span>
            </li>
          ))}
        </ol>
        <Link href={`/accounts/${accountId}/plan/current`} className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
          Read the whole plan (version {current.number})
        </Link>
      </CardBody>
    </Card>
  );
}
