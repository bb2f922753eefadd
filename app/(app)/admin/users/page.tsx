import type { Metadata } from "next";
import { requirePageAction } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/service";
import { PageHeader } from "@/components/ui/page-header";
import { UsersAdmin } from "@/components/admin/users-admin";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageAction("user:manage");
  const users = await listUsers({ user });
  return (
    <>
      <PageHeader title="Users" description="Add people, change their role, or deactivate them. A deactivated user cannot sign in, even with a session opened earlier." />
      <UsersAdmin users={JSON.parse(JSON.stringify(users))} currentUserId={user.id} />
    </>
  );
}
