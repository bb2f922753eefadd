import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { getPlan } from "@/lib/plans/service";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { PlanVersionPage } from "@/components/plans/plan-version-page";

export const metadata: Metadata = { title: "Current plan" };

export default async function CurrentPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const plan = await getPlan({ user, accountId: id });
  if (!plan.current) {
    return (
      <EmptyState title="No approved plan yet" action={<Link href={`/accounts/${id}/plan/draft`} className={buttonClass("primary")}>Open the draft</Link>}>
        The current plan is the latest approved version. {plan.versions.length ? `Version ${plan.versions[0].number} is ${plan.versions[0].status === "SUBMITTED" ? "awaiting review" : "not approved"}.` : "Write the draft and submit it for review."}
      </EmptyState>
    );
  }
  return <PlanVersionPage accountId={id} version={plan.current} label="Current plan" />;
}
