import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { getPlan, getPlanVersion } from "@/lib/plans/service";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/plans/print-button";
import { PlanPrintDocument } from "@/components/plans/plan-print-document";
import "./print.css";

export const metadata: Metadata = { title: "Plan (print)" };

export default async function PlanPrintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string; internal?: string }> }) {
  const { id } = await params;
  const { version: asked, internal: internalParam } = await searchParams;
  const internal = internalParam !== "0";
  const user = await requirePageUser();
  const plan = await getPlan({ user, accountId: id });
  const number = asked && /^\d+$/.test(asked) ? Number(asked) : null;
  const version = number && number !== plan.current?.number ? await getPlanVersion({ user, accountId: id, number }).catch(() => null) : (plan.current ?? (plan.versions[0] ? await getPlanVersion({ user, accountId: id, number: plan.versions[0].number }) : null));
  if (!version) {
    return (
      <EmptyState title="Nothing to print yet" action={<Link href={`/accounts/${id}/plan/draft`} className={buttonClass("primary")}>Open the draft</Link>}>
        The print view shows the current (approved) plan. Submit the draft as a version first.
      </EmptyState>
    );
  }
  return (
    <div>
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600 shadow-sm">
        <span>
          This is how the plan prints. Use your browser&apos;s print dialog to save it as a PDF.
          {version.number !== plan.current?.number && " This version is not the current approved plan; the document says so."}
        </span>
        <div className="flex flex-wrap items-center gap-3">
          <Link
            href={`/accounts/${id}/plan/print?${new URLSearchParams({ ...(number ? { version: String(number) } : {}), ...(internal ? { internal: "0" } : {}) })}`}
            className="font-medium text-brand-700 hover:underline"
            data-testid="print-audience"
          >
            {internal ? "Customer version (leave out lights, risks, actions)" : "Internal version (everything)"}
          </Link>
          <PrintButton />
        </div>
      </div>
      <PlanPrintDocument plan={plan} version={version} printedOn={new Date().toISOString()} internal={internal} />
    </div>
  );
}
