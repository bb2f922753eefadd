import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { planAttention } from "@/lib/plans/attention";
import { reviewAttention } from "@/lib/reviews/attention";

/**
 * Counts shown beside navigation links (href -> count): what needs this person's attention.
 * e.g. pending reviews and unanswered comments.
 */
export type AttentionCounter = (user: SessionUser) => Promise<Record<string, number>>;
// Features add their counter to this list (import it above). An explicit list, not side-effect
// registration, so the bundler cannot drop one.
const counters: AttentionCounter[] = [planAttention, reviewAttention];

export async function navBadges(user: SessionUser): Promise<Record<string, number>> {
  const parts = await Promise.all(counters.map((c) => c(user).catch(() => ({}) as Record<string, number>)));
  const out: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) out[k] = (out[k] ?? 0) + v;
  return out;
}
