"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { requiredMissing, useFocusFirstError } from "@/components/ui/form-errors";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { api, ApiError } from "@/lib/client/api";
import { LIMITS, type TActionStatus } from "@/lib/plans/schema";
import type { TActionView, TPerson } from "@/lib/plans/view";

type Values = { title: string; ownerId: string; dueDate: string; objectiveRef: string; notes: string; status: TActionStatus };

/** Creates an action, or edits one (sending its version, so a stale edit gets a 409 instead of overwriting). */
export function ActionForm({
  accountId,
  team,
  objectives,
  action,
  defaultOwnerId,
  defaultDueDate,
  onSaved,
  onCancel,
}: {
  accountId: string;
  team: TPerson[];
  objectives: { id: string; title: string }[];
  action?: TActionView;
  defaultOwnerId: string;
  defaultDueDate: string;
  onSaved: (a: TActionView) => void;
  onCancel: () => void;
}) {
  const [v, setV] = useState<Values>({
    title: action?.title ?? "",
    ownerId: action?.owner.id ?? defaultOwnerId,
    dueDate: action?.dueDate ?? defaultDueDate,
    objectiveRef: action?.objectiveRef ?? "",
    notes: action?.notes ?? "",
    status: action?.status ?? "OPEN",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const formRef = useFocusFirstError(errors);
  const idp = action ? `action-${action.id}` : "action-new";
  // An owner who has since left the team still shows, so editing does not silently reassign.
  const people = action && !team.some((p) => p.id === action.owner.id) ? [...team, action.owner] : team;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing = requiredMissing({ title: !v.title.trim() && "Say what needs doing", dueDate: !v.dueDate && "Choose a due date" });
    if (missing) return setErrors(missing);
    setBusy(true);
    setErrors({});
    const body = { title: v.title, ownerId: v.ownerId, dueDate: v.dueDate, objectiveRef: v.objectiveRef || null, notes: v.notes, status: v.status };
    try {
      const saved = action
        ? await api<TActionView>(`/api/accounts/${accountId}/plan/actions/${action.id}`, { method: "PATCH", body: { ...body, version: action.version } })
        : await api<TActionView>(`/api/accounts/${accountId}/plan/actions`, { method: "POST", body });
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError) setErrors({ ...err.fields, ...(Object.keys(err.fields).length ? {} : { form: err.message }) });
      else setErrors({ form: "Could not save the action" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-label={action ? "Edit action" : "New action"} noValidate>
      <Field label="What needs doing" htmlFor={`${idp}-title`} error={errors.title}>
        <Input id={`${idp}-title`} value={v.title} maxLength={LIMITS.actionTitle} onChange={(e) => setV({ ...v, title: e.target.value })} aria-required autoFocus />
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Owner" htmlFor={`${idp}-owner`} error={errors.ownerId}>
          <Select id={`${idp}-owner`} value={v.ownerId} onChange={(e) => setV({ ...v, ownerId: e.target.value })}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Due" htmlFor={`${idp}-due`} error={errors.dueDate}>
          <Input id={`${idp}-due`} type="date" value={v.dueDate} onChange={(e) => setV({ ...v, dueDate: e.target.value })} aria-required />
        </Field>
        <Field label="Serves objective" htmlFor={`${idp}-objective`} error={errors.objectiveRef}>
          <Select id={`${idp}-objective`} value={v.objectiveRef} onChange={(e) => setV({ ...v, objectiveRef: e.target.value })}>
            <option value="">None</option>
            {objectives.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title || "Untitled objective"}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {action && (
        <Field label="Status" htmlFor={`${idp}-status`} error={errors.status}>
          <Select id={`${idp}-status`} value={v.status} onChange={(e) => setV({ ...v, status: e.target.value as TActionStatus })} className="sm:w-48">
            <option value="OPEN">Open</option>
            <option value="DONE">Done</option>
            <option value="DROPPED">Dropped</option>
          </Select>
        </Field>
      )}
      <Field label="Notes (optional)" htmlFor={`${idp}-notes`} error={errors.notes}>
        <Textarea id={`${idp}-notes`} rows={2} value={v.notes} maxLength={LIMITS.actionNotes} onChange={(e) => setV({ ...v, notes: e.target.value })} />
      </Field>
      {errors.form && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {errors.form}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy}>
          {action ? "Save action" : "Add action"}
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
