import "server-only";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/session";
import { planHomeSection } from "@/lib/plans/attention";
import { reviewPortfolioHomeSection, reviewQueueHomeSection, reviewTeamHomeSection } from "@/lib/reviews/attention";
import { scoringHomeSection } from "@/lib/scoring/attention";
import { relationshipHomeSection } from "@/lib/relationships/attention";

/** A block on the home page: something that needs this person's attention. */
export type HomeSection = { title: string; description?: string; content: ReactNode; order?: number };
export type HomeSectionProvider = (user: SessionUser) => Promise<HomeSection | null>;

// Features add their provider to this list (import it above): reviews, overdue actions, …
// An explicit list, not side-effect registration, so the bundler cannot drop one.
const providers: HomeSectionProvider[] = [planHomeSection, reviewQueueHomeSection, reviewTeamHomeSection, reviewPortfolioHomeSection, scoringHomeSection, relationshipHomeSection];

export async function homeSections(user: SessionUser): Promise<HomeSection[]> {
  const sections = await Promise.all(providers.map((p) => p(user).catch(() => null)));
  return sections.filter((s): s is HomeSection => s !== null).sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
}
