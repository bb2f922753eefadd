"use client";

// Target vs actual per year: revenue as bars (target pale, actual solid), margin as lines.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyShort } from "@/lib/format";
import type { TTargetVsActual } from "@/lib/plans/model";
import { inSeriesOrder } from "@/components/ui/chart-legend";

const SERIES = ["targetRevenue", "actualRevenue", "targetMargin", "actualMargin"];

export function TargetsChart({ rows, height = 280, animate = true }: { rows: TTargetVsActual[]; height?: number; animate?: boolean }) {
  const data = rows.map((r) => ({ ...r, name: String(r.year) }));
  return (
    <div role="img" aria-label={`Targets versus actuals for ${rows.map((r) => r.year).join(", ")}`} data-testid="targets-chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} barGap={2}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="name" tickLine={false} axisLine={{ stroke: "#cbd5e1" }} tick={{ fontSize: 12, fill: "#475569" }} />
          <YAxis tickFormatter={(v: number) => formatMoneyShort(v)} tickLine={false} axisLine={false} width={64} tick={{ fontSize: 12, fill: "#475569" }} />
          <Tooltip formatter={(v) => (v === null || v === undefined ? "—" : formatMoney(Number(v)))} cursor={{ fill: "#f1f5f9" }} />
          <Legend itemSorter={inSeriesOrder(SERIES)} wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={{ color: "#475569" }}>{value}</span>} />
          <Bar dataKey="targetRevenue" name="Target revenue" fill="#bfd3fe" radius={[3, 3, 0, 0]} isAnimationActive={animate} />
          <Bar dataKey="actualRevenue" name="Actual revenue" fill="#2552e8" radius={[3, 3, 0, 0]} isAnimationActive={animate} />
          <Line dataKey="targetMargin" name="Target margin" stroke="#059669" strokeDasharray="5 4" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={animate} />
          <Line dataKey="actualMargin" name="Actual margin" stroke="#047857" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={animate} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
