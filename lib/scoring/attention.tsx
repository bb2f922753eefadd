import "server-only";
// What selection asks of a person on the home page: a key account manager's scorecards that are
// not complete; for senior managers, tiers over capacity and managers over their limit.
import Link from "next/link";
import { IntentLink } from "@/components/ui/intent-link";
import { ListRow } from "@/components/ui/list-row";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import type { HomeSection } from "@/lib/home";
import { readSelectionModel } from "./service";
import { portfolioLoad } from "./ranking-service";

export async function scoringHomeSection(user: SessionUser): Promise<HomeSection | null> {
  if (user.role === "MENTOR") return null;
  const model = await readSelectionModel();
  const total = model.criteria.filter((c) => c.active && c.weight > 0).length;
  const incomplete = await prisma.account.findMany({
    where: { ownerId: user.id, archivedAt: null, scoredCriteria: { lt: total } },
    select: { id: true, name: true, scoredCriteria: true },
    orderBy: [{ scoredCriteria: "asc" }, { name: "asc" }],
    take: 7,
  });

  let capacity: { name: string; over: number }[] = [];
  let managers: { name: string; count: number; limit: number | null }[] = [];
  if (can(user, "selectionModel:edit")) {
    const load = await portfolioLoad(model.tiers);
    capacity = load.capacity.filter((c) => c.over > 0).map((c) => ({ name: c.tier.name, over: c.over }));
    managers = load.overLimit.map((m) => ({ name: m.manager.name, count: m.count, limit: m.manager.maxKeyAccounts }));
  }
  if (!incomplete.length && !capacity.length && !managers.length) return null;

  return {
    title: "Key account selection",
    description: [
      incomplete.length && `${incomplete.length > 6 ? "7+" : incomplete.length} scorecard${incomplete.length === 1 ? "" : "s"} to complete`,
      capacity.length && `${capacity.length} tier${capacity.length === 1 ? "" : "s"} over capacity`,
      managers.length && `${managers.length} manager${managers.length === 1 ? "" : "s"} over their limit`,
    ]
      .filter(Boolean)
      .join(" · "),
    order: 30,
    content: (
      <div className="space-y-3 text-sm">
        {incomplete.length > 0 && (
          <ul className="space-y-1.5">
            {incomplete.slice(0, 6).map((a) => (
              <ListRow key={a.id} asideClassName="text-amber-700" aside={`${a.scoredCriteria} of ${total} criteria scored`}>
                <IntentLink href={`/accounts/${a.id}/scorecard`} className="font-medium text-brand-700 hover:underline">
                  {a.name}
                </IntentLink>
              </ListRow>
            ))}
          </ul>
        )}
        {(capacity.length > 0 || managers.length > 0) && (
          <ul className="space-y-1.5 text-slate-700">
            {capacity.map((c) => (
              <li key={c.name}>
                <span className="font-medium text-red-700">{c.name}</span> serves {c.over} account{c.over === 1 ? "" : "s"} more than its capacity
              </li>
            ))}
            {managers.map((m) => (
              <li key={m.name}>
                <span className="font-medium text-amber-800">{m.name}</span> holds {m.count} key accounts (limit {m.limit})
              </li>
            ))}
          </ul>
        )}
        {(capacity.length > 0 || managers.length > 0) && (
          <Link href="/ranking" className="inline-block font-medium text-brand-700 hover:underline">
            Open the ranking
          </Link>
        )}
      </div>
    ),
  };
}
