import "server-only";
// What the relationship map asks of an account manager: their accounts where no one on the team
// knows the economic decision maker well, or where a key person hangs on one thread. Reads the
// cached figures on the account (kept up to date by every map change): one query.
// Listed in lib/home.ts (home page).
import Link from "next/link";
import { IntentLink } from "@/components/ui/intent-link";
import { ListRow } from "@/components/ui/list-row";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import type { HomeSection } from "@/lib/home";
import { ownAccountIds, visibleAccountsWhere } from "@/lib/accounts/access";

export async function relationshipHomeSection(user: SessionUser): Promise<HomeSection | null> {
  if (user.role !== "ACCOUNT_MANAGER") return null;
  const accounts = await prisma.account.findMany({
    where: {
      AND: [
        visibleAccountsWhere(user),
        { id: { in: await ownAccountIds(user.id) } },
        { OR: [{ uncoveredDecisionMakers: { gt: 0 } }, { singleThreaded: true }] },
      ],
    },
    select: { id: true, name: true, uncoveredDecisionMakers: true, singleThreaded: true, coverageScore: true },
    orderBy: [{ uncoveredDecisionMakers: "desc" }, { coverageScore: { sort: "asc", nulls: "last" } }, { name: "asc" }],
    take: 6,
  });
  if (!accounts.length) return null;
  return {
    title: "Relationship gaps",
    description: "Accounts where a decision maker is not covered, or a key person hangs on one thread",
    order: 40,
    content: (
      <ul className="space-y-1.5 text-sm">
        {accounts.map((a) => (
          <ListRow
            key={a.id}
            asideClassName="text-slate-600"
            aside={[
              a.uncoveredDecisionMakers > 0 && `${a.uncoveredDecisionMakers} decision maker${a.uncoveredDecisionMakers > 1 ? "s" : ""} not covered`,
              a.singleThreaded && "single-threaded",
              a.coverageScore !== null && `coverage ${Math.round(a.coverageScore)}`,
            ]
              .filter(Boolean)
              .join(" · ")}
          >
            <IntentLink href={`/accounts/${a.id}/relationships`} className="font-medium text-brand-700 hover:underline">
              {a.name}
            </IntentLink>
          </ListRow>
        ))}
      </ul>
    ),
  };
}
