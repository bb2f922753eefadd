"use client";

// Recording a periodic plan review meeting: when, who attended, notes, the outcome, and next steps
// (each with an owner from the account team and a due date) that become actions on the plan.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Plus, Trash2 } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { PERIODIC_OUTCOMES, PERIODIC_OUTCOME_LABELS, REVIEW_LIMITS, ZPeriodicReviewInput, type TPeriodicOutcome } from "@/lib/reviews/schema";
import type { TPerson } from "@/lib/reviews/view";
import { addDays } from "@/lib/days";
import { zodFieldsOf } from "./zod-fields";

type Step = { key: number; title: string; ownerId: string; dueDate: string };

export function PeriodicReviewForm({ accountId, team, mentor, viewerName, today }: { accountId: string; team: TPerson[]; mentor: TPerson | null; viewerName: string; today: string }) {
  const router = useRouter();
  const people = [...team.map((p) => p.name), ...(mentor && !team.some((t) => t.id === mentor.id) ? [mentor.name] : [])];
  const [heldOn, setHeldOn] = useState(today);
  const [present, setPresent] = useState<Set<string>>(() => new Set([team[0]?.name, mentor?.name ?? viewerName].filter((x): x is string => Boolean(x))));
  const [others, setOthers] = useState("");
  const [notes, setNotes] = useState("");
  const [outcome, setOutcome] = useState<TPeriodicOutcome | "">("");
  const [steps, setSteps] = useState<Step[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [nextKey, setNextKey] = useState(1);

  function addStep() {
    setSteps((s) => [...s, { key: nextKey, title: "", ownerId: team[0]?.id ?? "", dueDate: addDays(today, 14) }]);
    setNextKey((k) => k + 1);
  }
  const setStep = (key: number, patch: Partial<Step>) => setSteps((s) => s.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  async function save() {
    const attendees = [...people.filter((n) => present.has(n)), ...others.split(/\n|,/).map((s) => s.trim()).filter(Boolean)];
    const payload = { heldOn, attendees, notes, outcome, nextSteps: steps.map(({ title, ownerId, dueDate }) => ({ title, ownerId, dueDate })) };
    const notify = changeToast("periodic-review");
    const check = ZPeriodicReviewInput.safeParse(payload);
    if (!check.success) {
      setErrors(zodFieldsOf(check.error));
      notify.failed("Some fields need attention");
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const res = await api<{ actionIds: string[] }>(`/api/accounts/${accountId}/periodic-reviews`, { body: payload });
      notify.done(`Review recorded${res.actionIds.length ? `; ${res.actionIds.length} action${res.actionIds.length > 1 ? "s" : ""} added to the plan` : ""}`);
      router.push(`/accounts/${accountId}/reviews#periodic`);
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setErrors(e.fields);
      notify.failedWith(e, "Could not record the review; what you wrote is kept");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label="Held on" htmlFor="heldOn" error={errors.heldOn}>
        <Input id="heldOn" type="date" max={today} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} className="max-w-48" aria-invalid={Boolean(errors.heldOn)} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Who attended</legend>
        <div className="grid gap-1.5 sm:grid-cols-2">
          {people.map((name) => (
            <label key={name} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                className="accent-brand-600"
                checked={present.has(name)}
                onChange={(e) => {
                  const next = new Set(present);
                  if (e.target.checked) next.add(name);
                  else next.delete(name);
                  setPresent(next);
                }}
              />
              {name}
            </label>
          ))}
        </div>
        <Field label="Others (customer people, guests), one per line" htmlFor="others" error={errors.attendees}>
          <Textarea id="others" rows={2} value={others} onChange={(e) => setOthers(e.target.value)} />
        </Field>
      </fieldset>
      <Field label="Outcome" htmlFor="outcome" error={errors.outcome}>
        <Select id="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as TPeriodicOutcome)} aria-invalid={Boolean(errors.outcome)}>
          <option value="">Choose…</option>
          {PERIODIC_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {PERIODIC_OUTCOME_LABELS[o]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Notes" htmlFor="notes" error={errors.notes}>
        <Textarea id="notes" rows={6} value={notes} maxLength={REVIEW_LIMITS.notes} onChange={(e) => setNotes(e.target.value)} />
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">Agreed next steps</legend>
        <p className="text-xs text-slate-500">Each becomes an open action on the plan, owned by someone on the account team.</p>
        {steps.map((s, i) => (
          <div key={s.key} className="grid gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-[minmax(0,1fr)_12rem_10rem_auto]">
            <Field label={`Next step ${i + 1}`} htmlFor={`step-${s.key}`} error={errors[`nextSteps.${i}.title`]}>
              <Input id={`step-${s.key}`} value={s.title} maxLength={REVIEW_LIMITS.nextStepTitle} onChange={(e) => setStep(s.key, { title: e.target.value })} />
            </Field>
            <Field label="Owner" htmlFor={`owner-${s.key}`} error={errors[`nextSteps.${i}.ownerId`]}>
              <Select id={`owner-${s.key}`} value={s.ownerId} onChange={(e) => setStep(s.key, { ownerId: e.target.value })}>
                {team.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Due" htmlFor={`due-${s.key}`} error={errors[`nextSteps.${i}.dueDate`]}>
              <Input id={`due-${s.key}`} type="date" value={s.dueDate} onChange={(e) => setStep(s.key, { dueDate: e.target.value })} />
            </Field>
            <div className="flex items-end">
              <Button variant="ghost" size="sm" onClick={() => setSteps((x) => x.filter((y) => y.key !== s.key))} aria-label={`Remove next step ${i + 1}`}>
                <Trash2 aria-hidden className="h-4 w-4" />
              </Button>
            </div>
          </div>
        ))}
        <Button variant="secondary" size="sm" onClick={addStep}>
          <Plus aria-hidden className="h-4 w-4" /> Add a next step
        </Button>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Recording…" : "Record the review"}
        </Button>
        <Link href={`/accounts/${accountId}/reviews#periodic`} className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
