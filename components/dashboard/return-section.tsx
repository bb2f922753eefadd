"use client";

// Is it paying off: revenue and margin against plan targets per year, per tier and in total,
// and the accounts' lifecycle stages as a funnel.
import { formatMoney } from "@/lib/format";
import type { TDashboard, TReturnRow, TStageRow } from "@/lib/dashboard/view";
import { ChartCard, type TColumn } from "./chart-card";
import { ReturnsChart, SimpleBars } from "./charts";
import { FigureLink, formatCount, formatPercent } from "./figure";

type TRow = TReturnRow & { year: number; total: boolean };
const attainment = (r: TRow) => (r.actualRevenue !== null && r.targetRevenue ? r.actualRevenue / r.targetRevenue : null);

const columns: TColumn<TRow>[] = [
  { header: "Year", cell: (r) => (r.total ? <span className="font-semibold">{r.year}</span> : <span className="sr-only">{r.year}</span>), csv: (r) => r.year },
  { header: "Tier", cell: (r) => (r.total ? <span className="font-semibold">All tiers</span> : <span className="pl-3 text-slate-600">{r.name}</span>), csv: (r) => (r.total ? "All tiers" : r.name) },
  {
    header: "Accounts",
    align: "right",
    cell: (r) => <FigureLink metric={r.total ? `year:${r.year}` : `year:${r.year}:tier:${r.tierId ?? "none"}`} label={`Accounts with figures for ${r.year}${r.total ? "" : ` in ${r.name}`}`}>{formatCount(r.accounts)}</FigureLink>,
    csv: (r) => r.accounts,
  },
  { header: "Target revenue", align: "right", cell: (r) => formatMoney(r.targetRevenue), csv: (r) => r.targetRevenue },
  { header: "Actual revenue", align: "right", cell: (r) => formatMoney(r.actualRevenue), csv: (r) => r.actualRevenue },
  {
    header: "Attainment",
    align: "right",
    cell: (r) => {
      const a = attainment(r);
      return <span className={a === null ? "text-slate-500" : a >= 1 ? "text-emerald-700" : a >= 0.9 ? "text-amber-700" : "text-red-700"}>{formatPercent(a)}</span>;
    },
    csv: (r) => {
      const a = attainment(r);
      return a === null ? null : Math.round(a * 1000) / 10;
    },
  },
  { header: "Target margin", align: "right", cell: (r) => formatMoney(r.targetMargin), csv: (r) => r.targetMargin },
  { header: "Actual margin", align: "right", cell: (r) => formatMoney(r.actualMargin), csv: (r) => r.actualMargin },
  {
    header: "Below target",
    align: "right",
    cell: (r) => (r.total ? <FigureLink metric={`year:${r.year}:missed`} label={`Accounts below their revenue target in ${r.year}`}>{formatCount(r.missed)}</FigureLink> : formatCount(r.missed)),
    csv: (r) => r.missed,
  },
];

const stageColumns: TColumn<TStageRow>[] = [
  { header: "Stage", cell: (s) => s.label, csv: (s) => s.label },
  { header: "Accounts", align: "right", cell: (s) => <FigureLink metric={`stage:${s.stage}`} label={`Accounts in ${s.label}`}>{formatCount(s.accounts)}</FigureLink>, csv: (s) => s.accounts },
  { header: "Revenue this year", align: "right", cell: (s) => formatMoney(s.revenue), csv: (s) => s.revenue },
];

export function ReturnSection({ d }: { d: TDashboard }) {
  const rows: TRow[] = d.returns.flatMap((y) => [
    { ...y, tierId: null, name: "All tiers", total: true },
    ...y.tiers.map((t) => ({ ...t, year: y.year, total: false })),
  ]);
  const chartRows = d.returns.map((y) => ({ ...y, label: String(y.year), metric: `year:${y.year}` }));
  return (
    <ChartCard
      testId="card-returns"
      title="Revenue and margin against plan targets"
      description="Per year, from the targets and actuals recorded on each account's plan; the table breaks each year down by tier (the tier the account is in now)."
      rows={rows}
      columns={columns}
      rowKey={(r) => `${r.year}-${r.total ? "all" : r.tierId ?? "none"}`}
      empty="No targets or actuals recorded for the accounts in view."
      chart={<ReturnsChart rows={chartRows} />}
    />
  );
}

export function LifecycleSection({ d }: { d: TDashboard }) {
  const palette = ["#bfd3fe", "#93b4fb", "#6b8ef5", "#3b6cf6", "#1d40c7"];
  return (
    <ChartCard
      testId="card-stages"
      title="Lifecycle stages"
      description="Accounts per stage, from pre-sales to exploitation."
      rows={d.stages}
      columns={stageColumns}
      rowKey={(s) => s.stage}
      chart={<SimpleBars horizontal name="Accounts" labelWidth={170} height={220} data={d.stages.map((s, i) => ({ label: s.label, value: s.accounts, metric: `stage:${s.stage}`, color: palette[i] }))} />}
    />
  );
}

