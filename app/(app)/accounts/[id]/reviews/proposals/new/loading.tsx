import { FormSkeleton } from "@/components/ui/skeleton";

export default function NewProposalLoading() {
  return <FormSkeleton fields={6} label="Loading the proposal form" />;
}
