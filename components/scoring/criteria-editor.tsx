"use client";

// Criteria of the selection model: name, weight (typed or dragged, shown as a live percentage of
// the active model), active/inactive, and behind "Details" the description and the written
// meaning of each of the five scale points.
import { useState } from "react";
import { ChevronDown, ChevronRight, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Textarea } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { SCORING_LIMITS } from "@/lib/scoring/schema";
import { DEFAULT_SCALE, newKey, type TCriterionForm } from "./model-form";
import { confirmAction } from "@/components/ui/confirm";

const FieldError = ({ id, message }: { id: string; message?: string }) =>
  message ? (
    <p id={id} role="alert" className="mt-1 text-xs font-medium text-red-700">
      {message}
    </p>
  ) : null;

export function CriteriaEditor({
  criteria,
  errors,
  onChange,
}: {
  criteria: TCriterionForm[];
  errors: Record<string, string>;
  onChange: (next: TCriterionForm[]) => void;
}) {
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const weights = criteria.map((c) => (c.active ? Math.max(0, Number(c.weight) || 0) : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  const update = (i: number, patch: Partial<TCriterionForm>) => onChange(criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  function add() {
    const key = newKey();
    onChange([...criteria, { key, id: null, name: "", description: "", weight: "10", scaleLabels: [...DEFAULT_SCALE], active: true }]);
    setOpen((o) => ({ ...o, [key]: true }));
  }

  return (
    <Card>
      <CardHeader
        title="Criteria"
        description="Weights need not add up to anything: each is shown as its share of the active criteria."
        actions={
          <Button variant="secondary" size="sm" onClick={add}>
            <Plus aria-hidden className="h-4 w-4" /> Add criterion
          </Button>
        }
      />
      {errors.criteria && (
        <p role="alert" className="border-b border-red-100 bg-red-50 px-5 py-2 text-sm text-red-700">
          {errors.criteria}
        </p>
      )}
      <ul className="divide-y divide-slate-100">
        {criteria.map((c, i) => {
          const share = total > 0 ? (weights[i] / total) * 100 : 0;
          const isOpen = open[c.key] ?? false;
          const err = (f: string) => errors[`criteria.${i}.${f}`];
          const labelErrors = c.scaleLabels.map((_, p) => errors[`criteria.${i}.scaleLabels.${p}`]).filter(Boolean);
          const hasHiddenError = Boolean(err("description") || err("scaleLabels") || labelErrors.length);
          return (
            <li key={c.key} className={cn("px-5 py-3", !c.active && "bg-slate-50/70")} data-testid="criterion-editor">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-2">
                <button
                  type="button"
                  className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
                  aria-expanded={isOpen}
                  aria-controls={`criterion-details-${c.key}`}
                  aria-label={`${isOpen ? "Hide" : "Show"} details of ${c.name || "the new criterion"}`}
                  onClick={() => setOpen((o) => ({ ...o, [c.key]: !isOpen }))}
                >
                  {isOpen ? <ChevronDown className="h-4 w-4" /> : <ChevronRight className="h-4 w-4" />}
                </button>
                <div className="min-w-40 flex-1">
                  <label htmlFor={`c-name-${c.key}`} className="sr-only">
                    Criterion {i + 1} name
                  </label>
                  <Input
                    id={`c-name-${c.key}`}
                    value={c.name}
                    maxLength={SCORING_LIMITS.name}
                    placeholder="Criterion name"
                    onChange={(e) => update(i, { name: e.target.value })}
                    aria-invalid={Boolean(err("name"))}
                    aria-describedby={err("name") ? `c-name-${c.key}-error` : undefined}
                    className="h-9 font-medium"
                  />
                  <FieldError id={`c-name-${c.key}-error`} message={err("name")} />
                </div>
                <div className="flex items-center gap-2">
                  <span aria-hidden className="text-xs text-slate-500">
                    Weight
                  </span>
                  <Input
                    id={`c-weight-${c.key}`}
                    inputMode="decimal"
                    value={c.weight}
                    onChange={(e) => update(i, { weight: e.target.value })}
                    aria-label={`Weight of ${c.name || "the new criterion"}`}
                    aria-invalid={Boolean(err("weight"))}
                    aria-describedby={err("weight") ? `c-weight-${c.key}-error` : undefined}
                    className="h-9 w-16 text-right tabular-nums"
                  />
                  <input
                    type="range"
                    min={0}
                    max={50}
                    step={1}
                    value={Math.min(50, Number(c.weight) || 0)}
                    onChange={(e) => update(i, { weight: e.target.value })}
                    aria-label={`Adjust the weight of ${c.name || "the new criterion"}`}
                    className="hidden w-24 accent-brand-600 2xl:block"
                  />
                  <span className="w-11 text-right text-sm font-semibold tabular-nums text-slate-800" data-testid="criterion-share" aria-label={`${share.toFixed(0)} percent`}>
                    {share.toFixed(share > 0 && share < 1 ? 1 : 0)}%
                  </span>
                </div>
                <label className="flex items-center gap-1.5 text-sm text-slate-700">
                  <input type="checkbox" checked={c.active} onChange={(e) => update(i, { active: e.target.checked })} className="h-4 w-4 accent-brand-600" />
                  Active
                </label>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove ${c.name || "the new criterion"}`}
                  title={c.id ? "Only possible while no account has a score on it; otherwise make it inactive" : "Remove"}
                  onClick={async () => {
                    if (c.id && !(await confirmAction({ title: `Remove “${c.name}”?`, body: "This is refused when you save if any account has a score on it; make it inactive instead to keep those scores.", confirmLabel: "Remove criterion", tone: "danger" }))) return;
                    onChange(criteria.filter((_, j) => j !== i));
                  }}
                >
                  <Trash2 aria-hidden className="h-4 w-4" />
                </Button>
              </div>
              <div className="mt-1.5 ml-9 h-1 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                <div className="h-full rounded-full bg-brand-500 transition-[width]" style={{ width: `${share}%` }} />
              </div>
              <FieldError id={`c-weight-${c.key}-error`} message={err("weight")} />
              {!isOpen && hasHiddenError && (
                <p className="ml-9 mt-1 text-xs font-medium text-red-600">
                  The description or scale of this criterion needs attention: show its details.
                </p>
              )}
              {isOpen && (
                <div id={`criterion-details-${c.key}`} className="ml-9 mt-3 space-y-3">
                  <div>
                    <label htmlFor={`c-desc-${c.key}`} className="block text-xs font-medium text-slate-600">
                      Description
                    </label>
                    <Textarea
                      id={`c-desc-${c.key}`}
                      rows={2}
                      maxLength={SCORING_LIMITS.description}
                      value={c.description}
                      onChange={(e) => update(i, { description: e.target.value })}
                      className="mt-1"
                    />
                  </div>
                  <fieldset>
                    <legend className="text-xs font-medium text-slate-600">What each point means</legend>
                    <div className="mt-1 grid gap-2 sm:grid-cols-5">
                      {c.scaleLabels.map((label, p) => (
                        <div key={p}>
                          <label htmlFor={`c-scale-${c.key}-${p}`} className="text-[11px] font-semibold text-slate-500">
                            {p + 1}
                          </label>
                          <Textarea
                            id={`c-scale-${c.key}-${p}`}
                            rows={3}
                            maxLength={SCORING_LIMITS.scaleLabel}
                            value={label}
                            aria-invalid={Boolean(errors[`criteria.${i}.scaleLabels.${p}`])}
                            onChange={(e) => update(i, { scaleLabels: c.scaleLabels.map((l, q) => (q === p ? e.target.value : l)) })}
                            className="text-xs"
                          />
                          <FieldError id={`c-scale-${c.key}-${p}-error`} message={errors[`criteria.${i}.scaleLabels.${p}`]} />
                        </div>
                      ))}
                    </div>
                  </fieldset>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
