"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { UserPlus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { useFocusFirstError } from "@/components/ui/form-errors";
import { Field, Input, Select } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { ROLES } from "@/lib/auth/policy";
import { ROLE_LABELS } from "@/lib/accounts/stages";
import { Ago } from "@/components/ui/ago";
import { cn } from "@/lib/cn";
import { CARD } from "@/components/ui/card-rows";

type U = { id: string; email: string; name: string; role: string; active: boolean; version: number; maxKeyAccounts: number | null; updatedAt: string };

export function UsersAdmin({ users, currentUserId }: { users: U[]; currentUserId: string }) {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // The server names the fields that are wrong; the first of them takes focus.
  const formRef = useFocusFirstError(fields);

  async function create(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = Object.fromEntries(new FormData(form).entries());
    const outcome = changeToast("user-create");
    setBusy(true);
    setFields({});
    try {
      await api("/api/users", { body: data });
      outcome.done(`${data.name} can now sign in`);
      form.reset();
      router.refresh();
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      outcome.failedWith(err, "Could not add the user");
    } finally {
      setBusy(false);
    }
  }

  async function patch(u: U, change: Partial<Pick<U, "role" | "active">>) {
    const outcome = changeToast(`user-${u.id}`);
    try {
      await api(`/api/users/${u.id}`, { method: "PATCH", body: { ...change, version: u.version } });
      outcome.done(change.active === false ? `${u.name} is deactivated` : change.active ? `${u.name} is active again` : `${u.name} is now ${ROLE_LABELS[change.role ?? ""]}`);
      router.refresh();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) outcome.failed("Someone else changed this user meanwhile. The list is refreshed.");
      else outcome.failedWith(err, "Could not save");
      router.refresh();
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader title="People" description={`${users.filter((u) => u.active).length} active of ${users.length}`} />
        <div className="relative overflow-x-auto">
          <table className={cn("min-w-full divide-y divide-slate-200 text-sm", CARD.table)}>
            <thead className={cn("bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500", CARD.head)}>
              <tr>
                <th scope="col" className="px-3 py-3">Name</th>
                <th scope="col" className="px-3 py-3">Role</th>
                <th scope="col" className="px-3 py-3"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className={cn("divide-y divide-slate-100", CARD.body)}>
              {users.map((u) => (
                <tr key={u.id} className={cn(CARD.row, !u.active && "bg-slate-50 text-slate-500")}>
                  <td className={cn("px-3 py-3 max-md:basis-full", CARD.cell)}>
                    {/* Active is the usual state: only a deactivated person carries a badge. The
                        table then fits beside the form on a laptop screen. */}
                    <div className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                      {/* Its own item, free to break anywhere: a bare text item is as wide as its longest word. */}
                      <span className="min-w-0 wrap-anywhere">{u.name}</span>
                      {!u.active && <Badge>Deactivated</Badge>}
                      {u.id === currentUserId && <Badge tone="blue">You</Badge>}
                    </div>
                    <div className="text-xs text-slate-500">
                      <span className="break-all">{u.email}</span> · changed <Ago at={u.updatedAt} />
                    </div>
                  </td>
                  <td className={cn("px-3 py-3", CARD.cell)}>
                    <label className="sr-only" htmlFor={`role-${u.id}`}>Role of {u.name}</label>
                    <Select id={`role-${u.id}`} value={u.role} disabled={u.id === currentUserId} onChange={(e) => patch(u, { role: e.target.value })} className="h-8 w-48">
                      {ROLES.map((r) => (
                        <option key={r} value={r}>{ROLE_LABELS[r]}</option>
                      ))}
                    </Select>
                  </td>
                  <td className={cn("px-3 py-3 text-right", CARD.cell)}>
                    {u.id !== currentUserId && (
                      <Button variant={u.active ? "danger" : "secondary"} size="sm" onClick={() => patch(u, { active: !u.active })}>
                        {u.active ? "Deactivate" : "Reactivate"}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card>
        <CardHeader title="Add a person" description="They sign in with this email and password." />
        <CardBody>
          <form ref={formRef} onSubmit={create} className="space-y-4" noValidate>
            <Field label="Name" htmlFor="new-name" error={fields.name}>
              <Input id="new-name" name="name" required />
            </Field>
            <Field label="Email" htmlFor="new-email" error={fields.email}>
              <Input id="new-email" name="email" type="email" required />
            </Field>
            <Field label="Role" htmlFor="new-role" error={fields.role}>
              <Select id="new-role" name="role" defaultValue="ACCOUNT_MANAGER">
                {ROLES.map((r) => (
                  <option key={r} value={r}>{ROLE_LABELS[r]}</option>
                ))}
              </Select>
            </Field>
            <Field label="Initial password" htmlFor="new-password" error={fields.password} hint="At least 10 characters. Share it privately.">
              <Input id="new-password" name="password" type="password" autoComplete="new-password" required />
            </Field>
            <Button type="submit" disabled={busy} className="w-full">
              <UserPlus aria-hidden className="h-4 w-4" /> {busy ? "Adding…" : "Add person"}
            </Button>
          </form>
        </CardBody>
      </Card>
    </div>
  );
}
