"use client";

// The account's score over time (a step line: the score holds until the next change), with the
// current tier thresholds as dashed lines and the tier of each point in the tooltip. The same
// points are listed in a table for keyboard and screen-reader users. No animation by default: the
// chart redraws after every save, and a line re-growing from the left reads as broken data.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate, displayZone } from "@/lib/format";
import { CAUSE_LABELS, type TSnapshotJson } from "./types";
import { tierColor } from "./tier-colors";

type TierLike = { id: string; name: string; rank: number; minScore: number; isKey: boolean };

export function ScoreHistoryChart({ points, tiers, height = 240, animate = false }: { points: TSnapshotJson[]; tiers: TierLike[]; height?: number; animate?: boolean }) {
  if (points.length === 0) {
    return <p className="text-sm text-slate-500">No history yet: the first score or model change starts it.</p>;
  }
  if (points.every((p) => p.score === null)) {
    return <p className="text-sm text-slate-500">Not scored yet. The line starts with the first score; every later score change, model change and override adds a point.</p>;
  }
  const data = points.map((p) => ({ t: new Date(p.createdAt).getTime(), score: p.score, tier: p.tierName, cause: p.cause }));
  // One point only still deserves a visible line: extend it to today.
  if (data.length === 1) data.push({ ...data[0], t: Date.now() });
  const first = data[0].t;
  const last = data[data.length - 1].t;
  const pad = Math.max((last - first) * 0.02, 86_400_000);
  return (
    <div>
      <div role="img" aria-label={`Score history: ${points.length} points from ${formatDate(points[0].createdAt)}`} style={{ height }} data-testid="score-history-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 56, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[first - pad, last + pad]}
              tickFormatter={(v: number) => new Date(v).toLocaleDateString("en-GB", { month: "short", year: "2-digit", timeZone: displayZone() })}
              tickLine={false}
              axisLine={{ stroke: "#cbd5e1" }}
              tick={{ fontSize: 12, fill: "#475569" }}
            />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickLine={false} axisLine={false} width={32} tick={{ fontSize: 12, fill: "#475569" }} />
            {tiers
              .filter((t) => t.minScore > 0)
              .map((t) => (
                <ReferenceLine
                  key={t.id}
                  y={t.minScore}
                  stroke={tierColor(t).fill}
                  strokeDasharray="4 4"
                  label={{ value: t.name, position: "right", fontSize: 11, fill: tierColor(t).text }}
                />
              ))}
            <Tooltip
              labelFormatter={(v) => formatDate(new Date(Number(v)))}
              formatter={(value, _name, item) => {
                const p = item.payload as (typeof data)[number];
                return [`${value === null || value === undefined ? "no score" : Number(value).toFixed(1)} · ${p.tier ?? "no tier"} (${CAUSE_LABELS[p.cause] ?? p.cause})`, "Score"];
              }}
            />
            <Line type="stepAfter" dataKey="score" stroke="#2552e8" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={animate} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-slate-600 hover:text-slate-900">Show as a table</summary>
        <table className="mt-2 w-full text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-3 font-medium">Date</th>
              <th className="py-1 pr-3 text-right font-medium">Score</th>
              <th className="py-1 pr-3 font-medium">Tier</th>
              <th className="py-1 font-medium">What happened</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {[...points].reverse().map((p) => (
              <tr key={p.id}>
                <td className="py-1 pr-3 text-slate-600">{formatDate(p.createdAt)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{p.score === null ? "—" : p.score.toFixed(1)}</td>
                <td className="py-1 pr-3">{p.tierName ?? "—"}</td>
                <td className="py-1 text-slate-600">
                  {CAUSE_LABELS[p.cause] ?? p.cause}
                  {p.cause === "model" ? ` (v${p.modelVersion})` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
