"use client";

// Adding or editing one of the customer's people. An edit sends only what changed, with the
// version the form started from (a stale edit gets 409 and the latest is shown instead).
import { useId, useMemo, useState } from "react";
import {
  ATTITUDES,
  ATTITUDE_LABELS,
  DECISION_ROLES,
  DECISION_ROLE_HINTS,
  DECISION_ROLE_LABELS,
  LIMITS,
  SENIORITY_LABELS,
  type TAttitude,
  type TDecisionRole,
} from "@/lib/relationships/schema";
import type { TContactDetail, TMapContact } from "@/lib/relationships/view";
import { Button } from "@/components/ui/button";
import { requiredMissing, useFocusFirstError } from "@/components/ui/form-errors";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { useMap } from "./map-context";
import { Modal } from "./sheet";
import { distinct } from "./filters";
import { FormAlert } from "@/components/ui/form-alert";

type Values = {
  name: string;
  email: string;
  jobTitle: string;
  department: string;
  site: string;
  seniority: number;
  reportsToId: string;
  decisionRole: string;
  influence: number;
  attitude: TAttitude;
  attitudeConfidence: number;
  attitudeEvidence: string;
  competitorAffinity: string;
  businessWin: string;
  personalWin: string;
  notes: string;
};

const blank: Values = {
  name: "",
  email: "",
  jobTitle: "",
  department: "",
  site: "",
  seniority: 3,
  reportsToId: "",
  decisionRole: "",
  influence: 3,
  attitude: "NEUTRAL",
  attitudeConfidence: 3,
  attitudeEvidence: "",
  competitorAffinity: "",
  businessWin: "",
  personalWin: "",
  notes: "",
};

const fromContact = (c: TContactDetail): Values => ({
  name: c.name,
  email: c.email,
  jobTitle: c.jobTitle,
  department: c.department,
  site: c.site,
  seniority: c.seniority,
  reportsToId: c.reportsToId ?? "",
  decisionRole: c.decisionRole ?? "",
  influence: c.influence,
  attitude: c.attitude,
  attitudeConfidence: c.attitudeConfidence,
  attitudeEvidence: c.attitudeEvidence,
  competitorAffinity: c.competitorAffinity,
  businessWin: c.businessWin,
  personalWin: c.personalWin,
  notes: c.notes,
});

const toBody = (v: Values) => ({ ...v, reportsToId: v.reportsToId || null, decisionRole: (v.decisionRole || null) as TDecisionRole | null });

