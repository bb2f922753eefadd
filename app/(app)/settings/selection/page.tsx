import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getSelectionModel } from "@/lib/scoring/service";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ModelEditor } from "@/components/scoring/model-editor";

export const metadata: Metadata = { title: "Selection model" };

export default async function SelectionModelPage() {
  const user = await requirePageUser();
  const model = await getSelectionModel({ user });
  return (
    <>
      <PageHeader
        title="Selection model"
        description="The criteria every account is scored on, their weights, and the tiers the score leads to. Try a change and see which accounts would move before you save it."
      />
      {can(user, "selectionModel:edit") ? (
        <ModelEditor initial={JSON.parse(JSON.stringify(model))} />
      ) : (
        <EmptyState title="Only senior managers and administrators change the selection model">
          Each account&apos;s scorecard shows the criteria, weights and thresholds that place it in its tier.
        </EmptyState>
      )}
    </>
  );
}
