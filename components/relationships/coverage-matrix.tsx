"use client";

// Our team × their people. Each cell is the strength of that relationship; people nobody
// reaches come first (most influential first), so the gaps are at the top. A click on a cell
// records or edits that relationship.
import { useMemo, useState } from "react";
import { Compass, Crown } from "lucide-react";
import { coverageMatrix, type CoverageStatus } from "@/lib/relationships/model";
import { ATTITUDE_LABELS, STRENGTH_LABELS } from "@/lib/relationships/schema";
import type { TMapContact, TMapRelationship } from "@/lib/relationships/view";
import { cn } from "@/lib/cn";
import { useMap } from "./map-context";
import { Modal } from "./sheet";
import { RelationshipForm } from "./relationship-form";
import { ATTITUDE_COLORS, initials, STRENGTH_CELL } from "./palette";

const STATUS: Record<CoverageStatus, { label: string; className: string }> = {
  unknown: { label: "Nobody", className: "bg-red-50 text-red-700 ring-red-200" },
  weak: { label: "Weak", className: "bg-amber-50 text-amber-800 ring-amber-200" },
  covered: { label: "Covered", className: "bg-emerald-50 text-emerald-700 ring-emerald-200" },
};

export function CoverageMatrix({ people, relationships }: { people: TMapContact[]; relationships: TMapRelationship[] }) {
  const { map, canEdit, selectPerson } = useMap();
  const team = useMemo(() => map.teamMembers.filter((m) => m.onTeam), [map.teamMembers]);
  const matrix = useMemo(() => coverageMatrix({ contacts: people, teamMembers: team, relationships }), [people, team, relationships]);
  const relByPair = useMemo(() => new Map(relationships.map((r) => [`${r.userId}:${r.contactId}`, r])), [relationships]);
  const [cell, setCell] = useState<{ userId: string; contactId: string } | null>(null);
  const gaps = matrix.people.filter((p) => p.status === "unknown").length;

  if (people.length === 0) return <div className="flex h-64 items-center justify-center rounded-xl border border-slate-200 bg-white text-sm text-slate-500">Nobody matches these filters.</div>;
  const editing = cell ? relByPair.get(`${cell.userId}:${cell.contactId}`) : undefined;

  return (
    <div className="rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="coverage-matrix">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-2.5 text-xs text-slate-600">
        <p>
          <span className="font-semibold text-slate-900">{gaps}</span> of {people.length} people reached by nobody on our team · sorted: gaps first, most influential first
        </p>
        <p className="flex items-center gap-1">
          Strength
          {[1, 2, 3, 4, 5].map((n) => (
            <span key={n} className={cn("inline-flex h-5 w-5 items-center justify-center rounded text-[10px] font-semibold ring-1 ring-inset ring-slate-200", STRENGTH_CELL[n])} title={STRENGTH_LABELS[n]}>
              {n}
            </span>
          ))}
        </p>
      </div>
      <div className="relative max-h-[680px] overflow-auto">
        <table className="w-full border-separate border-spacing-0 text-sm">
          <caption className="sr-only">Coverage matrix: each cell is the strength of a team member&apos;s relationship with a person</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 top-0 z-20 border-b border-slate-200 bg-white px-3 py-2 text-left text-xs font-semibold text-slate-600">
                Their people
              </th>
              <th scope="col" className="sticky top-0 z-10 border-b border-slate-200 bg-white px-2 py-2 text-left text-xs font-semibold text-slate-600">
                Reached
              </th>
              {matrix.members.map((m) => (
                <th key={m.id} scope="col" title={`${m.name}: ${m.relationships} relationships`} className="sticky top-0 z-10 w-12 border-b border-slate-200 bg-white px-1 py-2 text-center text-xs font-semibold text-slate-700">
                  <span className="mx-auto flex h-7 w-7 items-center justify-center rounded-full bg-teal-700 text-[10px] font-bold text-white" aria-hidden>
                    {initials(m.name)}
                  </span>
                  <span className="sr-only">{m.name}</span>
                  <span className="mt-0.5 block text-[10px] font-normal text-slate-500">{m.relationships}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.people.map((p, i) => {
              const row = matrix.strengths[i];
              const RoleIcon = p.decisionRole === "ECONOMIC_BUYER" ? Crown : p.decisionRole === "COACH" ? Compass : null;
              return (
                <tr key={p.contactId} className="group">
                  <th scope="row" className="sticky left-0 z-10 max-w-64 border-b border-slate-100 bg-white px-3 py-1.5 text-left font-normal group-hover:bg-slate-50">
                    <button type="button" onClick={() => selectPerson(p.contactId)} className="flex w-full min-w-0 items-center gap-2 text-left">
                      <span className="h-3 w-3 shrink-0 rounded-full border" style={{ background: ATTITUDE_COLORS[p.attitude].fill, borderColor: ATTITUDE_COLORS[p.attitude].border }} title={ATTITUDE_LABELS[p.attitude]} aria-hidden />
                      <span className="min-w-0">
                        <span className="flex items-center gap-1 truncate font-medium text-slate-900">
                          {RoleIcon && <RoleIcon aria-label={p.decisionRole === "COACH" ? "Coach" : "Economic decision maker"} className="h-3.5 w-3.5 shrink-0 text-slate-600" />}
                          {p.name}
                        </span>
                        <span className="block truncate text-xs text-slate-500">
                          Influence {p.influence} · {p.department || "no department"}
                        </span>
                      </span>
                    </button>
                  </th>
                  <td className="border-b border-slate-100 px-2 py-1.5 group-hover:bg-slate-50">
                    <span className={cn("inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ring-inset", STATUS[p.status].className)}>
                      {STATUS[p.status].label}
                      {p.threads > 0 && ` · ${p.threads}`}
                    </span>
                  </td>
                  {matrix.members.map((m, j) => {
                    const s = row[j];
                    const label = `${m.name} and ${p.name}: ${s ? `strength ${s}` : "no relationship"}`;
                    return (
                      <td key={m.id} className="border-b border-slate-100 p-0.5 text-center">
                        {canEdit ? (
                          <button
                            type="button"
                            aria-label={`${label}. ${s ? "Edit" : "Add"}`}
                            title={label}
                            onClick={() => setCell({ userId: m.id, contactId: p.contactId })}
                            className={cn("h-8 w-full min-w-10 rounded text-xs font-semibold hover:ring-2 hover:ring-brand-400", s ? STRENGTH_CELL[s] : "text-slate-300 hover:bg-slate-50")}
                          >
                            {s ?? "·"}
                          </button>
                        ) : (
                          <span title={label} className={cn("flex h-8 w-full min-w-10 items-center justify-center rounded text-xs font-semibold", s ? STRENGTH_CELL[s] : "text-slate-300")}>
                            {s ?? "·"}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Modal
        open={!!cell}
        onOpenChange={(o) => !o && setCell(null)}
        title={editing ? "Edit relationship" : "Add relationship"}
        description={cell ? `${map.teamMembers.find((m) => m.id === cell.userId)?.name} and ${map.contacts.find((c) => c.id === cell.contactId)?.name}` : undefined}
      >
        {cell && <RelationshipForm key={`${cell.userId}:${cell.contactId}`} relationship={editing} presetUserId={cell.userId} presetContactId={cell.contactId} onCancel={() => setCell(null)} onDone={() => setCell(null)} />}
      </Modal>
    </div>
  );
}
