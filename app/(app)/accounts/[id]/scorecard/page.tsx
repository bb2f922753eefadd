import type { Metadata } from "next";
import { orNotFound } from "@/lib/not-found";
import { requirePageUser } from "@/lib/auth/session";
import { getScorecard, listScoreHistory } from "@/lib/scoring/scorecard-service";
import { ScorecardWorkspace } from "@/components/scoring/scorecard-workspace";

export const metadata: Metadata = { title: "Scorecard" };

export default async function ScorecardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const [card, history] = await orNotFound(Promise.all([getScorecard({ user, accountId: id }), listScoreHistory({ user, accountId: id })]));
  return <ScorecardWorkspace initial={JSON.parse(JSON.stringify(card))} history={JSON.parse(JSON.stringify(history))} />;
}
