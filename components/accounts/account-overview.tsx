"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Archive, ArchiveRestore, Pencil, Plus, Trash2, UsersRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { AccountForm } from "@/components/accounts/account-form";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { formatMoney, formatDate } from "@/lib/format";
import { Ago } from "@/components/ui/ago";
import { ROLE_LABELS, STAGE_LABELS, TEAM_ROLES, TEAM_ROLE_LABELS, type StageName, type TeamRoleName } from "@/lib/accounts/stages";
import { confirmAction } from "@/components/ui/confirm";

type Person = { id: string; name: string; email: string; role: string };
type Account = {
  id: string;
  version: number;
  name: string;
  industry: string;
  region: string;
  stage: StageName;
  annualRevenue: string;
  annualMargin: string;
  description: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  owner: { id: string; name: string };
  mentor: { id: string; name: string } | null;
  team: { userId: string; role: TeamRoleName; user: Person }[];
};
type Permissions = { edit: boolean; archive: boolean; manageTeam: boolean; changeOwner: boolean; changeMentor: boolean };

export function AccountOverview({ account, people, permissions }: { account: Account; people: Person[]; permissions: Permissions }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);

  async function toggleArchive() {
    const restore = Boolean(account.archivedAt);
    if (!restore && !(await confirmAction({ title: `Archive ${account.name}?`, body: "It leaves the default list but keeps all its history. You can restore it at any time.", confirmLabel: "Archive", tone: "danger" }))) return;
    const outcome = changeToast("account-archive");
    try {
      await api(`/api/accounts/${account.id}${restore ? "?restore=1" : ""}`, { method: "DELETE" });
      outcome.done(restore ? "Account restored" : "Account archived");
      router.refresh();
    } catch (e) {
      outcome.failedWith(e, restore ? "Could not restore the account" : "Could not archive the account");
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader
          title="Account details"
          description={
            <>
              Updated <Ago at={account.updatedAt} />
            </>
          }
          actions={
            <>
              {permissions.edit && !editing && (
                <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
                  <Pencil aria-hidden className="h-4 w-4" /> Edit
                </Button>
              )}
              {permissions.archive && (
                <Button variant={account.archivedAt ? "secondary" : "danger"} size="sm" onClick={toggleArchive}>
                  {account.archivedAt ? <ArchiveRestore aria-hidden className="h-4 w-4" /> : <Archive aria-hidden className="h-4 w-4" />}
                  {account.archivedAt ? "Restore" : "Archive"}
                </Button>
              )}
            </>
          }
        />
        <CardBody>
          {editing ? (
            <>
              <AccountForm
                people={people}
                canChangeOwner={permissions.changeOwner}
                canChangeMentor={permissions.changeMentor}
                onSaved={() => setEditing(false)}
                initial={{
                  id: account.id,
                  version: account.version,
                  name: account.name,
                  industry: account.industry,
                  region: account.region,
                  stage: account.stage,
                  annualRevenue: account.annualRevenue,
                  annualMargin: account.annualMargin,
                  description: account.description,
                  ownerId: account.owner.id,
                  mentorId: account.mentor?.id ?? null,
                }}
              />
              <Button variant="ghost" size="sm" onClick={() => setEditing(false)} className="mt-2">
                Cancel
              </Button>
            </>
          ) : (
            <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
              <Item label="Industry">{account.industry}</Item>
              <Item label="Region">{account.region}</Item>
              <Item label="Lifecycle stage">{STAGE_LABELS[account.stage]}</Item>
              <Item label="Key account manager">{account.owner.name}</Item>
              <Item label="Mentor">{account.mentor?.name ?? <span className="text-slate-500">No mentor yet</span>}</Item>
              <Item label="In Keystone since">{formatDate(account.createdAt)}</Item>
              <Item label="Revenue this year">{formatMoney(account.annualRevenue)}</Item>
              <Item label="Gross margin this year">{formatMoney(account.annualMargin)}</Item>
              <div className="sm:col-span-2">
                <dt className="text-slate-500">Description</dt>
                <dd className="mt-1 whitespace-pre-line text-slate-800">{account.description || <span className="text-slate-500">No description yet.</span>}</dd>
              </div>
            </dl>
          )}
        </CardBody>
      </Card>
      <TeamCard account={account} people={people} canManage={permissions.manageTeam} />
    </div>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-900">{children}</dd>
    </div>
  );
}

