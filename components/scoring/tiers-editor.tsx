"use client";

// Tiers of the selection model, highest service level first: name (or a naming scheme), the
// minimum score, capacity, and the service level each tier promises. The last tier is always
// "not a key account" and starts at 0.
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { NAMING_SCHEMES, applyNamingScheme, type TNamingSchemeId } from "@/lib/scoring/naming";
import { SCORING_LIMITS } from "@/lib/scoring/schema";
import { newKey, type TTierForm } from "./model-form";
import { TierScale } from "./tier-scale";
import { tierColor } from "./tier-colors";
import { confirmAction } from "@/components/ui/confirm";
import { FormAlert } from "@/components/ui/form-alert";

export function TiersEditor({
  tiers,
  namingScheme,
  errors,
  onChange,
}: {
  tiers: TTierForm[];
  namingScheme: TNamingSchemeId;
  errors: Record<string, string>;
  onChange: (tiers: TTierForm[], namingScheme: TNamingSchemeId) => void;
}) {
  const update = (i: number, patch: Partial<TTierForm>) => {
    const next = tiers.map((t, j) => (j === i ? { ...t, ...patch } : t));
    // Typing a name of one's own leaves the scheme.
    const renamed = patch.name !== undefined && tiers[i].isKey && NAMING_SCHEMES[namingScheme].keyTierNames[i] !== patch.name;
    onChange(next, renamed ? "custom" : namingScheme);
  };
  const withRanks = (list: TTierForm[]) => list.map((t, i) => ({ ...t, rank: i + 1 }));

  function pickScheme(scheme: TNamingSchemeId) {
    const renamed = applyNamingScheme(withRanks(tiers), scheme).map(({ rank: _rank, ...t }) => t);
    onChange(renamed, scheme);
  }

  function addTier() {
    const keyTiers = tiers.filter((t) => t.isKey);
    const lowestKey = keyTiers[keyTiers.length - 1];
    const below = Number(lowestKey?.minScore ?? 50);
    const t: TTierForm = {
      key: newKey(),
      id: null,
      name: "",
      minScore: String(Math.max(1, Math.round(below / 2))),
      isKey: true,
      reviewEveryMonths: "12",
      contactEveryDays: "90",
      executiveSponsor: false,
      dedicatedTeam: false,
      serviceNotes: "",
      capacity: "",
    };
    const next = [...keyTiers, t, ...tiers.filter((x) => !x.isKey)];
    onChange(namingScheme === "custom" ? next : applyNamingScheme(withRanks(next), namingScheme).map(({ rank: _rank, ...x }) => x), namingScheme);
  }

  const scale = tiers.map((t, i) => ({ id: t.key, name: t.name || "…", rank: i + 1, minScore: Number(t.minScore) || 0, isKey: t.isKey }));

  return (
    <Card>
      <CardHeader
        title="Tiers and service levels"
        description="An account lands in the highest tier whose minimum score it reaches. Tiers mean the service we promise, not better or worse customers."
        actions={
          <Button variant="secondary" size="sm" onClick={addTier} disabled={tiers.length >= SCORING_LIMITS.tiers}>
            <Plus aria-hidden className="h-4 w-4" /> Add tier
          </Button>
        }
      />
      <CardBody className="space-y-4">
        <div className="flex flex-wrap items-end gap-4">
          <Field label="Naming scheme" htmlFor="naming-scheme" className="w-72">
            <Select id="naming-scheme" value={namingScheme} onChange={(e) => pickScheme(e.target.value as TNamingSchemeId)}>
              {Object.values(NAMING_SCHEMES).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </Select>
          </Field>
          <TierScale tiers={scale} className="min-w-64 flex-1" label="Thresholds of the draft" />
        </div>
        {errors.tiers && (
          <FormAlert>
            {errors.tiers}
          </FormAlert>
        )}
        <ol className="space-y-3">
          {tiers.map((t, i) => {
            const err = (f: string) => errors[`tiers.${i}.${f}`];
            const color = tierColor({ rank: i + 1, isKey: t.isKey });
            const id = (f: string) => `t-${f}-${t.key}`;
            return (
              <li key={t.key} className="rounded-lg border border-slate-200 p-4" style={{ borderLeft: `4px solid ${color.fill}` }} data-testid="tier-editor">
                <div className="mb-3 flex items-center justify-between gap-2">
                  <h3 className="text-sm font-semibold text-slate-800">{t.isKey ? `Tier ${i + 1}` : "Lowest tier: not a key account"}</h3>
                  {t.isKey && tiers.filter((x) => x.isKey).length > 1 && (
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove the tier ${t.name || i + 1}`}
                      onClick={async () => {
                        if (t.id && !(await confirmAction({ title: `Remove the tier “${t.name}”?`, body: "Its accounts are re-tiered when you save.", confirmLabel: "Remove tier", tone: "danger" }))) return;
                        onChange(tiers.filter((_, j) => j !== i), namingScheme);
                      }}
                    >
                      <Trash2 aria-hidden className="h-4 w-4" /> Remove
                    </Button>
                  )}
                </div>
                <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                  <Field label="Name" htmlFor={id("name")} error={err("name")} className="sm:col-span-2">
                    <Input id={id("name")} value={t.name} maxLength={SCORING_LIMITS.name} onChange={(e) => update(i, { name: e.target.value })} aria-invalid={Boolean(err("name"))} />
                  </Field>
                  <Field label="Minimum score" htmlFor={id("min")} error={err("minScore")} hint={t.isKey ? undefined : "Every account starts here"}>
                    <Input
                      id={id("min")}
                      inputMode="decimal"
                      value={t.minScore}
                      disabled={!t.isKey}
                      onChange={(e) => update(i, { minScore: e.target.value })}
                      aria-invalid={Boolean(err("minScore"))}
                      className="tabular-nums"
                    />
                  </Field>
                  <Field label="Capacity (accounts)" htmlFor={id("cap")} error={err("capacity")} hint="Empty: no limit">
                    <Input id={id("cap")} inputMode="numeric" value={t.capacity} onChange={(e) => update(i, { capacity: e.target.value })} aria-invalid={Boolean(err("capacity"))} />
                  </Field>
                  <Field label="Plan review every (months)" htmlFor={id("review")} error={err("reviewEveryMonths")}>
                    <Input id={id("review")} inputMode="numeric" value={t.reviewEveryMonths} onChange={(e) => update(i, { reviewEveryMonths: e.target.value })} aria-invalid={Boolean(err("reviewEveryMonths"))} />
                  </Field>
                  <Field label="Contact every (days)" htmlFor={id("contact")} error={err("contactEveryDays")}>
                    <Input id={id("contact")} inputMode="numeric" value={t.contactEveryDays} onChange={(e) => update(i, { contactEveryDays: e.target.value })} aria-invalid={Boolean(err("contactEveryDays"))} />
                  </Field>
                  <div className="flex flex-wrap items-end gap-x-5 gap-y-2 pb-2 text-sm text-slate-700 sm:col-span-2">
                    <label className="flex items-center gap-2">
                      <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={t.executiveSponsor} onChange={(e) => update(i, { executiveSponsor: e.target.checked })} />
                      Executive sponsor
                    </label>
                    <label className="flex items-center gap-2">
                      <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={t.dedicatedTeam} onChange={(e) => update(i, { dedicatedTeam: e.target.checked })} />
                      Dedicated team
                    </label>
                  </div>
                  <Field label="What else we promise" htmlFor={id("notes")} error={err("serviceNotes")} className="sm:col-span-2 lg:col-span-4">
                    <Textarea id={id("notes")} rows={2} maxLength={SCORING_LIMITS.serviceNotes} value={t.serviceNotes} onChange={(e) => update(i, { serviceNotes: e.target.value })} />
                  </Field>
                </div>
              </li>
            );
          })}
        </ol>
      </CardBody>
    </Card>
  );
}
