// Small shared pieces of the review screens: status, urgency, and tier-and-score beside an account.
import { Badge, type Tone } from "@/components/ui/badge";
import { TierBadge } from "@/components/accounts/tier-badge";
import { formatScore } from "@/lib/format";
import { cn } from "@/lib/cn";
import type { TUrgency } from "@/lib/reviews/model";
import type { TReviewStatus } from "@/lib/reviews/schema";
import type { TAccountBrief } from "@/lib/reviews/view";

const STATUS: Record<TReviewStatus, { label: string; tone: Tone }> = {
  pending: { label: "Waiting for the mentor", tone: "blue" },
  endorsed: { label: "Endorsed", tone: "green" },
  "changes-requested": { label: "Changes requested", tone: "amber" },
};

export function ReviewStatusBadge({ status, stale = false }: { status: TReviewStatus; stale?: boolean }) {
  if (stale) {
    return (
      <Badge tone="slate" title="The plan version was decided outside this review, or a newer version overtook it">
        Overtaken
      </Badge>
    );
  }
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

const URGENCY_TONE: Record<TUrgency["tone"], string> = { red: "text-red-700", amber: "text-amber-700", slate: "text-slate-500" };

export function UrgencyText({ urgency, className }: { urgency: TUrgency; className?: string }) {
  return <span className={cn("text-xs font-medium", URGENCY_TONE[urgency.tone], className)}>{urgency.label}</span>;
}

/** The account's tier (override marked) and score, as every review list shows them. */
export function TierAndScore({ account }: { account: TAccountBrief }) {
  const tier = account.tier ? { name: account.tier.name, rank: account.tier.rank, isKey: account.tier.isKey } : null;
  return (
    <span className="inline-flex items-center gap-2 text-xs text-slate-500">
      {/* TierBadge's own "Not scored" is too faint for WCAG contrast on white; say it here instead. */}
      {tier ? <TierBadge computed={account.tier?.overridden ? null : tier} override={account.tier?.overridden ? tier : null} /> : <span>Not scored</span>}
      <span title="Selection score">
        Score <span className="font-medium tabular-nums text-slate-700">{formatScore(account.score)}</span>
      </span>
    </span>
  );
}
