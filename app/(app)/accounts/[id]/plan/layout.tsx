import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getPageAccount } from "@/lib/accounts/service";
import { PlanNav } from "@/components/plans/plan-nav";

export default async function PlanLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  // The account the account's layout has already loaded in this request (or the not-found page).
  const account = await getPageAccount(user, id);
  return (
    <>
      <PlanNav accountId={id} canEdit={can(user, "plan:edit", account.relation)} />
      {children}
    </>
  );
}
