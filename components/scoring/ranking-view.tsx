// The ranking page's parts: capacity per tier, managers over their limit, and the ranked table
// with a band per tier.
import Link from "next/link";
import { AlertTriangle, UserRoundX } from "lucide-react";
import { Fragment } from "react";
import { Badge } from "@/components/ui/badge";
import { IntentLink } from "@/components/ui/intent-link";
import { TierBadge } from "@/components/accounts/tier-badge";
import { cn } from "@/lib/cn";
import { PHONE_COLUMN, PHONE_ONLY } from "@/components/ui/fold";
import { tierColor } from "./tier-colors";

type Tier = { id: string; name: string; rank: number; isKey: boolean; capacity: number | null; minScore: number; count: number; over: number };
type Row = {
  position: number;
  id: string;
  name: string;
  industry: string;
  region: string;
  score: number | null;
  scoredCriteria: number;
  owner: { id: string; name: string };
  tier: { id: string; name: string; rank: number; isKey: boolean } | null;
  computedTier: { id: string; name: string; rank: number; isKey: boolean } | null;
  overridden: boolean;
  overrideReason: string | null;
  ownerOverLimit: boolean;
};

export function CapacityCards({ tiers, activeTierId }: { tiers: Tier[]; activeTierId?: string }) {
  return (
    <ul className="mb-4 grid gap-3 sm:grid-cols-2 xl:grid-cols-4" aria-label="Accounts per tier against capacity">
      {tiers.map((t) => {
        const c = tierColor(t);
        const pct = t.capacity ? Math.min(100, (t.count / t.capacity) * 100) : 0;
        return (
          <li
            key={t.id}
            className={cn("rounded-xl border bg-white p-4 shadow-sm", t.over > 0 ? "border-red-300" : "border-slate-200", activeTierId === t.id && "ring-2 ring-brand-300")}
            data-testid="capacity-card"
          >
            <div className="flex items-center justify-between gap-2">
              <span className="flex items-center gap-2 text-sm font-medium text-slate-800">
                <span className="h-2.5 w-2.5 rounded-full" style={{ background: c.fill }} aria-hidden />
                {t.name}
              </span>
              {t.over > 0 && (
                <Badge tone="red">
                  <AlertTriangle aria-hidden className="h-3 w-3" /> over capacity by {t.over}
                </Badge>
              )}
            </div>
            <p className="mt-2 text-2xl font-semibold tabular-nums text-slate-900">
              {t.count}
              {t.capacity !== null && <span className="text-base font-normal text-slate-500"> / {t.capacity}</span>}
            </p>
            <p className="text-xs text-slate-500">{t.isKey ? `from ${t.minScore} points` : "below every key tier"}{t.capacity === null ? " · no capacity set" : ""}</p>
            {t.capacity !== null && (
              <div className="mt-2 h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                <div className={cn("h-full rounded-full", t.over > 0 ? "bg-red-500" : "bg-emerald-500")} style={{ width: `${pct}%` }} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function ManagersOverLimit({ managers }: { managers: { id: string; name: string; limit: number | null; count: number; over: number }[] }) {
  if (managers.length === 0) return null;
  return (
    <div role="note" className="mb-4 flex flex-wrap items-start gap-x-6 gap-y-1 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="managers-over-limit">
      <span className="flex items-center gap-2 font-medium">
        <UserRoundX aria-hidden className="h-4 w-4" /> Over their key account limit:
      </span>
      {managers.map((m) => (
        <IntentLink key={m.id} href={`/ranking?ownerId=${m.id}`} className="hover:underline">
          {m.name}: {m.count} of {m.limit}
        </IntentLink>
      ))}
    </div>
  );
}

export function RankingTable({ rows, tiers, totalCriteria }: { rows: Row[]; tiers: Tier[]; totalCriteria: number }) {
  const tierById = new Map(tiers.map((t) => [t.id, t]));
  return (
    <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="ranking-table">
        <caption className="sr-only">Accounts ranked by tier and score</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="w-10 px-2 py-2.5 text-right font-medium sm:w-12 sm:px-4">#</th>
            <th scope="col" className="px-2 py-2.5 font-medium sm:px-4">Account</th>
            <th scope="col" className="px-2 py-2.5 text-right font-medium sm:px-4">
              Score<span className={PHONE_ONLY}> · tier</span>
            </th>
            <th scope="col" className={`px-4 py-2.5 font-medium ${PHONE_COLUMN}`}>Tier</th>
            <th scope="col" className={`px-4 py-2.5 font-medium ${PHONE_COLUMN}`}>Manager</th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium lg:table-cell">Industry</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const bandChanges = i === 0 || rows[i - 1].tier?.id !== r.tier?.id;
            const band = r.tier ? tierById.get(r.tier.id) : undefined;
            const color = band ? tierColor(band) : null;
            // Each shown twice: in its own column, and folded into a neighbour's cell on a phone.
            const tier = <TierBadge computed={r.computedTier} override={r.overridden ? r.tier : null} reason={r.overrideReason} />;
            const manager = (
              <>
                {r.owner.name}
                {r.ownerOverLimit && (
                  <Badge tone="amber" className="ml-2" title="Holds more key accounts than their limit">
                    over limit
                  </Badge>
                )}
              </>
            );
            return (
              <Fragment key={r.id}>
                {bandChanges && (
                  <tr className="border-y border-slate-200" style={{ background: color?.soft ?? "#f8fafc" }} data-testid="tier-band">
                    <th scope="rowgroup" colSpan={6} className="px-4 py-2 text-left text-xs font-semibold uppercase tracking-wide" style={{ color: color?.text ?? "#475569" }}>
                      {band ? band.name : "No tier"}
                      {band && (
                        <span className="ml-2 font-normal normal-case tracking-normal text-slate-600">
                          {band.count} account{band.count === 1 ? "" : "s"}
                          {band.capacity !== null && ` of ${band.capacity}`}
                          {band.over > 0 && <span className="ml-1 font-medium text-red-700">· over capacity by {band.over}</span>}
                        </span>
                      )}
                    </th>
                  </tr>
                )}
                <tr className="border-b border-slate-100 last:border-0 hover:bg-slate-50/60" data-testid="ranking-row">
                  <td className="px-2 py-2.5 text-right tabular-nums text-slate-500 sm:px-4">{r.position}</td>
                  <td className="min-w-36 px-2 py-2.5 wrap-anywhere sm:px-4">
                    <Link href={`/accounts/${r.id}/scorecard`} className="font-medium text-slate-900 hover:underline">
                      {r.name}
                    </Link>
                    <span className="ml-2 text-xs text-slate-500">{r.region}</span>
                    {/* On a phone the manager column folds in here. */}
                    <span className={`block text-xs text-slate-700 ${PHONE_ONLY}`} data-testid="ranking-phone-manager">
                      {manager}
                    </span>
                  </td>
                  <td className="px-2 py-2.5 text-right sm:px-4">
                    <span className="font-semibold tabular-nums text-slate-900">{r.score === null ? "—" : r.score.toFixed(1)}</span>
                    <span className={cn("block text-xs", r.scoredCriteria < totalCriteria ? "text-amber-700" : "text-slate-500")}>
                      {r.scoredCriteria} of {totalCriteria}
                    </span>
                    {/* On a phone the tier column folds in here. */}
                    <span className={`mt-1 block ${PHONE_ONLY}`}>
                      {tier}
                    </span>
                  </td>
                  <td className={`px-4 py-2.5 ${PHONE_COLUMN}`}>
                    {tier}
                    {r.overridden && <span className="ml-2 text-xs text-slate-500">score says {r.computedTier?.name ?? "no tier"}</span>}
                  </td>
                  <td className={`px-4 py-2.5 text-slate-700 ${PHONE_COLUMN}`}>
                    {manager}
                  </td>
                  <td className="hidden px-4 py-2.5 text-slate-600 lg:table-cell">{r.industry}</td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
