import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { getPlan } from "@/lib/plans/service";
import { planPhase } from "@/lib/plans/model";
import { addDays, localToday } from "@/lib/days";
import { ActionsPanel } from "@/components/plans/actions-panel";
import { FinancialsPanel } from "@/components/plans/financials-panel";
import { CommitmentPanel, PlanStatusPanel, StagePanel } from "@/components/plans/side-panels";
import { TrafficLights } from "@/components/plans/traffic-lights";
import { ObjectivesCard } from "@/components/plans/objectives-card";

export const metadata: Metadata = { title: "Plan" };

export default async function PlanOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const plan = await getPlan({ user, accountId: id });
  const today = localToday();
  const pending = plan.versions.find((v) => v.status === "SUBMITTED") ?? null;
  const currentSummary = plan.versions.find((v) => v.number === plan.current?.number) ?? null;
  const objectives = (plan.draft?.content ?? plan.current?.content)?.objectives.map((o) => ({ id: o.id, title: o.title })) ?? [];
  return (
    <div className="grid gap-6 xl:grid-cols-3">
      <div className="min-w-0 space-y-6 xl:col-span-2">
        <TrafficLights accountId={id} current={plan.lights.current} history={plan.lights.history} canEdit={plan.permissions.edit} />
        <ActionsPanel
          accountId={id}
          actions={plan.actions}
          team={plan.team}
          objectives={objectives}
          canEdit={plan.permissions.edit}
          viewerId={plan.viewerId}
          today={today}
          defaultDueDate={addDays(today, 7)}
        />
        <FinancialsPanel accountId={id} rows={plan.targetsVsActuals} financials={plan.financials} canEdit={plan.permissions.edit} thisYear={Number(today.slice(0, 4))} />
      </div>
      <div className="min-w-0 space-y-6">
        <PlanStatusPanel
          accountId={id}
          phase={planPhase(plan.versions, plan.draftHasChanges)}
          current={currentSummary}
          pending={pending}
          versionCount={plan.versions.length}
          canApprove={plan.permissions.approve}
          canEdit={plan.permissions.edit}
        />
        <CommitmentPanel accountId={id} commitment={plan.commitment} viewerId={plan.viewerId} canCommit={plan.permissions.commit} />
        <ObjectivesCard accountId={id} current={plan.current} />
        <StagePanel accountId={id} stage={plan.account.stage} history={plan.stageHistory} canChange={plan.permissions.changeStage} />
      </div>
    </div>
  );
}
