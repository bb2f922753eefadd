import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { getPlanDraft } from "@/lib/plans/service";
import { localToday } from "@/lib/days";
import { Ago } from "@/components/ui/ago";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DraftEditor } from "@/components/plans/draft-editor";
import { PlanDocument } from "@/components/plans/plan-document";

export const metadata: Metadata = { title: "Plan draft" };

export default async function PlanDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const { draft, exists, latest, permissions } = await getPlanDraft({ user, accountId: id });
  if (!permissions.edit) {
    // Mentors and senior managers read the draft as a document; the account team edits it.
    if (!exists) return <EmptyState title="No draft yet">The account team has not started a draft.</EmptyState>;
    return (
      <Card>
        <CardBody className="space-y-6 px-6 py-6 sm:px-10">
          <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">
            Work in progress by the account team, not submitted{draft.basedOnNumber ? ` (started from version ${draft.basedOnNumber})` : ""}. Last saved <Ago at={draft.savedAt} />
            {draft.savedBy ? ` by ${draft.savedBy.name}` : ""}.
          </p>
          <PlanDocument content={draft.content} />
        </CardBody>
      </Card>
    );
  }
  return (
    <DraftEditor
      // Keyed on the account only: the editor keeps its own state (and unsaved text) across refreshes.
      key={id}
      accountId={id}
      server={draft}
      baseline={latest}
      canEdit={permissions.edit}
      canSubmit={permissions.submit}
      thisYear={Number(localToday().slice(0, 4))}
    />
  );
}
