import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getPlanVersion } from "@/lib/plans/service";
import { PlanVersionPage } from "@/components/plans/plan-version-page";

export const metadata: Metadata = { title: "Plan version" };

export default async function VersionPage({ params }: { params: Promise<{ id: string; n: string }> }) {
  const { id, n } = await params;
  const number = Number(n);
  if (!Number.isInteger(number) || number < 1) notFound();
  const user = await requirePageUser();
  const version = await getPlanVersion({ user, accountId: id, number }).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
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
