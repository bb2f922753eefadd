"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { changeToast } from "@/lib/client/toast";
import { isOverdue } from "@/lib/plans/model";
import type { TActionView, TPerson } from "@/lib/plans/view";
import { ActionForm } from "./action-form";
import { ActionsList } from "./actions-list";

export function ActionsPanel({
  accountId,
  actions,
  team,
  objectives,
  canEdit,
  viewerId,
  today,
  defaultDueDate,
}: {
  accountId: string;
  actions: TActionView[];
  team: TPerson[];
  objectives: { id: string; title: string }[];
  canEdit: boolean;
  viewerId: string;
  today: string;
  defaultDueDate: string;
}) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [showClosed, setShowClosed] = useState(false);
  const open = actions.filter((a) => a.status === "OPEN");
  const overdue = open.filter((a) => isOverdue(a, today)).length;
  const shown = showClosed ? actions : open;
  return (
    <Card>
      <CardHeader
        title="Short-term actions"
        description={`${open.length} open${overdue ? `, ${overdue} overdue` : ""} · what we do in the coming weeks`}
        actions={
          <>
            <Button variant="ghost" size="sm" onClick={() => setShowClosed((v) => !v)} aria-pressed={showClosed}>
              {showClosed ? "Hide done and dropped" : `Show all (${actions.length})`}
            </Button>
            {canEdit && !adding && (
              <Button size="sm" onClick={() => setAdding(true)}>
                <Plus aria-hidden className="h-4 w-4" /> Add action
              </Button>
            )}
          </>
        }
      />
      {adding && (
        <div className="border-b border-slate-100 px-5 py-4">
          <ActionForm
            accountId={accountId}
            team={team}
            objectives={objectives}
            defaultOwnerId={team.some((p) => p.id === viewerId) ? viewerId : (team[0]?.id ?? viewerId)}
            defaultDueDate={defaultDueDate}
            onSaved={(a) => {
              setAdding(false);
              changeToast("action-add").done(`Action added: ${a.title}`);
              router.refresh();
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      )}
      <ActionsList
        actions={shown}
        today={today}
        canEdit={canEdit}
        team={team}
        objectives={objectives}
        emptyText={showClosed ? "No actions yet." : "No open actions. What should happen in the next few weeks?"}
      />
    </Card>
  );
}
