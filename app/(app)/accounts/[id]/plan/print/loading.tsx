import { PageSkeleton } from "@/components/ui/skeleton";

export default function PlanPrintLoading() {
  return <PageSkeleton rows={10} />;
}
