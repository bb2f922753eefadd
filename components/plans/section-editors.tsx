"use client";

// Editors for the plan's sections: prose fields that grow with their text, the objectives list
// and the yearly financial targets. Each calls `onChange` with the whole new value; the draft
// editor owns saving.
import { useRef } from "react";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select, useTypedBeforeHydration } from "@/components/ui/field";
import { PHONE_COLUMN, PHONE_ONLY } from "@/components/ui/fold";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/format";
import { LIMITS, MAX_YEAR, type TFinancialTarget, type TObjective } from "@/lib/plans/schema";
import { confirmAction } from "@/components/ui/confirm";

const textareaClass =
  "block w-full resize-y rounded-md border border-slate-300 bg-white px-3 py-2 text-[15px] leading-relaxed text-slate-900 shadow-sm [field-sizing:content] placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200 disabled:bg-slate-50 aria-[invalid=true]:border-red-400";

export function ProseField({
  id,
  label,
  value,
  onChange,
  onBlur,
  placeholder,
  max,
  minRows = 3,
  disabled,
  hideLabel,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  max: number;
  minRows?: number;
  disabled?: boolean;
  hideLabel?: boolean;
}) {
  const near = value.length > max * 0.9;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={cn("block text-sm font-medium text-slate-700", hideLabel && "sr-only")}>
        {label}
      </label>
      <KeptTextarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={value.length > max || undefined}
        style={{ minHeight: `${minRows * 1.65 + 1}rem` }}
        className={textareaClass}
      />
      {near && (
        <p className={cn("text-right text-xs", value.length > max ? "font-medium text-red-600" : "text-slate-500")}>
          {value.length.toLocaleString("en")} / {max.toLocaleString("en")} characters
        </p>
      )}
    </div>
  );
}

/** A plain controlled textarea that keeps what was typed before the page's scripts ran. */
function KeptTextarea({ value, ...props }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { value: string }) {
  const keepTyped = useTypedBeforeHydration<HTMLTextAreaElement>(value);
  return <textarea ref={keepTyped} value={value} {...props} />;
}

/** Ids for new objectives: short, stable, unique enough within one plan. */
function newObjectiveId(): string {
  const rnd = typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return `obj-${rnd.replace(/-/g, "").slice(0, 10)}`;
}

export function ObjectivesEditor({
  value,
  onChange,
  onBlur,
  disabled,
  thisYear,
}: {
  value: TObjective[];
  onChange: (v: TObjective[]) => void;
  onBlur?: () => void;
  disabled?: boolean;
  thisYear: number;
}) {
  const addButton = useRef<HTMLButtonElement>(null);
  const update = (i: number, patch: Partial<TObjective>) => onChange(value.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const remove = async (i: number) => {
    const o = value[i];
    const asked = o.title.trim() || o.description.trim();
    if (asked && !(await confirmAction({ title: `Remove the objective “${o.title.trim() || "untitled"}”?`, body: "It leaves the draft. Earlier versions keep it.", confirmLabel: "Remove objective", tone: "danger" }))) return;
    onChange(value.filter((_, j) => j !== i));
    // Its remove button is gone with it: a keyboard carries on from "Add objective", not the page's top.
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const years = Array.from({ length: 7 }, (_, k) => thisYear + k);
  return (
    <div className="space-y-3">
      {value.length === 0 && <p className="text-sm text-slate-500">No objectives yet. What do we want to achieve with this customer over the next years?</p>}
      {value.map((o, i) => (
        <div key={o.id} className="rounded-lg border border-slate-200 bg-slate-50/60 p-3" data-testid="objective">
          <div className="flex flex-wrap items-start gap-2">
            <span className="mt-2 flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-white text-xs font-semibold text-slate-600 ring-1 ring-slate-200">{i + 1}</span>
            <div className="min-w-0 flex-1 space-y-2">
              <label className="sr-only" htmlFor={`obj-title-${o.id}`}>
                Objective {i + 1} title
              </label>
              <Input
                id={`obj-title-${o.id}`}
                value={o.title}
                maxLength={LIMITS.objectiveTitle}
                placeholder="e.g. Become their sole supplier for field service"
                onChange={(e) => update(i, { title: e.target.value })}
                onBlur={onBlur}
                disabled={disabled}
                className="font-medium"
              />
              <label className="sr-only" htmlFor={`obj-desc-${o.id}`}>
                Objective {i + 1} description
              </label>
              <KeptTextarea
                id={`obj-desc-${o.id}`}
                value={o.description}
                maxLength={LIMITS.objectiveDescription}
                placeholder="Why it matters and how we will know we got there"
                onChange={(e) => update(i, { description: e.target.value })}
                onBlur={onBlur}
                disabled={disabled}
                className={cn(textareaClass, "min-h-[4.5rem] text-sm")}
              />
            </div>
            <div className="flex w-full items-center gap-2 pl-8 sm:w-auto sm:flex-col sm:items-end sm:pl-0">
              <label className="sr-only" htmlFor={`obj-year-${o.id}`}>
                Objective {i + 1} target year
              </label>
              <Select
                id={`obj-year-${o.id}`}
                value={o.horizonYear ?? ""}
                onChange={(e) => update(i, { horizonYear: e.target.value ? Number(e.target.value) : null })}
                onBlur={onBlur}
                disabled={disabled}
                className="h-9 w-32"
              >
                <option value="">No year</option>
                {[...new Set([...(o.horizonYear ? [o.horizonYear] : []), ...years])].sort().map((y) => (
                  <option key={y} value={y}>
                    by {y}
                  </option>
                ))}
              </Select>
              <Button variant="ghost" size="sm" onClick={() => remove(i)} disabled={disabled} aria-label={`Remove objective ${i + 1}`}>
                <Trash2 aria-hidden className="h-4 w-4" />
              </Button>
            </div>
          </div>
        </div>
      ))}
      {!disabled && value.length < LIMITS.objectives && (
        <Button ref={addButton} variant="secondary" size="sm" onClick={() => onChange([...value, { id: newObjectiveId(), title: "", description: "", horizonYear: null }])}>
          <Plus aria-hidden className="h-4 w-4" /> Add objective
        </Button>
      )}
    </div>
  );
}

function MoneyInput({ id, label, value, onChange, onBlur, disabled }: { id: string; label: string; value: number | null; onChange: (v: number | null) => void; onBlur?: () => void; disabled?: boolean }) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Input
        id={id}
        type="number"
        inputMode="decimal"
        step={1000}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" || Number.isNaN(e.target.valueAsNumber) ? null : e.target.valueAsNumber)}
        onBlur={onBlur}
        disabled={disabled}
        className="h-9 text-right tabular-nums"
        placeholder="—"
      />
      {/* Raw digits are hard to read; echo the amount the way the rest of the app shows money. */}
      <span className="mt-0.5 block text-right text-xs text-slate-500" aria-hidden>
        {value === null ? "\u00a0" : formatMoney(value)}
      </span>
    </>
  );
}

