import { PageSkeleton } from "@/components/ui/skeleton";

export default function SelectionModelLoading() {
  return <PageSkeleton rows={10} />;
}
