import { ReviewSkeleton } from "@/components/reviews/review-skeleton";

export default function ReviewLoading() {
  return <ReviewSkeleton label="Loading the review" />;
}
