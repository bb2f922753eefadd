// The plan as a document to hand over in a meeting: who and where we are, the lights, the
// numbers, the plan itself, the next actions and the team. Rendered on screen as a page and
// printed through print.css (A4, no app chrome).
import { formatDate, formatDay } from "@/lib/format";
import { isOverdue, sortActions } from "@/lib/plans/model";
import { localToday } from "@/lib/days";
import { LIGHT_AREAS, LIGHT_AREA_LABELS, STAGE_LABELS } from "@/lib/plans/schema";
import { PLAN_STATUS_LABELS } from "@/lib/plans/model";
import type { TPlanView, TVersionView } from "@/lib/plans/view";
import { LIGHT_STYLE, LightDot } from "./light-dot";
import { PlanDocument } from "./plan-document";
import { ScrollX } from "@/components/ui/scroll-x";
import { TargetsChart } from "./targets-chart";

function Heading({ children }: { children: React.ReactNode }) {
  return <h2 className="mb-3 border-b border-slate-200 pb-1 text-base font-semibold text-slate-900 print:text-[13pt]">{children}</h2>;
}

/** Sections of our own thinking that do not belong in a document shown to the customer. */
const INTERNAL_SECTIONS = ["risks", "howTheyBuy", "resources"] as const;

export function PlanPrintDocument({ plan, version, printedOn, internal = true }: { plan: TPlanView; version: TVersionView; printedOn: string; internal?: boolean }) {
  const isCurrent = version.number === plan.current?.number;
  const today = localToday();
  const open = sortActions(
    plan.actions.filter((a) => a.status === "OPEN"),
    today,
  );
  const objectiveTitle = new Map(version.content.objectives.map((o) => [o.id, o.title]));
  const actuals = Object.fromEntries(plan.targetsVsActuals.map((r) => [r.year, { revenue: r.actualRevenue, margin: r.actualMargin }]));
  const chartRows = plan.targetsVsActuals.filter((r) => r.targetRevenue !== null || r.actualRevenue !== null);
  const commitment = isCurrent ? plan.commitment : null;

  return (
    <article className="plan-print mx-auto max-w-[210mm] rounded-xl border border-slate-200 bg-white px-8 py-10 shadow-sm sm:px-14" data-testid="plan-print">
      <header className="flex flex-wrap items-end justify-between gap-6 border-b-2 border-slate-900 pb-5">
        <div>
          <p className="text-xs font-semibold uppercase tracking-[0.2em] text-slate-500">Account plan</p>
          <h1 className="mt-1 text-3xl font-semibold tracking-tight text-slate-900">{plan.account.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            Version {version.number} · {PLAN_STATUS_LABELS[version.status]}
            {version.decidedAt ? ` ${formatDate(version.decidedAt)}` : ` (submitted ${formatDate(version.submittedAt)})`}
          </p>
        </div>
        <dl className="grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5 text-sm">
          <dt className="text-slate-500">Stage</dt>
          <dd className="font-medium text-slate-900">{STAGE_LABELS[plan.account.stage]}</dd>
          <dt className="text-slate-500">Account manager</dt>
          <dd className="font-medium text-slate-900">{plan.account.owner.name}</dd>
          {plan.account.mentor && (
            <>
              <dt className="text-slate-500">Mentor</dt>
              <dd className="font-medium text-slate-900">{plan.account.mentor.name}</dd>
            </>
          )}
          <dt className="text-slate-500">Printed</dt>
          <dd className="text-slate-900">{formatDate(printedOn)}</dd>
        </dl>
      </header>

      {!isCurrent && (
        <p className="keep mt-5 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm font-medium text-amber-900">
          For discussion: this version is {PLAN_STATUS_LABELS[version.status].toLowerCase()}, not the current approved plan{plan.current ? ` (version ${plan.current.number})` : ""}.
        </p>
      )}

      {internal && (
      <section className="keep mt-7" aria-labelledby="print-lights">
        <Heading>
          <span id="print-lights">At a glance</span>
        </Heading>
        <ul className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2 print:grid-cols-2">
          {LIGHT_AREAS.map((area) => {
            const l = plan.lights.current[area];
            return (
              <li key={area} className="flex items-start gap-2.5 text-sm">
                <span className="mt-0.5">
                  <LightDot color={l?.color ?? null} />
                </span>
                <span>
                  <span className="font-medium text-slate-900">{LIGHT_AREA_LABELS[area]}</span>
                  <span className={`ml-1.5 text-xs font-semibold uppercase ${l ? LIGHT_STYLE[l.color].text : "text-slate-500"}`}>{l ? LIGHT_STYLE[l.color].label : "not set"}</span>
                  {l && <span className="block text-slate-600">{l.reason}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
      )}

      {chartRows.length > 0 && (
        <section className="keep mt-7" aria-label="Targets and actuals">
          <Heading>Targets and actuals</Heading>
          <TargetsChart rows={chartRows} height={220} animate={false} />
        </section>
      )}

      <div className="mt-7">
        <PlanDocument content={version.content} actuals={actuals} hideEmpty omit={internal ? [] : [...INTERNAL_SECTIONS]} />
      </div>

      {internal && (
      <section className="mt-7" aria-labelledby="print-actions">
        <Heading>
          <span id="print-actions">Next actions</span>
        </Heading>
        {open.length ? (
          <ScrollX label="Open actions with owner and due day">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                  <th className="py-1.5 pr-3 font-medium">Action</th>
                  <th className="py-1.5 pr-3 font-medium">Owner</th>
                  <th className="py-1.5 pr-3 font-medium">Due</th>
                  <th className="py-1.5 font-medium">Objective</th>
                </tr>
              </thead>
              <tbody>
                {open.map((a) => (
                  <tr key={a.id} className="border-b border-slate-100 align-top">
                    <td className="py-1.5 pr-3 text-slate-900">{a.title}</td>
                    <td className="py-1.5 pr-3 whitespace-nowrap text-slate-700">{a.owner.name}</td>
                    <td className={`py-1.5 pr-3 whitespace-nowrap ${isOverdue(a, today) ? "font-semibold text-red-700" : "text-slate-700"}`}>{formatDay(a.dueDate)}</td>
                    <td className="py-1.5 text-slate-600">{a.objectiveRef ? (objectiveTitle.get(a.objectiveRef) ?? "") : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
        ) : (
          <p className="text-sm italic text-slate-500">No open actions.</p>
        )}
      </section>
      )}

      <section className="keep mt-7" aria-labelledby="print-team">
        <Heading>
          <span id="print-team">Account team</span>
        </Heading>
        <ul className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 print:grid-cols-2">
          {plan.team.map((p) => {
            const c = commitment?.members.find((m) => m.userId === p.id);
            return (
              <li key={p.id} className="flex justify-between gap-3 border-b border-slate-100 py-1">
                <span className="text-slate-900">
                  {p.name}
                  {p.id === plan.account.owner.id ? <span className="text-slate-500"> · account manager</span> : null}
                </span>
                {commitment && <span className="text-xs text-slate-500">{c?.committedAt ? `committed ${formatDate(c.committedAt)}` : "commitment pending"}</span>}
              </li>
            );
          })}
        </ul>
      </section>

      <footer className="mt-10 border-t border-slate-200 pt-3 text-xs text-slate-500">
        {internal ? "Confidential, internal. " : ""}
        {plan.account.name} account plan, version {version.number}. Prepared with Keystone on {formatDate(printedOn)}.
      </footer>
    </article>
  );
}
