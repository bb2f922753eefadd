import { Badge, type Tone } from "@/components/ui/badge";

type TierLike = { name: string; rank: number; isKey: boolean } | null | undefined;

const toneFor = (t: NonNullable<TierLike>): Tone => (!t.isKey ? "slate" : t.rank === 1 ? "yellow" : t.rank === 2 ? "blue" : "violet");

/** The account's tier wherever it is shown; an override is always marked as such. */
export function TierBadge({ computed, override, reason }: { computed: TierLike; override?: TierLike; reason?: string | null }) {
  const tier = override ?? computed;
  if (!tier) return <span className="text-xs text-slate-500">Not scored</span>;
  return (
    <Badge tone={toneFor(tier)} title={override ? `Overridden${reason ? `: ${reason}` : ""}${computed ? ` (score says ${computed.name})` : ""}` : undefined}>
      {tier.name}
      {override && <span className="font-semibold" aria-label="overridden">*</span>}
    </Badge>
  );
}
