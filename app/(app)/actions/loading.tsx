import { PageSkeleton } from "@/components/ui/skeleton";

export default function MyActionsLoading() {
  return <PageSkeleton rows={6} />;
}
