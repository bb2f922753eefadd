import { ReviewSkeleton } from "@/components/reviews/review-skeleton";

export default function ReviewsLoading() {
  return <ReviewSkeleton label="Loading reviews" />;
}
