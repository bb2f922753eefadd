import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { getPlanDraft } from "@/lib/plans/service";
import { localToday } from "@/lib/plans/model";
import { DraftEditor } from "@/components/plans/draft-editor";

export const metadata: Metadata = { title: "Plan draft" };

export default async function PlanDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const { draft, latest, permissions } = await getPlanDraft({ user, accountId: id });
  return (
    <DraftEditor
      // A new key after a save elsewhere would discard local state; the draft version is only the
      // starting point, so the editor is keyed on the account alone.
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
