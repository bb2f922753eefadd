import type { Metadata } from "next";
import { requirePageAction } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { listPeople } from "@/lib/accounts/service";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { AccountForm } from "@/components/accounts/account-form";

export const metadata: Metadata = { title: "New account" };

export default async function NewAccountPage() {
  const user = await requirePageAction("account:create");
  const people = await listPeople();
  return (
    <>
      <PageHeader title="New account" description="You become its key account manager unless you pick someone else." />
      <Card className="max-w-3xl">
        <CardBody>
          <AccountForm
            people={people}
            canChangeOwner={can(user, "account:manageTeam", "none")}
            canChangeMentor
            initial={{ name: "", industry: "", region: "", stage: "PRE_SALES", annualRevenue: 0, annualMargin: 0, description: "", ownerId: user.id, mentorId: null }}
          />
        </CardBody>
      </Card>
    </>
  );
}
