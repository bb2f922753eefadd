"use client";

// One criterion on the scorecard: the 1–5 scale with the written meaning of each point, the
// rationale, and what the criterion weighs and contributes. Read-only for people who may not score.
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Textarea } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { Ago } from "@/components/ui/ago";
import { SCORING_LIMITS } from "@/lib/scoring/schema";
import type { TBreakdownJson } from "./types";

export type TCriterionEdit = { value: number | null; rationale: string };

export function CriterionRow({
  row,
  edit,
  canEdit,
  error,
  onChange,
}: {
  row: TBreakdownJson;
  edit: TCriterionEdit;
  canEdit: boolean;
  error?: string;
  onChange: (next: TCriterionEdit) => void;
}) {
  const id = useId();
  const dirty = edit.value !== row.value || edit.rationale !== row.rationale;
  const value = edit.value;
  const zeroWeight = row.modelWeight === 0;
  return (
    <li className="px-5 py-4" data-testid="criterion-row" data-criterion={row.name}>
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <h3 id={`${id}-name`} className="flex items-center gap-2 text-sm font-semibold text-slate-900">
            {row.name}
            {value === null && <Badge tone="amber">Not scored</Badge>}
            {dirty && <Badge tone="blue">Unsaved</Badge>}
          </h3>
          {row.description && <p className="mt-0.5 text-sm text-slate-500">{row.description}</p>}
        </div>
        <dl className="flex shrink-0 gap-4 text-right text-xs text-slate-500">
          <div>
            <dt>Weight</dt>
            <dd className="text-sm font-semibold tabular-nums text-slate-800" title={row.value === null ? "Share of the model" : "Share of this account's score (unscored criteria left out)"}>
              {zeroWeight ? "0%" : `${(row.value === null ? row.modelWeight : row.weight).toFixed(0)}%`}
            </dd>
          </div>
          <div>
            <dt>Contributes</dt>
            <dd className="text-sm font-semibold tabular-nums text-slate-800">{row.value === null ? "—" : `${row.contribution.toFixed(1)} pts`}</dd>
          </div>
        </dl>
      </div>

      {canEdit ? (
        <fieldset className="mt-3" aria-describedby={error ? `${id}-error` : undefined}>
          <legend className="sr-only">Score for {row.name}</legend>
          <div className="grid grid-cols-5 gap-1.5">
            {row.scaleLabels.map((label, i) => {
              const point = i + 1;
              const checked = value === point;
              return (
                <label
                  key={point}
                  title={label}
                  className={cn(
                    "flex min-h-14 cursor-pointer flex-col items-center justify-start rounded-md border px-1.5 py-1.5 text-center text-[11px] leading-tight transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-300",
                    checked ? "border-brand-600 bg-brand-50 text-brand-900" : "border-slate-200 bg-white text-slate-500 hover:border-slate-300 hover:bg-slate-50",
                  )}
                >
                  <input
                    type="radio"
                    className="sr-only"
                    name={`${id}-value`}
                    value={point}
                    checked={checked}
                    aria-label={`${point}: ${label}`}
                    onChange={() => onChange({ ...edit, value: point })}
                  />
                  <span className={cn("text-sm font-semibold tabular-nums", checked ? "text-brand-700" : "text-slate-700")}>{point}</span>
                  <span className="mt-0.5 line-clamp-2 hidden sm:block">{label}</span>
                </label>
              );
            })}
          </div>
          {value !== null && (
            <div className="mt-1.5 flex items-center justify-between gap-3">
              <p className="text-xs text-slate-600 sm:invisible">
                {value}: {row.scaleLabels[value - 1]}
              </p>
              <button
                type="button"
                className="shrink-0 rounded text-xs font-medium text-slate-500 underline-offset-2 hover:text-slate-800 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-300"
                aria-label={`Clear the score for ${row.name}`}
                onClick={() => onChange({ value: null, rationale: "" })}
              >
                Clear score
              </button>
            </div>
          )}
          <label htmlFor={`${id}-rationale`} className="mt-3 block text-xs font-medium text-slate-600">
            Why this score?
          </label>
          <Textarea
            id={`${id}-rationale`}
            rows={2}
            maxLength={SCORING_LIMITS.rationale}
            value={edit.rationale}
            placeholder="The evidence behind the score, so the next person scores alike"
            onChange={(e) => onChange({ ...edit, rationale: e.target.value })}
            className="mt-1"
          />
          {error && (
            <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">
              {error}
            </p>
          )}
        </fieldset>
      ) : (
        <div className="mt-3 space-y-1.5">
          {value === null ? (
            <p className="text-sm text-slate-500">Not scored yet.</p>
          ) : (
            <p className="text-sm text-slate-800">
              <span className="mr-2 inline-flex h-6 w-6 items-center justify-center rounded-md bg-brand-50 text-sm font-semibold text-brand-700">{value}</span>
              {row.scaleLabels[value - 1]}
            </p>
          )}
          {row.rationale ? (
            <p className="whitespace-pre-wrap text-sm text-slate-600">{row.rationale}</p>
          ) : (
            value !== null && <p className="text-sm italic text-slate-500">No rationale written.</p>
          )}
        </div>
      )}
      {row.value !== null && (
        <div className="mt-2 flex items-center gap-3">
          <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-100" aria-hidden>
            <div className="h-full rounded-full bg-brand-500" style={{ width: `${row.weight ? (row.contribution / row.weight) * 100 : 0}%` }} />
          </div>
          {row.updatedAt && (
            <span className="shrink-0 text-xs text-slate-500">
              {row.updatedBy ? `${row.updatedBy.name}, ` : ""}
              <Ago at={row.updatedAt} />
            </span>
          )}
        </div>
      )}
    </li>
  );
}
