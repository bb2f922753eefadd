import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <EmptyState level={1} title="Not found" action={<Link href="/accounts" className={buttonClass("secondary")}>Back to accounts</Link>}>
      This page does not exist, or it belongs to accounts you do not have access to.
    </EmptyState>
  );
}
