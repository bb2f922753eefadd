import type { ReactNode } from "react";
import Link from "next/link";
import { Printer } from "lucide-react";
import { Card, CardBody } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { SECTION_LABELS, PLAN_SECTIONS } from "@/lib/plans/schema";
import type { TVersionView } from "@/lib/plans/view";
import { PlanDocument } from "./plan-document";
import { VersionStatusBadge } from "./side-panels";

/** One version of the plan, read-only, with its status and a table of contents. */
export function PlanVersionPage({ accountId, version, label, actions }: { accountId: string; version: TVersionView; label?: string; actions?: ReactNode }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
      <nav aria-label="Plan sections" className="hidden lg:block">
        <ol className="sticky top-6 space-y-0.5 text-sm">
          {PLAN_SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#section-${s}`} className="block rounded-md px-2 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                {SECTION_LABELS[s]}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <Card className="min-w-0">
        <CardBody className="space-y-6 px-6 py-6 sm:px-10">
          <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 pb-4">
            <div>
              <p className="text-sm text-slate-500">{label ?? "Plan"}</p>
              <h2 className="text-xl font-semibold text-slate-900">Version {version.number}</h2>
              <p className="mt-1 text-sm text-slate-600">
                Submitted {formatDate(version.submittedAt)}
                {version.submittedBy ? ` by ${version.submittedBy.name}` : ""}
                {version.decidedAt ? ` · decided ${formatDate(version.decidedAt)}` : ""}
              </p>
            </div>
            <div className="flex flex-col items-end gap-2">
              <VersionStatusBadge status={version.status} />
              {actions}
              <Link href={`/accounts/${accountId}/plan/print?version=${version.number}`} className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-600 hover:text-slate-900">
                <Printer aria-hidden className="h-4 w-4" /> Print view
              </Link>
            </div>
          </header>
          <PlanDocument content={version.content} />
        </CardBody>
      </Card>
    </div>
  );
}
