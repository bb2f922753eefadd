"use client";

// The dashboard's Recharts charts. Every bar opens the accounts behind it (click, or Enter on a
// focused bar through Recharts' keyboard layer, which also reads values out). Animations are off:
// the figures should be readable the moment the page is.
import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Text,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatMoney } from "@/lib/format";
import { inSeriesOrder } from "@/components/ui/chart-legend";
import { useDrill } from "./context";
import { formatCount, formatMoneyShort } from "./figure";

const AXIS = { tickLine: false, tick: { fontSize: 12, fill: "#475569" } } as const;
/**
 * A vertical value axis: its five or so ticks always fit in a chart's height, so every one is drawn
 * (`interval={0}`) instead of Recharts measuring each label in the page to decide which to leave
 * out (that measuring is a tenth of drawing a chart). A horizontal one keeps the measuring: on a
 * narrow card its labels would run into each other.
 */
const VALUE_Y_AXIS = { ...AXIS, interval: 0, allowDecimals: false } as const;
/** Grid lines across the bars only (along the value axis), the lines along the bars add nothing. */
const grid = (horizontal: boolean) => <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={!horizontal} vertical={horizontal} />;

type TTickProps = { x?: number | string; y?: number | string; width?: number | string; visibleTicksCount?: number; payload?: { value?: unknown } };

/** A category label that wraps onto a second line within its own band, so that long labels ("More than 30 days") never run into their neighbours on a narrow card. */
function BandTick({ x, y, width, visibleTicksCount, payload }: TTickProps) {
  const band = Number(width ?? 0) / Math.max(1, visibleTicksCount ?? 1);
  return (
    <Text x={Number(x)} y={Number(y)} width={Math.max(24, band - 6)} maxLines={2} textAnchor="middle" verticalAnchor="start" fontSize={AXIS.tick.fontSize} fill={AXIS.tick.fill}>
      {String(payload?.value ?? "")}
    </Text>
  );
}

export type TBarDatum = { label: string; value: number; metric?: string; color?: string; hint?: string };

function useOpen() {
  const router = useRouter();
  const drill = useDrill();
  return (metric: string | undefined) => {
    if (metric) router.push(drill(metric));
  };
}