function TeamCard({ account, people, canManage }: { account: Account; people: Person[]; canManage: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [members, setMembers] = useState(account.team.map((t) => ({ userId: t.userId, role: t.role })));
  const [adding, setAdding] = useState("");
  const [saving, setSaving] = useState(false);
  const byId = new Map(people.map((p) => [p.id, p]));
  const candidates = people.filter((p) => p.role !== "MENTOR" && !members.some((m) => m.userId === p.id));

  async function save() {
    const outcome = changeToast("account-team");
    setSaving(true);
    try {
      await api(`/api/accounts/${account.id}/team`, { method: "PUT", body: { members, version: account.version } });
      outcome.done("Team saved");
      setEditing(false);
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) outcome.failed("Someone else changed this account meanwhile. Reload and try again.");
      else outcome.failedWith(e, "Could not save the team");
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card>
      <CardHeader
        title="Account team"
        description={`${account.team.length} ${account.team.length === 1 ? "person" : "people"}`}
        actions={
          canManage && !editing ? (
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
              <UsersRound aria-hidden className="h-4 w-4" /> Change team
            </Button>
          ) : undefined
        }
      />
      <CardBody>
        <ul className="space-y-3" data-testid="team-list">
          {(editing ? members : account.team.map((t) => ({ userId: t.userId, role: t.role }))).map((m, i) => {
            const p = byId.get(m.userId) ?? account.team.find((t) => t.userId === m.userId)?.user;
            const isOwner = m.userId === account.owner.id;
            return (
              // In a narrow card the role badge goes under the name rather than cutting it short.
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
                <div className="min-w-0">
                  <div className="truncate text-sm font-medium text-slate-900">{p?.name ?? "Unknown user"}</div>
                  <div className="truncate text-xs text-slate-500">{p ? ROLE_LABELS[p.role] : ""}</div>
                </div>
                {editing && !isOwner ? (
                  <div className="flex items-center gap-1">
                    <label className="sr-only" htmlFor={`team-role-${m.userId}`}>
                      Team role of {p?.name}
                    </label>
                    <Select
                      id={`team-role-${m.userId}`}
                      value={m.role}
                      onChange={(e) => setMembers(members.map((x, j) => (j === i ? { ...x, role: e.target.value as TeamRoleName } : x)))}
                      className="h-8 w-40"
                    >
                      {TEAM_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {TEAM_ROLE_LABELS[r]}
                        </option>
                      ))}
                    </Select>
                    <Button variant="ghost" size="sm" aria-label={`Remove ${p?.name} from the team`} onClick={() => setMembers(members.filter((x) => x.userId !== m.userId))}>
                      <Trash2 aria-hidden className="h-4 w-4" />
                    </Button>
                  </div>
                ) : (
                  <Badge tone={m.role === "EXECUTIVE_SPONSOR" ? "violet" : m.role === "LEAD" ? "blue" : "slate"}>
                    {isOwner ? "Key account manager" : TEAM_ROLE_LABELS[m.role]}
                  </Badge>
                )}
              </li>
            );
          })}
        </ul>
        {editing && (
          <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
            <div className="flex gap-2">
              <label className="sr-only" htmlFor="team-add">
                Add a person to the team
              </label>
              <Select id="team-add" value={adding} onChange={(e) => setAdding(e.target.value)} className="h-8">
                <option value="">Add a person…</option>
                {candidates.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
              <Button
                variant="secondary"
                size="sm"
                disabled={!adding}
                onClick={() => {
                  setMembers([...members, { userId: adding, role: "MEMBER" }]);
                  setAdding("");
                }}
              >
                <Plus aria-hidden className="h-4 w-4" /> Add
              </Button>
            </div>
            <div className="flex justify-end gap-2">
              <Button variant="ghost" size="sm" onClick={() => { setEditing(false); setMembers(account.team.map((t) => ({ userId: t.userId, role: t.role }))); }}>
                Cancel
              </Button>
              <Button size="sm" onClick={save} disabled={saving}>
                {saving ? "Saving…" : "Save team"}
              </Button>
            </div>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
