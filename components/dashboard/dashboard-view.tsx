"use client";

// The dashboard's body: headline figures, then one section per question a senior manager asks
// (which accounts are key, are plans and reviews kept alive, how well we are connected, is it
// paying off), each with a jump link.
import type { ReactNode } from "react";
import type { TDashboard } from "@/lib/dashboard/view";
import { DashboardProvider } from "./context";
import { StatTile, formatCount, formatMoneyShort, formatPercent } from "./figure";
import { TierSection } from "./tier-section";
import { PlanSection, RelationshipSection, ReviewSection } from "./health-sections";
import { LifecycleSection, ReturnSection } from "./return-section";

const SECTIONS = [
  { id: "tiers", title: "Key accounts and tiers" },
  { id: "plans", title: "Plan health" },
  { id: "reviews", title: "Review discipline" },
  { id: "relationships", title: "Relationship health" },
  { id: "return", title: "Long-term return" },
] as const;

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6">
      <div className="mb-3">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">{title}</h2>
        <p className="text-sm text-slate-600">{description}</p>
      </div>
      {children}
    </section>
  );
}

export function DashboardView({ data }: { data: TDashboard }) {
  const t = data.totals;
  return (
    <DashboardProvider filters={data.filters} today={data.today}>
      <nav aria-label="Dashboard sections" className="mb-4 flex flex-wrap gap-2 text-sm">
        {SECTIONS.map((s) => (
          <a key={s.id} href={`#${s.id}`} className="rounded-full border border-slate-200 bg-white px-3 py-1 text-slate-700 hover:border-brand-200 hover:text-brand-700">
            {s.title}
          </a>
        ))}
      </nav>
      <div className="mb-8 grid grid-cols-2 gap-3 lg:grid-cols-5" data-testid="headline">
        <StatTile testId="stat-accounts" label="Accounts" value={formatCount(t.accounts)} metric="all" />
        <StatTile testId="stat-key" label="Key accounts" value={formatCount(t.keyAccounts)} metric="key" hint={`${formatPercent(t.accounts ? t.keyAccounts / t.accounts : null)} of accounts`} />
        <StatTile label="Revenue this year" value={formatMoneyShort(t.revenue)} metric="all" />
        <StatTile label="Margin this year" value={formatMoneyShort(t.margin)} metric="all" hint={`${formatPercent(t.revenue ? t.margin / t.revenue : null, 1)} of revenue`} />
        <StatTile label="Average score" value={t.avgScore === null ? "—" : t.avgScore.toFixed(1)} hint={`${formatCount(t.scored)} of ${formatCount(t.accounts)} scored`} metric="all" />
      </div>
      <div className="space-y-10">
        <Section id="tiers" title="Key accounts and tiers" description="Which accounts are key and why, and whether we can serve each tier as promised.">
          <TierSection d={data} />
        </Section>
        <Section id="plans" title="Plan health" description="Are plans kept alive: traffic lights, approved plans and overdue actions.">
          <PlanSection d={data} />
        </Section>
        <Section id="reviews" title="Review discipline" description="Periodic plan reviews on the tier's cadence, and how quickly mentors give their verdict.">
          <ReviewSection d={data} />
        </Section>
        <Section id="relationships" title="Relationship health" description="How well we are connected to the people who decide.">
          <RelationshipSection d={data} />
        </Section>
        <Section id="return" title="Long-term return" description="Is the investment paying back: targets against actuals, and where accounts are in their lifecycle.">
          <div className="grid gap-6 xl:grid-cols-3">
            <div className="xl:col-span-2">
              <ReturnSection d={data} />
            </div>
            <LifecycleSection d={data} />
          </div>
        </Section>
      </div>
    </DashboardProvider>
  );
}
