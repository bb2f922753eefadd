"use client";

// The what-if of a draft model: per tier, how many accounts it serves now and would serve, the
// moves in and out, capacity exceeded; then the accounts that would change tier.
import Link from "next/link";
import { AlertTriangle, ArrowDown, ArrowUp, Loader2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import type { TPreviewResult } from "@/lib/scoring/preview";
import { ScrollX } from "@/components/ui/scroll-x";

export type TPreviewResponse = {
  modelVersion: number;
  summary: TPreviewResult["summary"];
  accounts: {
    accountId: string;
    name: string;
    oldScore: number | null;
    newScore: number | null;
    oldTier: { key: string; name: string } | null;
    newTier: { key: string; name: string } | null;
    override: { tierId: string; name: string } | null;
    move: "up" | "down" | "same";
  }[];
};

const SHOWN = 60;
const fmt = (s: number | null) => (s === null ? "—" : s.toFixed(1));

export function WhatIfPanel({ preview, state, error, changed }: { preview: TPreviewResponse | null; state: "idle" | "loading" | "ready" | "invalid"; error: string | null; changed: boolean }) {
  const s = preview?.summary;
  const description = !changed
    ? "Change a weight or a threshold to see which accounts would move, before anything is saved."
    : state === "invalid"
      ? "Fix the marked fields to see the effect of the draft."
      : "What saving this draft would do. Nothing changes until you save.";
  return (
    <Card>
      <CardHeader
        title="What if"
        description={description}
        actions={state === "loading" ? <Loader2 aria-label="Updating the preview" className="h-4 w-4 animate-spin text-slate-400" /> : null}
      />
      {error && <p className="border-b border-red-100 bg-red-50 px-5 py-2 text-sm text-red-700" role="alert">{error}</p>}
      {changed && s && state !== "invalid" && (
        <CardBody className={cn("space-y-5", state === "loading" && "opacity-60")}>
          <div className="flex flex-wrap gap-3 text-sm" data-testid="what-if-summary" aria-live="polite">
            <span className="inline-flex items-center gap-1.5 rounded-md bg-emerald-50 px-3 py-1.5 font-medium text-emerald-800">
              <ArrowUp aria-hidden className="h-4 w-4" /> {s.up} up
            </span>
            <span className="inline-flex items-center gap-1.5 rounded-md bg-amber-50 px-3 py-1.5 font-medium text-amber-800">
              <ArrowDown aria-hidden className="h-4 w-4" /> {s.down} down
            </span>
            <span className="inline-flex items-center rounded-md bg-slate-100 px-3 py-1.5 font-medium text-slate-700">{s.unchanged} unchanged</span>
            {s.overriddenMoves > 0 && (
              <span className="inline-flex items-center rounded-md bg-violet-50 px-3 py-1.5 text-violet-800">
                {s.overriddenMoves === 1 ? "1 overridden account keeps its tier" : `${s.overriddenMoves} overridden accounts keep their tier`}
              </span>
            )}
          </div>
          {s.overridesOnRemovedTiers > 0 && (
            <p className="flex gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
              <AlertTriangle aria-hidden className="h-4 w-4 shrink-0" />
              {s.overridesOnRemovedTiers} account{s.overridesOnRemovedTiers === 1 ? " is" : "s are"} overridden to a tier this draft removes. Remove those overrides first; saving will be refused.
            </p>
          )}
          <ScrollX label="Accounts per tier, now and with the draft">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Accounts per tier, now and with the draft</caption>
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1.5 pr-3 font-medium">Tier</th>
                  <th className="py-1.5 pr-3 text-right font-medium">Now</th>
                  <th className="py-1.5 pr-3 text-right font-medium">Draft</th>
                  <th className="py-1.5 pr-3 text-right font-medium">In</th>
                  <th className="py-1.5 pr-3 text-right font-medium">Out</th>
                  <th className="py-1.5 text-right font-medium">Capacity</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100" data-testid="what-if-tiers">
                {s.tiers.map((t) => (
                  <tr key={t.key} className={cn(t.removed && "text-slate-500 line-through")}>
                    <td className="py-1.5 pr-3 font-medium text-slate-800">{t.name || "(unnamed)"}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{t.before}</td>
                    <td className="py-1.5 pr-3 text-right font-semibold tabular-nums">{t.after}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums text-emerald-700">{t.movedIn ? `+${t.movedIn}` : ""}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums text-amber-700">{t.movedOut ? `−${t.movedOut}` : ""}</td>
                    <td className="py-1.5 text-right tabular-nums">
                      {t.capacity === null ? <span className="text-slate-500">no limit</span> : t.capacity}
                      {t.overCapacity && (
                        <Badge tone="red" className="ml-2">
                          over by {t.after - (t.capacity ?? 0)}
                        </Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
          {preview && preview.accounts.length > 0 && (
            <div>
              <h3 className="text-sm font-semibold text-slate-900">Accounts that would change tier</h3>
              <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="what-if-moves">
                {preview.accounts.slice(0, SHOWN).map((a) => (
                  <li key={a.accountId} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                    <span className="flex min-w-0 items-center gap-2">
                      {a.move === "up" ? <ArrowUp aria-label="up" className="h-4 w-4 text-emerald-600" /> : <ArrowDown aria-label="down" className="h-4 w-4 text-amber-600" />}
                      <Link href={`/accounts/${a.accountId}/scorecard`} className="truncate font-medium text-slate-800 hover:underline">
                        {a.name}
                      </Link>
                    </span>
                    <span className="text-slate-600">
                      <span className="tabular-nums">{fmt(a.oldScore)} → {fmt(a.newScore)}</span> · {a.oldTier?.name ?? "—"} → <span className="font-medium text-slate-900">{a.newTier?.name ?? "—"}</span>
                      {a.override && <span className="ml-1 text-violet-700">(stays {a.override.name}: overridden)</span>}
                    </span>
                  </li>
                ))}
              </ul>
              {preview.accounts.length > SHOWN && <p className="mt-2 text-xs text-slate-500">…and {preview.accounts.length - SHOWN} more.</p>}
            </div>
          )}
        </CardBody>
      )}
    </Card>
  );
}
