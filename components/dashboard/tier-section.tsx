"use client";

// Which accounts are key, and are we serving each tier as promised: accounts, revenue and margin
// per tier against capacity, the score distribution with the tier thresholds, tier moves over
// the last year, and key accounts per manager against their limit.
import { Badge } from "@/components/ui/badge";
import { formatMoney, formatScore } from "@/lib/format";
import { formatMonth, saysNotKey } from "@/lib/dashboard/model";
import { MOVE_LABELS } from "@/lib/dashboard/metrics";
import type { TDashboard, TManagerLoad, TMoveMonth, TTierRow } from "@/lib/dashboard/view";
import { ChartCard, type TColumn } from "./chart-card";
import { ScoreHistogram, SimpleBars, StackedBars } from "./charts";
import { FigureLink, StatTile, formatCount } from "./figure";

const TIER_COLORS = ["#d4a017", "#8b9bb4", "#b87333", "#6b8ef5", "#7c3aed"];
export const tierColor = (t: { rank: number | null; isKey: boolean }) => (t.rank === null ? "#e2e8f0" : !t.isKey ? "#cbd5e1" : TIER_COLORS[(t.rank - 1) % TIER_COLORS.length]);
const tierKey = (t: { tierId: string | null }) => `tier:${t.tierId ?? "none"}`;

const tierColumns: TColumn<TTierRow>[] = [
  { header: "Tier", cell: (t) => <span className="inline-flex items-center gap-2"><span aria-hidden className="h-2.5 w-2.5 rounded-full" style={{ background: tierColor(t) }} />{t.name}{!t.isKey && t.rank !== null && !saysNotKey(t.name) && <span className="text-xs font-normal text-slate-500">(not key)</span>}</span>, csv: (t) => t.name, wrap: true },
  { header: "Accounts", align: "right", cell: (t) => <FigureLink metric={tierKey(t)} label={`Accounts in ${t.name}`}>{formatCount(t.accounts)}</FigureLink>, csv: (t) => t.accounts },
  { header: "Revenue", align: "right", cell: (t) => formatMoney(t.revenue), csv: (t) => t.revenue },
  { header: "Margin", align: "right", cell: (t) => formatMoney(t.margin), csv: (t) => t.margin },
  { header: "Avg score", align: "right", cell: (t) => formatScore(t.avgScore), csv: (t) => (t.avgScore === null ? null : Math.round(t.avgScore * 10) / 10) },
  {
    header: "Capacity",
    align: "right",
    cell: (t) =>
      t.capacity === null ? <span className="text-slate-500">—</span> : (
        <span className="inline-flex flex-wrap items-center justify-end gap-x-2 gap-y-1">
          <span className="whitespace-nowrap">{formatCount(t.accounts)} of {formatCount(t.capacity)}</span>
          {t.overCapacity && <Badge tone="red">Over by {formatCount(t.accounts - t.capacity)}</Badge>}
        </span>
      ),
    csv: (t) => t.capacity,
    wrap: true,
  },
  { header: "By override", align: "right", cell: (t) => (t.overridden ? formatCount(t.overridden) : <span className="text-slate-500">0</span>), csv: (t) => t.overridden },
];

const managerColumns: TColumn<TManagerLoad>[] = [
  { header: "Key account manager", cell: (m) => m.name, csv: (m) => m.name },
  { header: "Key accounts", align: "right", cell: (m) => <FigureLink metric={`owner:${m.ownerId}:key`} label={`Key accounts of ${m.name}`}>{formatCount(m.keyAccounts)}</FigureLink>, csv: (m) => m.keyAccounts },
  { header: "Limit", align: "right", cell: (m) => (m.maxKeyAccounts === null ? <span className="text-slate-500">none set</span> : formatCount(m.maxKeyAccounts)), csv: (m) => m.maxKeyAccounts },
  {
    header: "Load",
    cell: (m) =>
      m.maxKeyAccounts === null ? <span className="text-slate-500">—</span> : (
        <span className="inline-flex items-center gap-2">
          <span aria-hidden className="h-2 w-16 overflow-hidden rounded-full bg-slate-100">
            <span className={`block h-full ${m.overLimit ? "bg-red-500" : "bg-emerald-500"}`} style={{ width: `${Math.min(100, (m.keyAccounts / Math.max(1, m.maxKeyAccounts)) * 100)}%` }} />
          </span>
          {m.overLimit && <Badge tone="red">Over</Badge>}
        </span>
      ),
    csv: (m) => (m.maxKeyAccounts === null ? "" : m.overLimit ? "over limit" : "within limit"),
  },
  { header: "All accounts", align: "right", cell: (m) => <FigureLink metric={`owner:${m.ownerId}:all`} label={`Accounts of ${m.name}`}>{formatCount(m.accounts)}</FigureLink>, csv: (m) => m.accounts },
];

