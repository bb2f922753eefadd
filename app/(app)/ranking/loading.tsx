import { PageSkeleton } from "@/components/ui/skeleton";

export default function RankingLoading() {
  return <PageSkeleton rows={12} />;
}
