import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getAccount, listPeople } from "@/lib/accounts/service";
import { AccountOverview } from "@/components/accounts/account-overview";

export default async function AccountOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const [account, people] = await Promise.all([getAccount({ user, accountId: id }), listPeople()]);
  const rel = account.relation;
  return (
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
  );
}
