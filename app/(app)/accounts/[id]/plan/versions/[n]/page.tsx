import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { loadVersion } from "./load";
import { PlanVersionPage } from "@/components/plans/plan-version-page";

export const metadata: Metadata = { title: "Plan version" };

export default async function VersionPage({ params }: { params: Promise<{ id: string; n: string }> }) {
  const { id, n } = await params;
  const version = await loadVersion(await requirePageUser(), id, n);
  const number = version.number;
  return (
    <PlanVersionPage
      accountId={id}
      version={version}
      actions={
        number > 1 ? (
          <Link href={`/accounts/${id}/plan/versions?a=${number - 1}&b=${number}`} className="text-sm font-medium text-brand-700 hover:underline">
            What changed since version {number - 1}
          </Link>
        ) : null
      }
    />
  );
}
