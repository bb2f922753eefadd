"use client";

// Where the portfolio needs attention: plan health (traffic lights, plans, overdue actions),
// review discipline (periodic reviews, pending mentor reviews, turnaround per mentor) and
// relationship health (coverage, uncovered decision makers, single-threaded accounts).
import { LIGHT_VALUES, PERIODIC_LABELS } from "@/lib/dashboard/metrics";
import type { TAgeBucket, TCountBucket, TDashboard, TLightRow, TMentorTurnaround } from "@/lib/dashboard/view";
import { ChartCard, type TColumn } from "./chart-card";
import { SimpleBars, StackedBars } from "./charts";
import { FigureLink, StatTile, formatCount, formatDays } from "./figure";

const LIGHT_SERIES = [
  { key: "RED", name: "Red", color: "#dc2626" },
  { key: "AMBER", name: "Amber", color: "#f59e0b" },
  { key: "GREEN", name: "Green", color: "#16a34a" },
  { key: "NONE", name: "Not set", color: "#cbd5e1" },
];
const lightColumns: TColumn<TLightRow>[] = [
  { header: "Area", cell: (l) => l.label, csv: (l) => l.label },
  ...LIGHT_VALUES.map((c): TColumn<TLightRow> => ({
    header: LIGHT_SERIES.find((s) => s.key === c)!.name,
    align: "right",
    cell: (l) => <FigureLink metric={`light:${l.area}:${c}`} label={`Accounts with ${c === "NONE" ? "no" : c.toLowerCase()} ${l.label.toLowerCase()} light`}>{formatCount(l[c])}</FigureLink>,
    csv: (l) => l[c],
  })),
];

const ageColumns = (kind: "overdue" | "pending", itemLabel: string): TColumn<TAgeBucket>[] => [
  { header: kind === "overdue" ? "Overdue by" : "Waiting", cell: (b) => b.label, csv: (b) => b.label },
  { header: itemLabel, align: "right", cell: (b) => formatCount(b.items), csv: (b) => b.items },
  { header: "Accounts", align: "right", cell: (b) => <FigureLink metric={`${kind}:${b.key}`} label={`Accounts with ${itemLabel.toLowerCase()} ${b.label}`}>{formatCount(b.accounts)}</FigureLink>, csv: (b) => b.accounts },
];

const mentorColumns: TColumn<TMentorTurnaround>[] = [
  { header: "Mentor", cell: (m) => m.name, csv: (m) => m.name },
  { header: "Decided", align: "right", cell: (m) => formatCount(m.decided), csv: (m) => m.decided },
  { header: "Median", align: "right", cell: (m) => formatDays(m.medianDays), csv: (m) => m.medianDays },
  { header: "Average", align: "right", cell: (m) => formatDays(m.averageDays), csv: (m) => m.averageDays },
  { header: "Pending", align: "right", cell: (m) => formatCount(m.pending), csv: (m) => m.pending },
  { header: "Oldest waiting", align: "right", cell: (m) => formatDays(m.oldestPendingDays), csv: (m) => m.oldestPendingDays },
  { header: "Accounts", align: "right", cell: (m) => <FigureLink metric={`mentor:${m.mentorId}`} label={`Accounts reviewed by ${m.name}`}>{formatCount(m.accounts)}</FigureLink>, csv: (m) => m.accounts },
];

type TCoverageRow = TCountBucket & { metric: string };

export function PlanSection({ d }: { d: TDashboard }) {
  const p = d.plans;
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatTile testId="stat-no-plan" label="Without an approved plan" value={formatCount(p.noPlan)} metric="noPlan" tone={p.noPlan ? "warn" : "good"} hint="No version approved yet" />
        <StatTile testId="stat-stale-plan" label="Plan older than its cadence" value={formatCount(p.stalePlan)} metric="stalePlan" tone={p.stalePlan ? "warn" : "good"} hint="Approved longer ago than the tier's review cycle" />
        <StatTile testId="stat-overdue" label="Overdue actions" value={formatCount(p.overdueActions)} metric="overdue" tone={p.overdueActions ? "bad" : "good"} hint={`in ${formatCount(p.accountsWithOverdue)} account${p.accountsWithOverdue === 1 ? "" : "s"}`} />
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <ChartCard
          testId="card-lights"
          title="Traffic lights by area"
          description="Accounts by the current colour of each area's light."
          rows={p.lights}
          columns={lightColumns}
          rowKey={(l) => l.area}
          chart={<StackedBars horizontal data={p.lights} series={LIGHT_SERIES} metricFor={(l, key) => `light:${l.area}:${key}`} />}
        />
        <ChartCard
          testId="card-overdue"
          title="Overdue actions by age"
          description="Open actions past their due day."
          rows={p.overdueByAge}
          columns={ageColumns("overdue", "Actions")}
          rowKey={(b) => b.key}
          empty="No overdue actions."
          chart={<SimpleBars name="Overdue actions" color="#dc2626" data={p.overdueByAge.map((b) => ({ label: b.label, value: b.items, metric: `overdue:${b.key}` }))} />}
        />
      </div>
    </div>
  );
}

