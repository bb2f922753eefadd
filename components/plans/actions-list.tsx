"use client";

// Short-term actions: overdue ones stand out (red edge, "n days overdue"), done is one click.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { AlertCircle, Ban, Check, Pencil } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { cn } from "@/lib/cn";
import { formatDay } from "@/lib/format";
import { daysOverdue, isOverdue, sortActions } from "@/lib/plans/model";
import type { TActionView, TMyActionView, TPerson } from "@/lib/plans/view";
import { ActionForm } from "./action-form";

const STATUS_TONE = { OPEN: "blue", DONE: "green", DROPPED: "slate" } as const;
const STATUS_LABEL = { OPEN: "Open", DONE: "Done", DROPPED: "Dropped" } as const;

type Row = TActionView & Partial<Pick<TMyActionView, "accountName" | "objectiveTitle">>;

export function ActionsList({
  actions,
  today,
  canEdit,
  team,
  objectives,
  showAccount = false,
  emptyText,
}: {
  actions: Row[];
  today: string;
  /** Whether the viewer may change these actions (plan:edit on the account). */
  canEdit: boolean | ((a: Row) => boolean);
  team?: TPerson[];
  objectives?: { id: string; title: string }[];
  showAccount?: boolean;
  emptyText: string;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const mayEdit = (a: Row) => (typeof canEdit === "function" ? canEdit(a) : canEdit);
  const objectiveTitle = (a: Row) => a.objectiveTitle ?? objectives?.find((o) => o.id === a.objectiveRef)?.title ?? null;

  async function setStatus(a: Row, status: TActionView["status"]) {
    setBusy(a.id);
    const outcome = changeToast(`action-status-${a.id}`);
    try {
      await api(`/api/accounts/${a.accountId}/plan/actions/${a.id}`, { method: "PATCH", body: { status, version: a.version } });
      outcome.done(status === "DONE" ? `Done: ${a.title}` : status === "OPEN" ? `Reopened: ${a.title}` : `Dropped: ${a.title}`);
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        outcome.failed("Someone changed this action a moment ago. The list has been reloaded: check it and try again.");
        router.refresh();
      } else outcome.failedWith(e, "Could not update the action");
    } finally {
      setBusy(null);
    }
  }

  if (!actions.length) return <p className="px-5 py-6 text-center text-sm text-slate-500">{emptyText}</p>;

  return (
    <ul className="divide-y divide-slate-100">
      {sortActions(actions, today).map((a) => {
        const overdue = isOverdue(a, today);
        const late = daysOverdue(a, today);
        const objective = objectiveTitle(a);
        if (editing === a.id && team && objectives) {
          return (
            <li key={a.id} className="px-5 py-3">
              <ActionForm
                accountId={a.accountId}
                team={team}
                objectives={objectives}
                action={a}
                defaultOwnerId={a.owner.id}
                defaultDueDate={a.dueDate}
                onSaved={() => {
                  setEditing(null);
                  changeToast(`action-edit-${a.id}`).done("Action saved");
                  router.refresh();
                }}
                onCancel={() => setEditing(null)}
              />
            </li>
          );
        }
        return (
          <li
            key={a.id}
            data-testid="action-row"
            data-overdue={overdue || undefined}
            className={cn("flex items-start gap-3 border-l-4 px-5 py-3", overdue ? "border-l-red-500 bg-red-50/50" : "border-l-transparent", a.status !== "OPEN" && "opacity-70")}
          >
            {mayEdit(a) ? (
              <button
                type="button"
                onClick={() => setStatus(a, a.status === "OPEN" ? "DONE" : "OPEN")}
                disabled={busy === a.id}
                aria-label={a.status === "OPEN" ? `Mark "${a.title}" done` : `Reopen "${a.title}"`}
                className={cn(
                  "mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded border",
                  a.status === "DONE" ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-300 bg-white hover:border-brand-500",
                )}
              >
                {a.status === "DONE" && <Check aria-hidden className="h-3.5 w-3.5" />}
              </button>
            ) : (
              <span className="mt-0.5 h-5 w-5 shrink-0" />
            )}
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className={cn("font-medium text-slate-900", a.status === "DONE" && "line-through decoration-slate-400", a.status === "DROPPED" && "line-through decoration-slate-300")}>{a.title}</span>
                {a.status !== "OPEN" && <Badge tone={STATUS_TONE[a.status]}>{STATUS_LABEL[a.status]}</Badge>}
                {overdue && (
                  <Badge tone="red">
                    <AlertCircle aria-hidden className="h-3 w-3" /> {late} day{late === 1 ? "" : "s"} overdue
                  </Badge>
                )}
              </div>
              <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-500">
                {showAccount && a.accountName && (
                  <Link href={`/accounts/${a.accountId}/plan`} className="font-medium text-brand-700 hover:underline">
                    {a.accountName}
                  </Link>
                )}
                <span>{a.owner.name}</span>
                <span className={cn(overdue && "font-medium text-red-700")}>Due {formatDay(a.dueDate)}</span>
                {objective && <span className="truncate">Objective: {objective}</span>}
              </div>
              {a.notes && <p className="mt-1 whitespace-pre-wrap text-sm text-slate-600">{a.notes}</p>}
            </div>
            {mayEdit(a) && (
              <div className="flex shrink-0 gap-1">
                {a.status === "OPEN" && (
                  <Button variant="ghost" size="sm" onClick={() => setStatus(a, "DROPPED")} disabled={busy === a.id} aria-label={`Drop "${a.title}"`} title="Drop">
                    <Ban aria-hidden className="h-4 w-4" />
                  </Button>
                )}
                {team && objectives && (
                  <Button variant="ghost" size="sm" onClick={() => setEditing(a.id)} aria-label={`Edit "${a.title}"`} title="Edit">
                    <Pencil aria-hidden className="h-4 w-4" />
                  </Button>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
