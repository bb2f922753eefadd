"use client";

import type { ReactNode } from "react";
import { IntentLink } from "@/components/ui/intent-link";
import { usePathname, useSearchParams } from "next/navigation";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { NARROW_ONLY, PHONE_COLUMN, PHONE_ONLY, WIDE_COLUMN } from "@/components/ui/fold";
import { StageBadge } from "@/components/accounts/stage-badge";
import { TierBadge } from "@/components/accounts/tier-badge";
import { Badge } from "@/components/ui/badge";
import { formatMoney, formatScore } from "@/lib/format";
import type { StageName } from "@/lib/accounts/stages";

type Tier = { id: string; name: string; rank: number; isKey: boolean } | null;
export type AccountRow = {
  id: string;
  name: string;
  industry: string;
  region: string;
  stage: StageName;
  annualRevenue: string;
  archivedAt: string | null;
  score: number | null;
  owner: { id: string; name: string };
  mentor: { id: string; name: string } | null;
  computedTier: Tier;
  overrideTier: Tier;
};

// Below 1024 px (a tablet held upright) two columns fold into others, so that the list fits:
// industry and region go under the account's name, the tier under the stage. Below 640 px (a
// phone) the manager, score and revenue go under the name too (the filters offer the sort).
/** Cells are tighter below 1280 px, so that the list fits beside the navigation rail at 1024 px. The
 * first column keeps its wider left edge at every width (`xl:` restates it over the `xl:px-3`). */
const CELL = "px-2 py-3 xl:px-3";

const COLUMNS: { key: string; label: string; narrowLabel?: string; sort?: string; className?: string }[] = [
  { key: "name", label: "Account", sort: "name" },
  { key: "industry", label: "Industry · region", sort: "industry", className: WIDE_COLUMN },
  { key: "stage", label: "Stage", narrowLabel: "Stage · tier", sort: "stage" },
  { key: "owner", label: "Manager · mentor", sort: "owner", className: PHONE_COLUMN },
  { key: "score", label: "Score", sort: "score", className: `text-right ${PHONE_COLUMN}` },
  { key: "tier", label: "Tier", sort: "tier", className: WIDE_COLUMN },
  { key: "revenue", label: "Revenue this year", sort: "revenue", className: `text-right ${PHONE_COLUMN}` },
];

/** A long label wraps, but its last word keeps the sort icon beside it. */
function withIcon(label: string, icon: ReactNode) {
  const words = label.split(" ");
  return (
    <>
      {words.slice(0, -1).join(" ")}{" "}
      <span className="whitespace-nowrap">
        {words.at(-1)}
        {icon}
      </span>
    </>
  );
}

export function AccountTable({ items, sort, dir }: { items: AccountRow[]; sort: string; dir: "asc" | "desc" }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const sortHref = (key: string) => {
    const next = new URLSearchParams(params.toString());
    next.set("sort", key);
    next.set("dir", sort === key && dir === "asc" ? "desc" : "asc");
    next.delete("page");
    return `${pathname}?${next.toString()}`;
  };
  return (
    <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="accounts-table">
        <thead className="bg-slate-50">
          <tr>
            {COLUMNS.map((c) => {
              const activeSort = c.sort === sort;
              const Icon = activeSort ? (dir === "asc" ? ArrowUp : ArrowDown) : ArrowUpDown;
              const icon = <Icon aria-hidden className={`ml-1 inline h-3.5 w-3.5 align-[-2px] ${activeSort ? "text-slate-900" : "text-slate-300"}`} />;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={activeSort ? (dir === "asc" ? "ascending" : "descending") : undefined}
                  className={`${CELL} align-bottom text-left text-xs font-semibold uppercase tracking-wide text-slate-500 first:pl-4 xl:first:pl-4 ${c.className ?? ""}`}
                >
                  {c.sort ? (
                    <IntentLink href={sortHref(c.sort)} className="rounded hover:text-slate-900">
                      {c.narrowLabel ? (
                        <>
                          <span className={NARROW_ONLY}>{withIcon(c.narrowLabel, icon)}</span>
                          <span className="hidden lg:inline">{withIcon(c.label, icon)}</span>
                        </>
                      ) : (
                        withIcon(c.label, icon)
                      )}
                    </IntentLink>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((a) => (
            <tr key={a.id} className="hover:bg-slate-50">
              <td className={`${CELL} min-w-36 pl-4 font-medium wrap-anywhere xl:pl-4`}>
                <IntentLink href={`/accounts/${a.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
                  {a.name}
                </IntentLink>
                {a.archivedAt && <Badge className="ml-2">Archived</Badge>}
                <div className={`text-xs font-normal text-slate-500 ${NARROW_ONLY}`}>
                  {a.industry} · {a.region}
                </div>
                <div className={`mt-0.5 text-xs font-normal text-slate-700 ${PHONE_ONLY}`} data-testid="account-phone-facts">
                  {a.owner.name} · {a.score === null ? "not scored" : `score ${formatScore(a.score)}`} · {formatMoney(a.annualRevenue)}
                </div>
              </td>
              <td className={`${CELL} whitespace-nowrap text-slate-700 ${WIDE_COLUMN}`}>
                {a.industry}
                <div className="text-xs text-slate-500">{a.region}</div>
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <StageBadge stage={a.stage} />
                <div className={`mt-1 ${NARROW_ONLY}`}>
                  <TierBadge computed={a.computedTier} override={a.overrideTier} />
                </div>
              </td>
              <td className={`${CELL} text-slate-700 ${PHONE_COLUMN}`}>
                <div className="whitespace-nowrap">{a.owner.name}</div>
                {/* The column's header names the second line; a screen reader hears it said. */}
                <div className="whitespace-nowrap text-xs text-slate-500">
                  {a.mentor ? (
                    <>
                      <span className="sr-only">Mentor: </span>
                      {a.mentor.name}
                    </>
                  ) : (
                    "No mentor"
                  )}
                </div>
              </td>
              <td className={`${CELL} whitespace-nowrap text-right tabular-nums text-slate-700 ${PHONE_COLUMN}`}>{formatScore(a.score)}</td>
              <td className={`${CELL} whitespace-nowrap ${WIDE_COLUMN}`}>
                <TierBadge computed={a.computedTier} override={a.overrideTier} />
              </td>
              <td className={`${CELL} whitespace-nowrap text-right tabular-nums text-slate-900 ${PHONE_COLUMN}`}>{formatMoney(a.annualRevenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