export function ContactForm({ contact, onDone, onCancel }: { contact?: TContactDetail; onDone: (saved: TMapContact) => void; onCancel?: () => void }) {
  const { map, accountId, mutate } = useMap();
  const initial = useMemo(() => (contact ? fromContact(contact) : blank), [contact]);
  const [v, setV] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const [busy, setBusy] = useState(false);
  const uid = useId();
  const id = (f: string) => `${uid}-${f}`;
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((cur) => ({ ...cur, [k]: value }));
  const departments = useMemo(() => distinct(map.contacts.map((c) => c.department)), [map.contacts]);
  const sites = useMemo(() => distinct(map.contacts.map((c) => c.site)), [map.contacts]);
  const managers = useMemo(() => [...map.contacts].filter((c) => c.id !== contact?.id).sort((a, b) => a.name.localeCompare(b.name)), [map.contacts, contact?.id]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing = requiredMissing({ name: !v.name.trim() && "Enter the person's name" });
    if (missing) return setErrors(missing);
    setBusy(true);
    setErrors({});
    const body = toBody(v);
    let res;
    if (contact) {
      const before = toBody(initial);
      const changed = Object.fromEntries(Object.entries(body).filter(([k, val]) => before[k as keyof typeof before] !== val));
      if (Object.keys(changed).length === 0) {
        setBusy(false);
        onDone(contact);
        return;
      }
      res = await mutate<TMapContact>({ url: `/api/accounts/${accountId}/contacts/${contact.id}`, method: "PATCH", body: { ...changed, version: contact.version }, success: `Saved ${v.name}` });
    } else {
      res = await mutate<TMapContact>({ url: `/api/accounts/${accountId}/contacts`, method: "POST", body, success: `Added ${v.name}` });
    }
    setBusy(false);
    if (res.ok) onDone(res.data);
    else setErrors(Object.keys(res.fields).length ? res.fields : { form: res.message });
  }

  const err = (f: string) => errors[f];
  return (
    <form ref={formRef} onSubmit={submit} className="space-y-4" aria-label={contact ? `Edit ${contact.name}` : "New person"} noValidate>
      {errors.form && (
        <FormAlert reveal>
          {errors.form}
        </FormAlert>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" htmlFor={id("name")} error={err("name")}>
          <Input id={id("name")} value={v.name} maxLength={LIMITS.name} onChange={(e) => set("name", e.target.value)} aria-required autoFocus={!contact} />
        </Field>
        <Field label="Email" htmlFor={id("email")} error={err("email")} hint="Identifies them in CSV imports">
          <Input id={id("email")} type="email" value={v.email} maxLength={LIMITS.email} onChange={(e) => set("email", e.target.value)} />
        </Field>
        <Field label="Job title" htmlFor={id("jobTitle")} error={err("jobTitle")}>
          <Input id={id("jobTitle")} value={v.jobTitle} maxLength={LIMITS.jobTitle} onChange={(e) => set("jobTitle", e.target.value)} />
        </Field>
        <Field label="Reports to" htmlFor={id("reportsToId")} error={err("reportsToId")}>
          <Select id={id("reportsToId")} value={v.reportsToId} onChange={(e) => set("reportsToId", e.target.value)}>
            <option value="">Nobody recorded</option>
            {managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.jobTitle ? ` — ${m.jobTitle}` : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Department" htmlFor={id("department")} error={err("department")}>
          <Input id={id("department")} list={id("departments")} value={v.department} maxLength={LIMITS.department} onChange={(e) => set("department", e.target.value)} />
          <datalist id={id("departments")}>
            {departments.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
        </Field>
        <Field label="Site" htmlFor={id("site")} error={err("site")}>
          <Input id={id("site")} list={id("sites")} value={v.site} maxLength={LIMITS.site} onChange={(e) => set("site", e.target.value)} />
          <datalist id={id("sites")}>
            {sites.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </Field>
        <Field label="Level" htmlFor={id("seniority")} error={err("seniority")}>
          <Select id={id("seniority")} value={v.seniority} onChange={(e) => set("seniority", Number(e.target.value))}>
            {Object.entries(SENIORITY_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {k} · {l}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Role in the decision" htmlFor={id("decisionRole")} error={err("decisionRole")} hint={v.decisionRole ? DECISION_ROLE_HINTS[v.decisionRole as TDecisionRole] : undefined}>
          <Select id={id("decisionRole")} value={v.decisionRole} onChange={(e) => set("decisionRole", e.target.value)}>
            <option value="">None / not known</option>
            {DECISION_ROLES.map((r) => (
              <option key={r} value={r}>
                {DECISION_ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Influence (1–5)" htmlFor={id("influence")} error={err("influence")}>
          <Select id={id("influence")} value={v.influence} onChange={(e) => set("influence", Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
                {n === 1 ? " · little" : n === 5 ? " · decisive" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Attitude toward us" htmlFor={id("attitude")} error={err("attitude")}>
          <Select id={id("attitude")} value={v.attitude} onChange={(e) => set("attitude", e.target.value as TAttitude)}>
            {ATTITUDES.map((a) => (
              <option key={a} value={a}>
                {ATTITUDE_LABELS[a]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="How sure are we (1–5)" htmlFor={id("attitudeConfidence")} error={err("attitudeConfidence")}>
          <Select id={id("attitudeConfidence")} value={v.attitudeConfidence} onChange={(e) => set("attitudeConfidence", Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
                {n === 1 ? " · a guess" : n === 5 ? " · certain" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Close to competitor" htmlFor={id("competitorAffinity")} error={err("competitorAffinity")}>
          <Input id={id("competitorAffinity")} value={v.competitorAffinity} maxLength={LIMITS.competitorAffinity} onChange={(e) => set("competitorAffinity", e.target.value)} />
        </Field>
      </div>
      <Field label="How we know their attitude" htmlFor={id("attitudeEvidence")} error={err("attitudeEvidence")}>
        <Textarea id={id("attitudeEvidence")} rows={2} value={v.attitudeEvidence} maxLength={LIMITS.evidence} onChange={(e) => set("attitudeEvidence", e.target.value)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Business result they want" htmlFor={id("businessWin")} error={err("businessWin")}>
          <Textarea id={id("businessWin")} rows={2} value={v.businessWin} maxLength={LIMITS.win} onChange={(e) => set("businessWin", e.target.value)} />
        </Field>
        <Field label="Their personal win" htmlFor={id("personalWin")} error={err("personalWin")}>
          <Textarea id={id("personalWin")} rows={2} value={v.personalWin} maxLength={LIMITS.win} onChange={(e) => set("personalWin", e.target.value)} />
        </Field>
      </div>
      <Field label="Notes" htmlFor={id("notes")} error={err("notes")}>
        <Textarea id={id("notes")} rows={3} value={v.notes} maxLength={LIMITS.notes} onChange={(e) => set("notes", e.target.value)} />
      </Field>
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : contact ? "Save changes" : "Add person"}
        </Button>
      </div>
    </form>
  );
}

export function ContactDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { selectPerson } = useMap();
  return (
    <Modal open={open} onOpenChange={onOpenChange} title="Add a person" description="One of the customer's people. Only the name is required; fill in what you know.">
      {open && (
        <ContactForm
          onCancel={() => onOpenChange(false)}
          onDone={(saved) => {
            onOpenChange(false);
            selectPerson(saved.id);
          }}
        />
      )}
    </Modal>
  );
}
