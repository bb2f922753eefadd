import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/accounts/access";
import { NotFoundError } from "@/lib/errors";
import { PlanNav } from "@/components/plans/plan-nav";

export default async function PlanLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const access = await authorizeAccount({ user, accountId: id, action: "account:read" }).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <PlanNav accountId={id} canEdit={can(user, "plan:edit", access.relation)} />
      {children}
    </>
  );
}
