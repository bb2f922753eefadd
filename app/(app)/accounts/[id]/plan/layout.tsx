import { orNotFound } from "@/lib/not-found";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { authorizeAccount } from "@/lib/accounts/access";
import { PlanNav } from "@/components/plans/plan-nav";

export default async function PlanLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const access = await orNotFound(authorizeAccount({ user, accountId: id, action: "account:read" }));
  return (
    <>
      <PlanNav accountId={id} canEdit={can(user, "plan:edit", access.relation)} />
      {children}
    </>
  );
}
