import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getPageAccount, listPeople } from "@/lib/accounts/service";
import { loadAccountContext } from "@/lib/reviews/context";
import { AccountOverview } from "@/components/accounts/account-overview";
import { AccountContextCard } from "@/components/reviews/account-context";

export default async function AccountOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const account = await getPageAccount(user, id);
  const [people, context] = await Promise.all([listPeople(), loadAccountContext(account.id)]);
  const rel = account.relation;
  return (
    <div className="space-y-6">
      <AccountContextCard
        context={context}
        wide
        title="At a glance"
        description="Why the account is in its tier, how the plan's areas stand, how well we know the customer's people, and when the plan is next reviewed."
      />
      <AccountOverview
        account={JSON.parse(JSON.stringify(account))}
        people={people}
        permissions={{
          edit: can(user, "account:edit", rel),
          archive: can(user, "account:archive", rel),
          manageTeam: can(user, "account:manageTeam", rel),
          changeOwner: can(user, "account:manageTeam", rel) && user.role !== "ACCOUNT_MANAGER",
          changeMentor: can(user, "account:assignMentor", rel),
        }}
      />
    </div>
  );
}