type TMonthRow = TMoveMonth & { label: string };
const MOVE_SERIES = [
  { key: "up", name: MOVE_LABELS.up, color: "#16a34a" },
  { key: "new", name: MOVE_LABELS.new, color: "#2552e8" },
  { key: "down", name: MOVE_LABELS.down, color: "#f59e0b" },
  { key: "dropped", name: MOVE_LABELS.dropped, color: "#dc2626" },
] as const;
const monthColumns: TColumn<TMonthRow>[] = [
  { header: "Month", cell: (m) => formatMonth(m.month), csv: (m) => m.month },
  ...MOVE_SERIES.map((s): TColumn<TMonthRow> => ({
    header: s.name,
    align: "right",
    cell: (m) => (m[s.key] ? <FigureLink metric={`moveMonth:${m.month}:${s.key}`} label={`${s.name} in ${formatMonth(m.month)}`}>{formatCount(m[s.key])}</FigureLink> : <span className="text-slate-500">0</span>),
    csv: (m) => m[s.key],
  })),
];

type TBandRow = { key: string; label: string; accounts: number; metric: string; min: number };

export function TierSection({ d }: { d: TDashboard }) {
  const bands: TBandRow[] = [
    ...d.scoreBuckets.map((b, i) => ({ key: b.key, label: b.label, accounts: b.accounts, metric: `score:${b.key}`, min: i * 10 })),
  ];
  const bandRows: TBandRow[] = [...bands, { key: "none", label: "Not scored yet", accounts: d.unscored, metric: "score:none", min: -1 }];
  const managers = [...d.managers].sort((a, b) => Number(b.overLimit) - Number(a.overLimit) || b.keyAccounts - a.keyAccounts || a.name.localeCompare(b.name));
  const managersOver = managers.filter((m) => m.overLimit).length;
  const months: TMonthRow[] = d.moves.months.map((m) => ({ ...m, label: formatMonth(m.month).replace(" 20", " ’") }));
  const tiersShown = d.tiers.filter((t) => t.accounts > 0 || t.capacity !== null || t.tierId !== null);
  const overCapacity = d.tiers.filter((t) => t.overCapacity);

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <ChartCard
        testId="card-tiers"
        className="xl:col-span-2"
        title="Accounts, revenue and margin per tier"
        description={overCapacity.length ? `Over capacity: ${overCapacity.map((t) => t.name).join(", ")}` : "Every tier is within its capacity."}
        rows={tiersShown}
        columns={tierColumns}
        rowKey={(t) => t.tierId ?? "none"}
        initialView="table"
        chart={<SimpleBars name="Accounts" data={tiersShown.map((t) => ({ label: t.name, value: t.accounts, metric: tierKey(t), color: tierColor(t) }))} />}
      />
      <ChartCard
        testId="card-scores"
        title="Score distribution"
        description="Accounts per score band; dashed lines are the tiers' minimum scores."
        rows={bandRows}
        columns={[
          { header: "Score", cell: (b) => b.label, csv: (b) => b.label },
          { header: "Accounts", align: "right", cell: (b) => <FigureLink metric={b.metric} label={`Accounts scoring ${b.label}`}>{formatCount(b.accounts)}</FigureLink>, csv: (b) => b.accounts },
        ]}
        rowKey={(b) => b.key}
        chart={<ScoreHistogram buckets={bands} thresholds={d.thresholds} />}
      >
        {d.unscored > 0 && (
          <p className="mb-2 text-xs text-slate-500">
            <FigureLink metric="score:none" label="Accounts not scored yet" className="underline">{formatCount(d.unscored)}</FigureLink> not scored yet (not in the chart).
          </p>
        )}
      </ChartCard>
      <ChartCard
        testId="card-moves"
        title="Tier moves in the last 12 months"
        description="Each account's tier now against its tier twelve months ago; below, the moves month by month."
        rows={months}
        columns={monthColumns}
        rowKey={(m) => m.month}
        chart={<StackedBars data={months} series={[...MOVE_SERIES]} metricFor={(m, key) => `moveMonth:${m.month}:${key}`} />}
      >
        {/* Four across only where the card is wide enough for "New key accounts" (a container query:
            beside another card at 1280 px it is not), else two by two; a label never breaks a word. */}
        <div className="@container">
          <div className="mb-4 grid grid-cols-2 gap-3 @xl:grid-cols-4">
            <StatTile label={MOVE_LABELS.up} value={formatCount(d.moves.summary.up)} metric="move:up" tone="good" />
            <StatTile label={MOVE_LABELS.new} value={formatCount(d.moves.summary.new)} metric="move:new" />
            <StatTile label={MOVE_LABELS.down} value={formatCount(d.moves.summary.down)} metric="move:down" tone={d.moves.summary.down ? "warn" : "neutral"} />
            <StatTile label={MOVE_LABELS.dropped} value={formatCount(d.moves.summary.dropped)} metric="move:dropped" tone={d.moves.summary.dropped ? "bad" : "neutral"} />
          </div>
        </div>
      </ChartCard>
      <ChartCard
        testId="card-managers"
        className="xl:col-span-2"
        title="Key accounts per manager"
        description={managersOver ? `${managersOver} manager${managersOver === 1 ? " is" : "s are"} over their limit.` : "Every manager is within their limit."}
        rows={managers}
        columns={managerColumns}
        rowKey={(m) => m.ownerId}
        initialView="table"
        limit={8}
        chart={
          <SimpleBars
            horizontal
            name="Key accounts"
            height={Math.max(160, Math.min(managers.length, 12) * 28 + 40)}
            data={managers.slice(0, 12).map((m) => ({ label: m.name, value: m.keyAccounts, metric: `owner:${m.ownerId}:key`, color: m.overLimit ? "#dc2626" : "#2552e8" }))}
          />
        }
      />
    </div>
  );
}
