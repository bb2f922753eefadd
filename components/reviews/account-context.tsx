// The account beside a review: tier and why, traffic lights, relationship coverage and when the
// next periodic plan review is due. Everything a mentor needs to judge the plan in context.
import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { TierBadge } from "@/components/accounts/tier-badge";
import { LightDot, LIGHT_STYLE } from "@/components/plans/light-dot";
import { LIGHT_AREA_LABELS, STAGE_LABELS } from "@/lib/plans/schema";
import { formatScore, formatDay } from "@/lib/format";
import type { TAccountContext } from "@/lib/reviews/view";
import { lastHeldLabel } from "@/lib/reviews/model";

/** Coverage is cached by the relationships feature, as a share (0..1) or a percentage. */
const percent = (v: number) => Math.round(v <= 1 ? v * 100 : v);

/**
 * Beside a review it is a narrow column; on the account's overview (`wide`) the same four parts
 * stand side by side under another title.
 */
export function AccountContextCard({ context, wide = false, title = "The account", description }: { context: TAccountContext; wide?: boolean; title?: string; description?: string }) {
  const tier = context.tier ? { name: context.tier.name, rank: context.tier.rank, isKey: context.tier.isKey } : null;
  const base = `/accounts/${context.id}`;
  const p = context.periodic;
  return (
    <Card aria-label={title}>
      <CardHeader title={title} description={description ?? `${STAGE_LABELS[context.stage]} · managed by ${context.owner.name}`} />
      <CardBody className={wide ? "grid gap-x-8 gap-y-6 text-sm sm:grid-cols-2 xl:grid-cols-4" : "space-y-5 text-sm"}>
        <section aria-labelledby="ctx-tier">
          <h3 id="ctx-tier" className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">
            Tier and why
          </h3>
          <div className="flex flex-wrap items-center gap-2">
            {tier ? <TierBadge computed={context.override ? null : tier} override={context.override ? tier : null} reason={context.override?.reason} /> : <span className="text-slate-600">No tier yet</span>}
            <span className="text-slate-700">
              Score <span className="font-semibold tabular-nums">{formatScore(context.score)}</span>
            </span>
            {context.tier && <span className="text-xs text-slate-500">plan review every {context.tier.reviewEveryMonths} months</span>}
          </div>
          {context.override && (
            <p className="mt-1.5 text-slate-600">
              Overridden{context.computedTierName ? ` from ${context.computedTierName}` : ""}
              {context.override.by ? ` by ${context.override.by.name}` : ""}: {context.override.reason || "no reason given"}
            </p>
          )}
          {context.topCriteria.length > 0 ? (
            <ul className="mt-2 space-y-1" aria-label="Criteria that weigh most">
              {context.topCriteria.map((c) => (
                // A name too long to share its line puts the value under it, at the right, rather
                // than breaking itself over three lines in a narrow column.
                <li key={c.name} className="flex flex-wrap items-baseline justify-between gap-x-2">
                  <span className="text-slate-700" title={c.rationale || undefined}>
                    {c.name}
                  </span>
                  <span className="ml-auto shrink-0 tabular-nums text-slate-500">
                    {c.value}/5 · weight {c.weight}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1.5 text-slate-500">Not scored against the selection criteria yet.</p>
          )}
          <Link href={`${base}/scorecard`} className="mt-1.5 inline-block text-xs font-medium text-brand-700 hover:underline">
            Score breakdown
          </Link>
        </section>

        <section aria-labelledby="ctx-lights">
          <h3 id="ctx-lights" className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">
            Traffic lights
          </h3>
          <ul className="space-y-1.5">
            {context.lights.map((l) => (
              <li key={l.area} className="flex items-start gap-2">
                <span className="mt-0.5">
                  <LightDot color={l.color} size="sm" />
                </span>
                <span className="min-w-0">
                  <span className="font-medium text-slate-800">{LIGHT_AREA_LABELS[l.area]}</span>{" "}
                  <span className={l.color ? LIGHT_STYLE[l.color].text : "text-slate-500"}>{l.color ? LIGHT_STYLE[l.color].label : "not set"}</span>
                  {l.reason && <span className="block text-xs text-slate-600">{l.reason}</span>}
                </span>
              </li>
            ))}
          </ul>
          <Link href={`${base}/plan`} className="mt-1.5 inline-block text-xs font-medium text-brand-700 hover:underline">
            Account plan
          </Link>
        </section>

        <section aria-labelledby="ctx-coverage">
          <h3 id="ctx-coverage" className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">
            Relationship coverage
          </h3>
          {context.coverage.score === null && context.coverage.contacts === 0 ? (
            <p className="text-slate-500">No relationship map yet.</p>
          ) : (
            <div className="space-y-1.5">
              {context.coverage.score !== null && (
                <div>
                  <div className="flex justify-between text-slate-700">
                    <span>Coverage</span>
                    <span className="font-semibold tabular-nums">{percent(context.coverage.score)}%</span>
                  </div>
                  <div className="mt-1 h-1.5 rounded-full bg-slate-100" aria-hidden>
                    <div className="h-1.5 rounded-full bg-brand-500" style={{ width: `${Math.min(100, percent(context.coverage.score))}%` }} />
                  </div>
                </div>
              )}
              <p className="text-slate-600">
                {context.coverage.contacts} contacts · {context.coverage.relationships} relationships
              </p>
              {context.coverage.uncoveredDecisionMakers > 0 && (
                <p className="flex items-center gap-1.5 text-amber-800">
                  <AlertTriangle aria-hidden className="h-3.5 w-3.5" /> {context.coverage.uncoveredDecisionMakers} decision maker{context.coverage.uncoveredDecisionMakers > 1 ? "s" : ""} nobody covers
                </p>
              )}
              {context.coverage.singleThreaded && (
                <p className="flex items-center gap-1.5 text-amber-800">
                  <AlertTriangle aria-hidden className="h-3.5 w-3.5" /> Single-threaded
                </p>
              )}
            </div>
          )}
          <Link href={`${base}/relationships`} className="mt-1.5 inline-block text-xs font-medium text-brand-700 hover:underline">
            Relationship map
          </Link>
        </section>

        <section aria-labelledby="ctx-periodic">
          <h3 id="ctx-periodic" className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">
            Periodic plan review
          </h3>
          <p className="flex flex-wrap items-center gap-2 text-slate-700">
            Due {formatDay(p.dueOn)}
            {p.state === "overdue" ? <Badge tone="red">Overdue {p.daysOverdue} days</Badge> : p.state === "due-soon" ? <Badge tone="amber">Due soon</Badge> : null}
          </p>
          <p className="text-xs text-slate-500">
            {lastHeldLabel(p, formatDay)} · every {p.everyMonths} months
          </p>
          <Link href={`${base}/reviews`} className="mt-1.5 inline-block text-xs font-medium text-brand-700 hover:underline">
            Reviews of the account
          </Link>
        </section>
      </CardBody>
    </Card>
  );
}