export function ReviewSection({ d }: { d: TDashboard }) {
  const r = d.reviews;
  const mentors = [...r.mentors].sort((a, b) => (b.medianDays ?? -1) - (a.medianDays ?? -1) || a.name.localeCompare(b.name));
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatTile testId="stat-periodic-overdue" label="Periodic reviews overdue" value={formatCount(r.periodic.overdue)} metric="periodic:overdue" tone={r.periodic.overdue ? "bad" : "good"} hint="Per the tier's review cadence" />
        <StatTile testId="stat-periodic-soon" label={PERIODIC_LABELS.soon} value={formatCount(r.periodic.soon)} metric="periodic:soon" tone={r.periodic.soon ? "warn" : "neutral"} />
        <StatTile label={PERIODIC_LABELS.later} value={formatCount(r.periodic.later)} metric="periodic:later" />
        <StatTile
          testId="stat-pending"
          label="Mentor reviews pending"
          value={formatCount(r.pendingReviews)}
          metric="pending"
          tone={r.oldestPendingDays !== null && r.oldestPendingDays > 14 ? "warn" : "neutral"}
          hint={r.pendingReviews ? `in ${formatCount(r.accountsWithPending)} accounts · oldest ${r.oldestPendingDays} days` : "Nothing waits for a mentor"}
        />
      </div>
      {/* The turnaround table has seven columns: it gets the wider share of the row. */}
      <div className="grid gap-6 xl:grid-cols-5">
        <ChartCard
          testId="card-pending"
          className="xl:col-span-2"
          title="Pending mentor reviews by age"
          description="How long submitted plans have waited for a verdict."
          rows={r.pendingByAge}
          columns={ageColumns("pending", "Reviews")}
          rowKey={(b) => b.key}
          empty="No review is waiting."
          chart={<SimpleBars name="Pending reviews" color="#7c3aed" data={r.pendingByAge.map((b) => ({ label: b.label, value: b.items, metric: `pending:${b.key}` }))} />}
        />
        <ChartCard
          testId="card-mentors"
          className="xl:col-span-3"
          title="Review turnaround per mentor"
          description="Median and average days from submission to verdict, over reviews decided in the last 12 months; slowest first."
          rows={mentors}
          columns={mentorColumns}
          rowKey={(m) => m.mentorId}
          initialView="table"
          limit={8}
          empty="No reviews in the last 12 months."
          chart={
            <SimpleBars
              horizontal
              name="Median days"
              color="#7c3aed"
              format={(n) => `${n} d`}
              height={Math.max(160, Math.min(mentors.length, 12) * 28 + 40)}
              data={mentors.filter((m) => m.medianDays !== null).slice(0, 12).map((m) => ({ label: m.name, value: m.medianDays ?? 0, metric: `mentor:${m.mentorId}` }))}
            />
          }
        />
      </div>
    </div>
  );
}

export function RelationshipSection({ d }: { d: TDashboard }) {
  const rel = d.relationships;
  const rows: TCoverageRow[] = [
    ...rel.coverage.map((b) => ({ ...b, metric: `coverage:${b.key}` })),
    { key: "none", label: "Not analysed", accounts: rel.notAnalysed, metric: "coverage:none" },
  ];
  const colors = ["#dc2626", "#f97316", "#f59e0b", "#84cc16", "#16a34a", "#cbd5e1"];
  return (
    <div className="grid gap-6 xl:grid-cols-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3 xl:col-span-1 xl:grid-cols-1">
        <StatTile testId="stat-uncovered" label="Decision makers nobody covers" value={formatCount(rel.uncoveredDecisionMakers)} metric="uncovered" tone={rel.uncoveredDecisionMakers ? "bad" : "good"} hint={`in ${formatCount(rel.accountsWithUncovered)} account${rel.accountsWithUncovered === 1 ? "" : "s"}`} />
        <StatTile testId="stat-single" label="Single-threaded accounts" value={formatCount(rel.singleThreaded)} metric="single" tone={rel.singleThreaded ? "warn" : "good"} hint="A key person, or the whole account, reached through one of us" />
        <StatTile label="Average coverage score" value={rel.averageCoverage === null ? "—" : rel.averageCoverage.toFixed(0)} hint="0–100, from the relationship analysis" />
      </div>
      <ChartCard
        testId="card-coverage"
        className="xl:col-span-2"
        title="Accounts by coverage score"
        description="How well our team covers each account's influential people and decision makers."
        rows={rows}
        columns={[
          { header: "Coverage", cell: (b) => b.label, csv: (b) => b.label },
          { header: "Accounts", align: "right", cell: (b) => <FigureLink metric={b.metric} label={`Accounts with coverage ${b.label}`}>{formatCount(b.accounts)}</FigureLink>, csv: (b) => b.accounts },
        ]}
        rowKey={(b) => b.key}
        chart={<SimpleBars name="Accounts" data={rows.map((b, i) => ({ label: b.label, value: b.accounts, metric: b.metric, color: colors[i] }))} />}
      />
    </div>
  );
}
