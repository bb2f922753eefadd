import { FormSkeleton } from "@/components/ui/skeleton";

export default function EditProposalLoading() {
  return <FormSkeleton fields={6} label="Loading the proposal" />;
}
