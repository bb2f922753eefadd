import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { DocumentTitle } from "@/components/layout/document-title";

export default function NotFound() {
  return (
    <>
      {/* The tab says so too, not the name of the page that was asked for ("Plan · Keystone"). */}
      <DocumentTitle title="Not found · Keystone" />
      <EmptyState level={1} title="Not found" action={<Link href="/accounts" className={buttonClass("secondary")}>Back to accounts</Link>}>
        This page does not exist, or it belongs to accounts you do not have access to.
      </EmptyState>
    </>
  );
}
