import type { Metadata } from "next";
import { orNotFound } from "@/lib/not-found";
import { requirePageUser } from "@/lib/auth/session";
import { getPeriodicReviews } from "@/lib/reviews/periodic";
import { localToday } from "@/lib/days";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PeriodicReviewForm } from "@/components/reviews/periodic-review-form";

export const metadata: Metadata = { title: "Record a plan review" };

export default async function NewPeriodicReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const overview = await orNotFound(getPeriodicReviews({ user, accountId: id }));
  if (!overview.canRecord) return <EmptyState title="The mentor records the review meeting">A senior manager can stand in when there is no mentor.</EmptyState>;
  return (
    <Card className="max-w-3xl">
      <CardHeader title="Record the periodic plan review" description={`Due every ${overview.schedule.everyMonths} months. Agreed next steps become actions on the plan.`} />
      <CardBody>
        <PeriodicReviewForm accountId={id} team={overview.team} mentor={overview.mentor} viewerName={user.name} today={localToday()} />
      </CardBody>
    </Card>
  );
}
