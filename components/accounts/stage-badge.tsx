import { Badge, type Tone } from "@/components/ui/badge";
import { STAGE_LABELS, type StageName } from "@/lib/accounts/stages";

const TONES: Record<StageName, Tone> = {
  PRE_SALES: "slate",
  CONTRACT_NEGOTIATION: "amber",
  IMPLEMENTATION: "blue",
  REVIEW: "violet",
  EXPLOITATION: "green",
};

export function StageBadge({ stage }: { stage: StageName }) {
  return <Badge tone={TONES[stage]}>{STAGE_LABELS[stage]}</Badge>;
}
