import { requirePageUser } from "@/lib/auth/session";
import { authorizeReview } from "@/lib/reviews/access";
import { orNotFound } from "@/lib/not-found";

// A review the user may not see is decided here, outside the page's loading skeleton, so that the
// answer is a 404 in its HTTP status as well as on the screen.
export default async function ReviewLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  await orNotFound(authorizeReview({ user: await requirePageUser(), reviewId: id }));
  return children;
}
