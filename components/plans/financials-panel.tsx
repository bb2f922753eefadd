"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Check, Pencil, Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { cn } from "@/lib/cn";
import { formatMoney, formatMoneyShort } from "@/lib/format";
import type { TTargetVsActual } from "@/lib/plans/model";
import { MAX_YEAR, MIN_YEAR } from "@/lib/plans/schema";
import type { TFinancialYearView } from "@/lib/plans/view";
import { PHONE_COLUMN, PHONE_ONLY } from "@/components/ui/fold";
import { ShortOnPhone } from "@/components/ui/short-on-phone";
import { TargetsChart } from "./targets-chart";

type Draft = { targetRevenue: string; targetMargin: string; actualRevenue: string; actualMargin: string };
const toStr = (n: number | null) => (n === null ? "" : String(n));
const toNum = (s: string) => (s.trim() === "" ? null : Number(s));

function YearEditor({ accountId, year, row, record, onDone }: { accountId: string; year: number; row?: TTargetVsActual; record?: TFinancialYearView; onDone: () => void }) {
  const router = useRouter();
  const [d, setD] = useState<Draft>({
    targetRevenue: toStr(record?.targetRevenue ?? row?.targetRevenue ?? null),
    targetMargin: toStr(record?.targetMargin ?? row?.targetMargin ?? null),
    actualRevenue: toStr(record?.actualRevenue ?? null),
    actualMargin: toStr(record?.actualMargin ?? null),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    setErrors({});
    const body = {
      year,
      targetRevenue: toNum(d.targetRevenue),
      targetMargin: toNum(d.targetMargin),
      actualRevenue: toNum(d.actualRevenue),
      actualMargin: toNum(d.actualMargin),
    };
    const outcome = changeToast(`financials-${year}`);
    try {
      if (record) await api(`/api/accounts/${accountId}/plan/financials/${year}`, { method: "PATCH", body: { ...body, version: record.version } });
      else await api(`/api/accounts/${accountId}/plan/financials`, { method: "POST", body });
      outcome.done(`${year} saved`);
      onDone();
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        outcome.failed(`Someone else changed ${year} a moment ago. Reloaded: check the figures and save again.`);
        router.refresh();
        onDone();
      } else {
        if (e instanceof ApiError) setErrors(e.fields);
        outcome.failedWith(e, "Could not save the figures");
      }
    } finally {
      setBusy(false);
    }
  }
  const cell = (k: keyof Draft, label: string) => (
    <td className="px-1 py-1">
      <label htmlFor={`fy-${year}-${k}`} className="sr-only">
        {label} {year}
      </label>
      <Input
        id={`fy-${year}-${k}`}
        type="number"
        inputMode="decimal"
        step={1000}
        value={d[k]}
        onChange={(e) => setD({ ...d, [k]: e.target.value })}
        aria-invalid={Boolean(errors[k]) || undefined}
        title={errors[k]}
        // No spin buttons: they would cover the last digits of a seven-figure sum.
        className="h-8 min-w-[5.5rem] px-2 text-right tabular-nums [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none"
      />
    </td>
  );
  return (
    <tr className="bg-brand-50/40">
      <td className="px-2 py-1 font-medium">{year}</td>
      {cell("targetRevenue", "Target revenue")}
      {cell("actualRevenue", "Actual revenue")}
      {cell("targetMargin", "Target margin")}
      {cell("actualMargin", "Actual margin")}
      <td className="px-2 py-1 text-right" colSpan={2}>
        {/* Icons, so that the row being edited fits the card on a laptop screen. */}
        <div className="flex justify-end gap-1">
          <Button size="sm" onClick={save} disabled={busy} aria-label={`Save ${year}`} title="Save" className="h-8 w-8 px-0">
            <Check aria-hidden className="h-4 w-4" />
          </Button>
          <Button size="sm" variant="ghost" onClick={onDone} aria-label={`Cancel editing ${year}`} title="Cancel" className="h-8 w-8 px-0">
            <X aria-hidden className="h-4 w-4" />
          </Button>
        </div>
      </td>
    </tr>
  );
}

