import { FormSkeleton } from "@/components/ui/skeleton";

export default function NewAccountLoading() {
  return <FormSkeleton fields={8} label="Loading the new account form" />;
}
