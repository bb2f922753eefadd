import "server-only";
// What the plans feature asks of a person: overdue actions they own and approved plans waiting
// for their commitment. Listed in lib/attention.ts (nav badge) and lib/home.ts (home page).
import Link from "next/link";
import { IntentLink } from "@/components/ui/intent-link";
import type { SessionUser } from "@/lib/auth/session";
import type { HomeSection } from "@/lib/home";
import { formatDay } from "@/lib/format";
import { ListRow } from "@/components/ui/list-row";
import { daysOverdue } from "./model";
import { localToday } from "@/lib/days";
import { listPendingCommitments } from "./service";
import { countMyOverdueActions, listMyActions } from "./tracking";

/** Badge on "My actions": overdue actions plus plans awaiting the person's commitment. */
export async function planAttention(user: SessionUser): Promise<Record<string, number>> {
  if (user.role === "MENTOR") return {};
  const [overdue, pending] = await Promise.all([countMyOverdueActions({ user, today: localToday() }), listPendingCommitments({ user })]);
  return { "/actions": overdue + pending.length };
}

/** Home page block: the person's overdue actions and commitments, most urgent first. */
export async function planHomeSection(user: SessionUser): Promise<HomeSection | null> {
  if (user.role === "MENTOR") return null;
  const today = localToday();
  const [actions, pending] = await Promise.all([listMyActions({ user, include: "open" }), listPendingCommitments({ user })]);
  const overdue = actions.filter((a) => daysOverdue(a, today) > 0).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  if (!overdue.length && !pending.length) return null;
  return {
    title: "Your actions and commitments",
    description: [overdue.length && `${overdue.length} overdue action${overdue.length > 1 ? "s" : ""}`, pending.length && `${pending.length} plan${pending.length > 1 ? "s" : ""} to commit to`].filter(Boolean).join(" · "),
    order: 20,
    content: (
      <div className="space-y-3 text-sm">
        {pending.length > 0 && (
          <ul className="space-y-1.5">
            {pending.slice(0, 5).map((p) => (
              <li key={`${p.accountId}-${p.versionNumber}`}>
                <IntentLink href={`/accounts/${p.accountId}/plan`} className="font-medium text-brand-700 hover:underline">
                  Commit to version {p.versionNumber} of the {p.accountName} plan
                </IntentLink>
              </li>
            ))}
          </ul>
        )}
        {overdue.length > 0 && (
          <ul className="space-y-1.5">
            {overdue.slice(0, 6).map((a) => (
              <ListRow key={a.id} aside={`due ${formatDay(a.dueDate)}`} asideClassName="whitespace-nowrap font-medium text-red-700">
                <span className="text-slate-900">{a.title}</span> <span className="text-slate-500">· {a.accountName}</span>
              </ListRow>
            ))}
          </ul>
        )}
        <Link href="/actions" className="inline-block font-medium text-brand-700 hover:underline">
          All my actions
        </Link>
      </div>
    ),
  };
}