export function FinancialsPanel({ accountId, rows, financials, canEdit, thisYear }: { accountId: string; rows: TTargetVsActual[]; financials: TFinancialYearView[]; canEdit: boolean; thisYear: number }) {
  const [editing, setEditing] = useState<number | null>(null);
  const [adding, setAdding] = useState<number | null>(null);
  const byYear = new Map(financials.map((f) => [f.year, f]));
  const years = rows.map((r) => r.year);
  const suggestion = years.length ? Math.min(...years) - 1 : thisYear - 1;
  // On a phone (below 640 px) each target goes under its actual, rounded ("target €13.8m"; the
  // chart above and a wider screen give it whole), and cells are tighter, so the table fits.
  // While a year is being edited, every column is shown, each with its own input.
  const fold = editing === null && adding === null;
  const targetColumn = fold ? PHONE_COLUMN : undefined;
  const head = (short: string, full: string) => (fold ? <ShortOnPhone short={short}>{full}</ShortOnPhone> : full);
  return (
    <Card>
      <CardHeader
        title="Targets and actuals"
        description="Revenue and margin per year: the plan's targets against what we actually did."
        actions={
          canEdit && adding === null && suggestion >= MIN_YEAR && suggestion <= MAX_YEAR ? (
            <Button variant="secondary" size="sm" onClick={() => setAdding(suggestion)}>
              <Plus aria-hidden className="h-4 w-4" /> Record {suggestion} figures
            </Button>
          ) : undefined
        }
      />
      <CardBody className="space-y-4">
        {rows.length ? <TargetsChart rows={rows} /> : <p className="text-sm text-slate-500">No targets yet: add yearly targets in the draft, or record a past year here.</p>}
        {(rows.length > 0 || adding !== null) && (
          <div className="relative overflow-x-auto">
            <table className="w-full text-sm tabular-nums" data-testid="targets-actuals">
              <thead>
                <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                  <th className="px-1 py-1.5 sm:px-2 text-left font-medium">Year</th>
                  <th className={cn("px-1 py-1.5 sm:px-2 text-right font-medium", targetColumn)}>Target revenue</th>
                  <th className="px-1 py-1.5 sm:px-2 text-right font-medium">{head("Revenue", "Actual revenue")}</th>
                  <th className={cn("px-1 py-1.5 sm:px-2 text-right font-medium", targetColumn)}>Target margin</th>
                  <th className="px-1 py-1.5 sm:px-2 text-right font-medium">{head("Margin", "Actual margin")}</th>
                  <th className="px-1 py-1.5 sm:px-2 text-right font-medium">{head("vs target", "Revenue vs target")}</th>
                  <th className="px-1 py-1.5 sm:px-2">
                    <span className="sr-only">Edit</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {adding !== null && <YearEditor accountId={accountId} year={adding} onDone={() => setAdding(null)} />}
                {rows.map((r) =>
                  editing === r.year ? (
                    <YearEditor key={r.year} accountId={accountId} year={r.year} row={r} record={byYear.get(r.year)} onDone={() => setEditing(null)} />
                  ) : (
                    <tr key={r.year} className="border-b border-slate-100" data-testid={`fy-${r.year}`}>
                      <td className="px-1 py-1.5 sm:px-2 font-medium text-slate-900">{r.year}</td>
                      <td className={cn("px-1 py-1.5 sm:px-2 text-right text-slate-600", targetColumn)}>{formatMoney(r.targetRevenue)}</td>
                      <td className="px-1 py-1.5 sm:px-2 text-right font-medium text-slate-900">
                        {formatMoney(r.actualRevenue)}
                        {fold && <span className={cn("block text-xs font-normal text-slate-500", PHONE_ONLY)}>target {formatMoneyShort(r.targetRevenue)}</span>}
                      </td>
                      <td className={cn("px-1 py-1.5 sm:px-2 text-right text-slate-600", targetColumn)}>{formatMoney(r.targetMargin)}</td>
                      <td className="px-1 py-1.5 sm:px-2 text-right font-medium text-slate-900">
                        {formatMoney(r.actualMargin)}
                        {fold && <span className={cn("block text-xs font-normal text-slate-500", PHONE_ONLY)}>target {formatMoneyShort(r.targetMargin)}</span>}
                      </td>
                      <td
                        className={cn(
                          "px-1 py-1.5 sm:px-2 text-right font-medium",
                          r.revenueAttainment === null ? "text-slate-500" : r.revenueAttainment >= 1 ? "text-emerald-700" : r.revenueAttainment >= 0.9 ? "text-amber-700" : "text-red-700",
                        )}
                      >
                        {r.revenueAttainment === null ? "—" : `${Math.round(r.revenueAttainment * 100)}%`}
                      </td>
                      <td className="px-1 py-1.5 sm:px-2 text-right">
                        {canEdit && (
                          <Button variant="ghost" size="sm" onClick={() => setEditing(r.year)} aria-label={`Edit ${r.year}`} className="w-8 px-0">
                            <Pencil aria-hidden className="h-3.5 w-3.5" />
                          </Button>
                        )}
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
