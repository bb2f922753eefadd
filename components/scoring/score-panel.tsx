// Why is it key? The score and how complete it is, the tier it is served at (and any override),
// the thresholds, what would move it, and what the tier promises.
import { ArrowDown, ArrowUp, ShieldCheck } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TierBadge } from "@/components/accounts/tier-badge";
import { formatDate } from "@/lib/format";
import { TierScale } from "./tier-scale";
import type { TScorecardJson, TTierJson } from "./types";

export function ScorePanel({ card, preview }: { card: TScorecardJson; preview?: { score: number | null; tierName: string | null } | null }) {
  const { completeness } = card;
  const pct = completeness.total ? (completeness.scored / completeness.total) * 100 : 0;
  return (
    <Card>
      <CardHeader title="Score" description="Weighted across the selection criteria, 0 to 100." />
      <CardBody className="space-y-4">
        <div className="flex items-end justify-between gap-4">
          <div>
            <p className="text-4xl font-semibold tabular-nums tracking-tight text-slate-900" data-testid="scorecard-score">
              {card.score === null ? "—" : card.score.toFixed(1)}
            </p>
            <p className="mt-1 text-sm text-slate-600" data-testid="scorecard-completeness">
              {completeness.scored} of {completeness.total} criteria scored
            </p>
          </div>
          <div className="text-right">
            <p className="text-xs text-slate-500">Tier</p>
            <div className="mt-1" data-testid="scorecard-tier">
              <TierBadge computed={card.computedTier} override={card.override?.tier ?? null} reason={card.override?.reason} />
            </div>
          </div>
        </div>
        <div className="h-1.5 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label="Criteria scored" aria-valuemin={0} aria-valuemax={completeness.total} aria-valuenow={completeness.scored}>
          <div className="h-full rounded-full bg-emerald-500" style={{ width: `${pct}%` }} />
        </div>
        {completeness.scored < completeness.total && completeness.scored > 0 && (
          <p className="text-xs text-slate-500">Unscored criteria are left out and the others reweighted, so the score is an estimate until all are scored.</p>
        )}
        {preview && (
          <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900" role="status" data-testid="score-if-saved">
            If saved: <span className="font-semibold tabular-nums">{preview.score === null ? "no score" : preview.score.toFixed(1)}</span>
            {preview.tierName && <> · {preview.tierName}</>}
          </p>
        )}
        {card.override && (
          <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="override-note">
            <p className="font-medium">
              Overridden to {card.override.tier.name}
              {card.override.by ? ` by ${card.override.by.name}` : ""}
              {card.override.at ? ` on ${formatDate(card.override.at)}` : ""}
            </p>
            <p className="mt-0.5 whitespace-pre-wrap">“{card.override.reason}”</p>
            <p className="mt-1 text-xs text-amber-800">The score alone says {card.computedTier?.name ?? "no tier"}. New scores do not undo the override.</p>
          </div>
        )}
      </CardBody>
    </Card>
  );
}

export function WhyPanel({ card }: { card: TScorecardJson }) {
  const names = new Map(card.breakdown.map((b) => [b.criterionId, b.name]));
  const levers = [...card.whatMovesIt.levers].filter((l) => l.stepUp !== null).sort((a, b) => (b.stepUp ?? 0) - (a.stepUp ?? 0)).slice(0, 3);
  const { up, down } = card.whatMovesIt;
  return (
    <Card>
      <CardHeader title="What would move it" description="The tier thresholds and the distance to them." />
      <CardBody className="space-y-4">
        <TierScale tiers={card.tiers} score={card.score} />
        {card.override && card.score !== null && (
          <p className="text-sm text-slate-600">The override keeps it in {card.override.tier.name}. By score alone:</p>
        )}
        {card.score === null ? (
          <p className="text-sm text-slate-600">Score at least one weighted criterion to place the account in a tier. Until then it is not a key account.</p>
        ) : (
          <ul className="space-y-2 text-sm text-slate-700" data-testid="what-moves-it">
            {up ? (
              <li className="flex gap-2">
                <ArrowUp aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-emerald-600" />
                <span>
                  <span className="font-semibold tabular-nums">{up.pointsNeeded.toFixed(1)}</span> more points reach <span className="font-medium">{up.tierName}</span>.
                </span>
              </li>
            ) : (
              <li className="flex gap-2">
                <ShieldCheck aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-emerald-600" />
                <span>Already in the top tier.</span>
              </li>
            )}
            {down && (
              <li className="flex gap-2">
                <ArrowDown aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" />
                {down.margin === 0 ? (
                  <span>
                    Exactly on the threshold: any point less and it drops to <span className="font-medium">{down.tierName}</span>.
                  </span>
                ) : (
                  <span>
                    <span className="font-semibold tabular-nums">{down.margin.toFixed(1)}</span> points above the threshold; below it the account drops to{" "}
                    <span className="font-medium">{down.tierName}</span>.
                  </span>
                )}
              </li>
            )}
          </ul>
        )}
        {levers.length > 0 && (
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">One step up on</p>
            <ul className="mt-1.5 space-y-1 text-sm">
              {levers.map((l) => (
                <li key={l.criterionId} className="flex justify-between gap-3">
                  <span className="text-slate-700">{names.get(l.criterionId)}</span>
                  <span className="tabular-nums font-medium text-emerald-700">+{(l.stepUp ?? 0).toFixed(1)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </CardBody>
    </Card>
  );
}

export function ServiceLevel({ tier }: { tier: TTierJson | null }) {
  if (!tier) return null;
  const rows: [string, string][] = [
    ["Plan review", `every ${tier.reviewEveryMonths} month${tier.reviewEveryMonths === 1 ? "" : "s"}`],
    ["Contact", `every ${tier.contactEveryDays} day${tier.contactEveryDays === 1 ? "" : "s"}`],
    ["Executive sponsor", tier.executiveSponsor ? "yes" : "no"],
    ["Dedicated team", tier.dedicatedTeam ? "yes" : "no"],
  ];
  return (
    <Card>
      <CardHeader title={`Service level: ${tier.name}`} description={tier.isKey ? "What we promise an account of this tier." : "Served through the regular channels."} />
      <CardBody>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt className="text-xs text-slate-500">{k}</dt>
              <dd className="font-medium text-slate-800">{v}</dd>
            </div>
          ))}
        </dl>
        {tier.serviceNotes && <p className="mt-3 whitespace-pre-wrap text-sm text-slate-600">{tier.serviceNotes}</p>}
      </CardBody>
    </Card>
  );
}