/** One series of bars: vertical columns, or horizontal bars (long labels, rankings, funnels). */
export function SimpleBars({
  data,
  name,
  color = "#2552e8",
  horizontal = false,
  height = 240,
  format = formatCount,
  labelWidth = 140,
}: {
  data: TBarDatum[];
  name: string;
  color?: string;
  horizontal?: boolean;
  height?: number;
  format?: (n: number) => string;
  labelWidth?: number;
}) {
  const open = useOpen();
  return (
    <div style={{ height }} data-testid="chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer title={name} desc={data.map((d) => `${d.label}: ${format(d.value)}`).join("; ")}>
          {grid(horizontal)}
          {horizontal ? (
            <>
              <XAxis type="number" {...AXIS} axisLine={false} tickFormatter={format} allowDecimals={false} />
              <YAxis type="category" dataKey="label" {...AXIS} axisLine={{ stroke: "#cbd5e1" }} width={labelWidth} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" {...AXIS} tick={(p: TTickProps) => <BandTick {...p} />} height={40} axisLine={{ stroke: "#cbd5e1" }} interval={0} />
              <YAxis {...VALUE_Y_AXIS} axisLine={false} tickFormatter={format} width={56} />
            </>
          )}
          <Tooltip formatter={(v) => format(Number(v))} cursor={{ fill: "#f1f5f9" }} />
          <Bar dataKey="value" name={name} fill={color} radius={horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0]} isAnimationActive={false} cursor="pointer" onClick={(d) => open((d as unknown as { payload?: TBarDatum }).payload?.metric)}>
            {data.map((d) => (
              <Cell key={d.label} fill={d.color ?? color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export type TSeries = { key: string; name: string; color: string };

/** Several series stacked per category (lights per area, moves per month). `metricFor` names the accounts behind one segment. */
export function StackedBars<T extends { label: string }>({
  data,
  series,
  metricFor,
  horizontal = false,
  height = 260,
  labelWidth = 140,
}: {
  data: T[];
  series: TSeries[];
  metricFor: (row: T, key: string) => string | undefined;
  horizontal?: boolean;
  height?: number;
  labelWidth?: number;
}) {
  const open = useOpen();
  return (
    <div style={{ height }} data-testid="chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout={horizontal ? "vertical" : "horizontal"}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          accessibilityLayer
          title={series.map((s) => s.name).join(", ")}
          desc={data.map((row) => `${row.label}: ${series.map((s) => `${s.name} ${formatCount(Number((row as Record<string, unknown>)[s.key] ?? 0))}`).join(", ")}`).join("; ")}
        >
          {grid(horizontal)}
          {horizontal ? (
            <>
              <XAxis type="number" {...AXIS} axisLine={false} allowDecimals={false} tickFormatter={formatCount} />
              <YAxis type="category" dataKey="label" {...AXIS} axisLine={{ stroke: "#cbd5e1" }} width={labelWidth} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" {...AXIS} axisLine={{ stroke: "#cbd5e1" }} />
              <YAxis {...VALUE_Y_AXIS} axisLine={false} width={48} tickFormatter={formatCount} />
            </>
          )}
          <Tooltip formatter={(v) => formatCount(Number(v))} cursor={{ fill: "#f1f5f9" }} />
          <Legend itemSorter={inSeriesOrder(series.map((s) => s.key))} wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={{ color: "#475569" }}>{value}</span>} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="a" fill={s.color} isAnimationActive={false} cursor="pointer" onClick={(d) => open(metricFor((d as unknown as { payload: T }).payload, s.key))} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Accounts per score band on a 0–100 axis, with each tier's minimum score drawn as a line. */
export function ScoreHistogram({ buckets, thresholds, height = 260 }: { buckets: { label: string; min: number; accounts: number; metric: string }[]; thresholds: { name: string; minScore: number; isKey: boolean }[]; height?: number }) {
  const open = useOpen();
  const data = buckets.map((b) => ({ ...b, mid: b.min + 5 }));
  const lines = thresholds.filter((t) => t.minScore > 0).sort((x, y) => x.minScore - y.minScore);
  return (
    <div style={{ height }} data-testid="chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          margin={{ top: lines.length > 1 ? 34 : 20, right: 16, bottom: 0, left: 0 }}
          barCategoryGap={2}
          accessibilityLayer
          title="Accounts per score band"
          desc={`${buckets.map((b) => `${b.label}: ${formatCount(b.accounts)}`).join("; ")}. Tier minimums: ${thresholds.map((t) => `${t.name} ${t.minScore}`).join(", ")}`}
        >
          {grid(false)}
          <XAxis dataKey="mid" type="number" domain={[0, 100]} ticks={[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]} {...AXIS} axisLine={{ stroke: "#cbd5e1" }} />
          <YAxis {...VALUE_Y_AXIS} axisLine={false} width={48} tickFormatter={formatCount} />
          <Tooltip labelFormatter={(_, p) => `Score ${(p?.[0]?.payload as { label?: string } | undefined)?.label ?? ""}`} formatter={(v) => [formatCount(Number(v)), "Accounts"]} cursor={{ fill: "#f1f5f9" }} />
          <Bar dataKey="accounts" name="Accounts" fill="#6b8ef5" isAnimationActive={false} cursor="pointer" onClick={(d) => open((d as unknown as { payload?: { metric: string } }).payload?.metric)} />
          {lines.map((t, i) => (
            // Neighbouring labels sit on alternate rows, so that close minimums stay readable on a narrow screen.
            <ReferenceLine key={t.name} x={t.minScore} stroke={t.isKey ? "#b45309" : "#64748b"} strokeDasharray="4 3" label={{ value: `${t.name} ≥ ${t.minScore}`, position: "top", offset: i % 2 ? 18 : 5, fontSize: 11, fill: "#92400e" }} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Revenue target vs actual per year (bars) and margin target vs actual (lines). */
export function ReturnsChart({ rows, height = 280 }: { rows: { label: string; metric: string; targetRevenue: number | null; actualRevenue: number | null; targetMargin: number | null; actualMargin: number | null }[]; height?: number }) {
  const open = useOpen();
  const click = (d: unknown) => open((d as { payload?: { metric: string } }).payload?.metric);
  return (
    <div style={{ height }} data-testid="chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={rows}
          margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
          barGap={2}
          accessibilityLayer
          title="Revenue and margin against targets per year"
          desc={rows.map((r) => `${r.label}: revenue ${formatMoneyShort(r.actualRevenue)} of target ${formatMoneyShort(r.targetRevenue)}, margin ${formatMoneyShort(r.actualMargin)} of target ${formatMoneyShort(r.targetMargin)}`).join("; ")}
        >
          {grid(false)}
          <XAxis dataKey="label" {...AXIS} axisLine={{ stroke: "#cbd5e1" }} />
          <YAxis {...VALUE_Y_AXIS} axisLine={false} width={64} tickFormatter={(v: number) => formatMoneyShort(v)} />
          <Tooltip formatter={(v) => (v === null || v === undefined ? "—" : formatMoney(Number(v)))} cursor={{ fill: "#f1f5f9" }} />
          <Legend itemSorter={inSeriesOrder(["targetRevenue", "actualRevenue", "targetMargin", "actualMargin"])} wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={{ color: "#475569" }}>{value}</span>} />
          <Bar dataKey="targetRevenue" name="Target revenue" fill="#bfd3fe" radius={[3, 3, 0, 0]} isAnimationActive={false} cursor="pointer" onClick={click} />
          <Bar dataKey="actualRevenue" name="Actual revenue" fill="#2552e8" radius={[3, 3, 0, 0]} isAnimationActive={false} cursor="pointer" onClick={click} />
          <Line dataKey="targetMargin" name="Target margin" stroke="#059669" strokeDasharray="5 4" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          <Line dataKey="actualMargin" name="Actual margin" stroke="#047857" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
