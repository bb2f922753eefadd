import { PageSkeleton } from "@/components/ui/skeleton";

export default function DashboardAccountsLoading() {
  return <PageSkeleton rows={10} />;
}
