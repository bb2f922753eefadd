"use client";

// Recording or editing a relationship between someone on our team and one of the customer's people.
import { useId, useMemo, useState } from "react";
import { LEVEL_LABELS, LIMITS, RELATIONSHIP_LEVELS, STRENGTH_LABELS, type TRelationshipLevel } from "@/lib/relationships/schema";
import type { TMapRelationship } from "@/lib/relationships/view";
import { Button } from "@/components/ui/button";
import { requiredMissing, useFocusFirstError } from "@/components/ui/form-errors";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { useMap } from "./map-context";
import { Modal } from "./sheet";
import { localToday } from "@/lib/days";
import { FormAlert } from "@/components/ui/form-alert";

type Values = { userId: string; contactId: string; strength: number; currentLevel: TRelationshipLevel; targetLevel: TRelationshipLevel; frequencyDays: string; lastInteractionAt: string; notes: string };

/** The person's today (their time zone, not UTC's): the latest day an interaction can have been. */
export const today = () => localToday();

export function RelationshipForm({
  relationship,
  presetContactId,
  presetUserId,
  onDone,
  onCancel,
}: {
  relationship?: TMapRelationship;
  presetContactId?: string;
  presetUserId?: string;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { map, accountId, mutate } = useMap();
  const uid = useId();
  const id = (f: string) => `${uid}-${f}`;
  const [v, setV] = useState<Values>(() =>
    relationship
      ? {
          userId: relationship.userId,
          contactId: relationship.contactId,
          strength: relationship.strength,
          currentLevel: relationship.currentLevel,
          targetLevel: relationship.targetLevel,
          frequencyDays: relationship.frequencyDays ? String(relationship.frequencyDays) : "",
          lastInteractionAt: relationship.lastInteractionAt ? relationship.lastInteractionAt.slice(0, 10) : "",
          notes: relationship.notes,
        }
      : { userId: presetUserId ?? "", contactId: presetContactId ?? "", strength: 3, currentLevel: "SUPPLIER_CONTACT", targetLevel: "CREDIBLE_SOURCE", frequencyDays: "", lastInteractionAt: "", notes: "" },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((cur) => ({ ...cur, [k]: value }));
  const people = useMemo(() => [...map.contacts].sort((a, b) => a.name.localeCompare(b.name)), [map.contacts]);
  const team = map.teamMembers.filter((m) => m.onTeam);
  // Pairs that already exist, so the form does not offer a duplicate.
  const taken = useMemo(() => new Set(map.relationships.map((r) => `${r.userId}:${r.contactId}`)), [map.relationships]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing = relationship ? null : requiredMissing({ userId: !v.userId && "Choose who on our team", contactId: !v.contactId && "Choose who at the customer" });
    if (missing) return setErrors(missing);
    setBusy(true);
    setErrors({});
    const fields = {
      strength: v.strength,
      currentLevel: v.currentLevel,
      targetLevel: v.targetLevel,
      frequencyDays: v.frequencyDays ? Number(v.frequencyDays) : null,
      lastInteractionAt: v.lastInteractionAt || null,
      notes: v.notes,
    };
    const res = relationship
      ? await mutate({ url: `/api/accounts/${accountId}/relationships/${relationship.id}`, method: "PATCH", body: { ...fields, version: relationship.version }, success: "Relationship saved" })
      : await mutate({ url: `/api/accounts/${accountId}/relationships`, method: "POST", body: { ...fields, userId: v.userId, contactId: v.contactId }, success: "Relationship added" });
    setBusy(false);
    if (res.ok) onDone();
    else setErrors(Object.keys(res.fields).length ? res.fields : { form: res.message });
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-4" aria-label={relationship ? "Edit relationship" : "New relationship"} noValidate>
      {errors.form && (
        <FormAlert reveal>
          {errors.form}
        </FormAlert>
      )}
      {!relationship && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Who on our team" htmlFor={id("userId")} error={errors.userId}>
            <Select id={id("userId")} value={v.userId} onChange={(e) => set("userId", e.target.value)} aria-required>
              <option value="">Choose…</option>
              {team.map((m) => (
                <option key={m.id} value={m.id} disabled={!!v.contactId && taken.has(`${m.id}:${v.contactId}`)}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Who at the customer" htmlFor={id("contactId")} error={errors.contactId}>
            <Select id={id("contactId")} value={v.contactId} onChange={(e) => set("contactId", e.target.value)} aria-required>
              <option value="">Choose…</option>
              {people.map((c) => (
                <option key={c.id} value={c.id} disabled={!!v.userId && taken.has(`${v.userId}:${c.id}`)}>
                  {c.name}
                  {c.jobTitle ? ` — ${c.jobTitle}` : ""}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      <fieldset>
        <legend className="mb-1.5 block text-sm font-medium text-slate-700">Strength</legend>
        <div className="flex flex-wrap gap-1.5" role="radiogroup" aria-label="Strength">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={cn("cursor-pointer rounded-md border px-3 py-1.5 text-sm", v.strength === n ? "border-brand-600 bg-brand-50 font-semibold text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50")}>
              <input type="radio" name={id("strength")} value={n} checked={v.strength === n} onChange={() => set("strength", n)} className="sr-only" />
              {n} · {STRENGTH_LABELS[n]}
            </label>
          ))}
        </div>
        {errors.strength && (
          <p role="alert" className="mt-1 text-xs font-medium text-red-700">
            {errors.strength}
          </p>
        )}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Level we hold today" htmlFor={id("currentLevel")} error={errors.currentLevel}>
          <Select id={id("currentLevel")} value={v.currentLevel} onChange={(e) => set("currentLevel", e.target.value as TRelationshipLevel)}>
            {RELATIONSHIP_LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Level we aim for" htmlFor={id("targetLevel")} error={errors.targetLevel}>
          <Select id={id("targetLevel")} value={v.targetLevel} onChange={(e) => set("targetLevel", e.target.value as TRelationshipLevel)}>
            {RELATIONSHIP_LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="They talk every … days" htmlFor={id("frequencyDays")} error={errors.frequencyDays}>
          <Input id={id("frequencyDays")} type="number" min={1} max={LIMITS.frequencyDays} inputMode="numeric" value={v.frequencyDays} onChange={(e) => set("frequencyDays", e.target.value)} />
        </Field>
        <Field label="Last interaction" htmlFor={id("lastInteractionAt")} error={errors.lastInteractionAt}>
          <div className="flex gap-2">
            <Input id={id("lastInteractionAt")} type="date" max={today()} value={v.lastInteractionAt} onChange={(e) => set("lastInteractionAt", e.target.value)} />
            <Button size="sm" variant="secondary" className="h-10" onClick={() => set("lastInteractionAt", today())}>
              Today
            </Button>
          </div>
        </Field>
      </div>
      <Field label="Notes" htmlFor={id("notes")} error={errors.notes}>
        <Textarea id={id("notes")} rows={2} value={v.notes} maxLength={LIMITS.notes} onChange={(e) => set("notes", e.target.value)} />
      </Field>
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : relationship ? "Save relationship" : "Add relationship"}
        </Button>
      </div>
    </form>
  );
}

export function RelationshipDialog({ open, onOpenChange, presetContactId, presetUserId }: { open: boolean; onOpenChange: (o: boolean) => void; presetContactId?: string; presetUserId?: string }) {
  return (
    <Modal open={open} onOpenChange={onOpenChange} title="Add a relationship" description="Who on our team knows whom at the customer, and how well.">
      {open && <RelationshipForm presetContactId={presetContactId} presetUserId={presetUserId} onCancel={() => onOpenChange(false)} onDone={() => onOpenChange(false)} />}
    </Modal>
  );
}