const marginShare = (t: TFinancialTarget) => (t.revenue && t.margin !== null ? `${((t.margin / t.revenue) * 100).toFixed(1)}%` : "—");

export function TargetsEditor({
  value,
  onChange,
  onBlur,
  disabled,
  thisYear,
}: {
  value: TFinancialTarget[];
  onChange: (v: TFinancialTarget[]) => void;
  onBlur?: () => void;
  disabled?: boolean;
  thisYear: number;
}) {
  const rows = [...value].sort((a, b) => a.year - b.year);
  const update = (year: number, patch: Partial<TFinancialTarget>) => onChange(rows.map((t) => (t.year === year ? { ...t, ...patch } : t)));
  const lastYear = rows.length ? rows[rows.length - 1].year : thisYear - 1;
  const canAdd = rows.length < LIMITS.horizonYears && lastYear < MAX_YEAR;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-500">Revenue and gross margin we aim for each year, over a horizon of 1 to {LIMITS.horizonYears} years.</p>
      {rows.length > 0 && (
        <div className="relative overflow-x-auto">
          {/* On a phone the margin % goes under the margin, so that the table fits without scrolling. */}
          <table className="w-full text-sm sm:min-w-[32rem]" data-testid="targets-editor">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="pb-2 pr-3 font-medium">Year</th>
                <th className="pb-2 pr-3 text-right font-medium">Revenue (€)</th>
                <th className="pb-2 pr-3 text-right font-medium">Margin (€)</th>
                <th className={`pb-2 pr-3 text-right font-medium ${PHONE_COLUMN}`}>Margin %</th>
                <th className="pb-2">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => (
                <tr key={t.year} data-testid={`target-${t.year}`} className="align-top">
                  <td className="pb-1 pr-3 pt-3 font-medium tabular-nums text-slate-900">{t.year}</td>
                  <td className="py-1 pr-3">
                    <MoneyInput id={`target-rev-${t.year}`} label={`Target revenue ${t.year}`} value={t.revenue} onChange={(v) => update(t.year, { revenue: v })} onBlur={onBlur} disabled={disabled} />
                  </td>
                  <td className="py-1 pr-3">
                    <MoneyInput id={`target-margin-${t.year}`} label={`Target margin ${t.year}`} value={t.margin} onChange={(v) => update(t.year, { margin: v })} onBlur={onBlur} disabled={disabled} />
                    <span className={`block text-right text-xs tabular-nums text-slate-500 ${PHONE_ONLY}`}>{marginShare(t)} margin</span>
                  </td>
                  <td className={`pb-1 pr-3 pt-3 text-right tabular-nums text-slate-500 ${PHONE_COLUMN}`}>{marginShare(t)}</td>
                  <td className="py-1 text-right">
                    {!disabled && (t.year === rows[0].year || t.year === lastYear) && (
                      <Button variant="ghost" size="sm" aria-label={`Remove ${t.year}`} onClick={() => onChange(rows.filter((r) => r.year !== t.year))}>
                        <Trash2 aria-hidden className="h-4 w-4" />
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!disabled && canAdd && (
        <Button variant="secondary" size="sm" onClick={() => onChange([...rows, { year: lastYear + 1, revenue: null, margin: null }])}>
          <Plus aria-hidden className="h-4 w-4" /> Add {lastYear + 1}
        </Button>
      )}
    </div>
  );
}
