import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getScorecard, listScoreHistory } from "@/lib/scoring/scorecard-service";
import { ScorecardWorkspace } from "@/components/scoring/scorecard-workspace";

export const metadata: Metadata = { title: "Scorecard" };

export default async function ScorecardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const [card, history] = await Promise.all([getScorecard({ user, accountId: id }), listScoreHistory({ user, accountId: id })]).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return <ScorecardWorkspace initial={JSON.parse(JSON.stringify(card))} history={JSON.parse(JSON.stringify(history))} />;
}
