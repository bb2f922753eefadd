"use client";

// Every relationship in one sortable list: strength, levels and the last interaction change in
// place (each change saves at once, with the row's version).
import { useMemo, useState } from "react";
import { LEVEL_LABELS, RELATIONSHIP_LEVELS } from "@/lib/relationships/schema";
import { levelGap } from "@/lib/relationships/model";
import type { TMapRelationship } from "@/lib/relationships/view";
import { cn } from "@/lib/cn";
import { useMap } from "./map-context";
import { NARROW_ONLY, WIDE_COLUMN } from "@/components/ui/fold";
import { CARD, CardCaption } from "@/components/ui/card-rows";
import { CardSort, CELL_X, Pager, SortHeader, useSorted, type Column } from "./sortable";
import { today } from "./relationship-form";

type Row = TMapRelationship & { member: string; person: string; influence: number };
const PAGE = 100;

const COLUMNS: Column<Row>[] = [
  { key: "member", label: "Our team", value: (r) => r.member, className: CARD.column },
  { key: "person", label: "Their person", value: (r) => r.person },
  { key: "influence", label: "Influence", value: (r) => r.influence, defaultDir: "desc", className: WIDE_COLUMN },
  { key: "strength", label: "Strength", value: (r) => r.strength, defaultDir: "desc" },
  { key: "currentLevel", label: "Level today", value: (r) => RELATIONSHIP_LEVELS.indexOf(r.currentLevel) },
  { key: "targetLevel", label: "Aiming for", value: (r) => levelGap(r.currentLevel, r.targetLevel) * 10 + RELATIONSHIP_LEVELS.indexOf(r.targetLevel), defaultDir: "desc" },
  { key: "last", label: "Last interaction", value: (r) => (r.lastInteractionAt ? Date.parse(r.lastInteractionAt) : 0) },
];

// Below 768 px each relationship is a card (`CARD` in ./sortable): "Elena García → Hana Costa ·
// influence 5", and under it the quick edits, captioned.
const CARD_SORTS = [
  { key: "last", label: "Last interaction, longest ago first" },
  { key: "member", label: "Our team" },
  { key: "person", label: "Their person" },
  { key: "influence", label: "Influence, highest first" },
  { key: "strength", label: "Strength, strongest first" },
  { key: "currentLevel", label: "Level today, lowest first" },
  { key: "targetLevel", label: "Aiming for, widest gap first" },
];

export function RelationshipsList({ relationships }: { relationships: TMapRelationship[] }) {
  const { canEdit, accountId, contactById, memberById, mutate, selectPerson } = useMap();
  const rows = useMemo<Row[]>(
    () =>
      relationships.map((r) => {
        const c = contactById.get(r.contactId);
        return { ...r, member: memberById.get(r.userId)?.name ?? "Former team member", person: c?.name ?? "?", influence: c?.influence ?? 0 };
      }),
    [relationships, contactById, memberById],
  );
  const { sorted, sort, toggle, setSort } = useSorted(rows, COLUMNS, { key: "last", dir: "asc" });
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
  const shown = sorted.slice((Math.min(page, pages) - 1) * PAGE, Math.min(page, pages) * PAGE);
  const [saving, setSaving] = useState<string | null>(null);

  async function quickEdit(r: Row, patch: Record<string, unknown>) {
    setSaving(r.id);
    await mutate({ url: `/api/accounts/${accountId}/relationships/${r.id}`, method: "PATCH", body: { ...patch, version: r.version }, success: "Relationship saved" });
    setSaving(null);
  }

  if (rows.length === 0) return <p className="px-4 py-10 text-center text-sm text-slate-500">No relationships in view.</p>;
  const select = "h-8 rounded-md border border-slate-200 bg-white px-1.5 text-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200";
  return (
    <>
      <div className="relative max-h-[640px] overflow-auto" data-testid="relationships-list">
        <CardSort id="relationships-sort" label="Sort relationships" columns={COLUMNS} choices={CARD_SORTS} sort={sort} onSort={setSort} className={select} />
        <table className={cn("w-full border-separate border-spacing-0 text-sm", CARD.table)}>
          <caption className="sr-only">Relationships between our team and the customer&apos;s people; click a column heading to sort</caption>
          <thead className={CARD.head}>
            <tr>
              {COLUMNS.map((c) => (
                <SortHeader key={c.key} label={c.label} active={sort.key === c.key} dir={sort.dir} onClick={() => toggle(c.key)} className={cn(CELL_X, c.className)} />
              ))}
            </tr>
          </thead>
          <tbody className={CARD.body}>
            {shown.map((r) => {
              const label = `${r.member} and ${r.person}`;
              return (
                <tr key={r.id} className={cn("hover:bg-slate-50", CARD.row, saving === r.id && "opacity-60")}>
                  <td className={cn("border-b border-slate-100 py-1.5 text-slate-700", CELL_X, CARD.column)}>{r.member}</td>
                  <td className={cn("border-b border-slate-100 py-1.5 max-md:w-full", CELL_X, CARD.cell)}>
                    <span className={cn("text-slate-700", CARD.only)}>
                      {r.member} <span aria-hidden>→</span>
                      <span className="sr-only">and</span>{" "}
                    </span>
                    <button type="button" onClick={() => selectPerson(r.contactId)} className="text-left font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {r.person}
                    </button>
                    <span className={cn("block text-xs text-slate-500 max-md:inline", NARROW_ONLY)}>
                      <span className={CARD.only}> · </span>influence {r.influence}
                    </span>
                  </td>
                  <td className={cn("border-b border-slate-100 py-1.5 tabular-nums text-slate-600", CELL_X, WIDE_COLUMN)}>{r.influence}</td>
                  <td className={cn("border-b border-slate-100 py-1", CELL_X, CARD.cell)}>
                    <CardCaption>Strength</CardCaption>
                    {canEdit ? (
                      <select aria-label={`Strength: ${label}`} className={select} value={r.strength} onChange={(e) => quickEdit(r, { strength: Number(e.target.value) })}>
                        {[1, 2, 3, 4, 5].map((n) => (
                          <option key={n} value={n}>
                            {n}
                          </option>
                        ))}
                      </select>
                    ) : (
                      r.strength
                    )}
                  </td>
                  {(["currentLevel", "targetLevel"] as const).map((k) => (
                    <td key={k} className={cn("border-b border-slate-100 py-1", CELL_X, CARD.cell)}>
                      <CardCaption>{k === "currentLevel" ? "Level today" : "Aiming for"}</CardCaption>
                      {canEdit ? (
                        <select aria-label={`${k === "currentLevel" ? "Level today" : "Aiming for"}: ${label}`} className={cn(select, k === "targetLevel" && levelGap(r.currentLevel, r.targetLevel) > 0 && "border-amber-300 bg-amber-50")} value={r[k]} onChange={(e) => quickEdit(r, { [k]: e.target.value })}>
                          {RELATIONSHIP_LEVELS.map((l) => (
                            <option key={l} value={l}>
                              {LEVEL_LABELS[l]}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span className="text-xs">{LEVEL_LABELS[r[k]]}</span>
                      )}
                    </td>
                  ))}
                  <td className={cn("border-b border-slate-100 py-1", CELL_X, CARD.cell)}>
                    <CardCaption>Last interaction</CardCaption>
                    {canEdit ? (
                      <input
                        key={`${r.id}:${r.version}`}
                        type="date"
                        aria-label={`Last interaction: ${label}`}
                        className={select}
                        max={today()}
                        defaultValue={r.lastInteractionAt?.slice(0, 10) ?? ""}
                        onBlur={(e) => {
                          const v = e.target.value || null;
                          if (v !== (r.lastInteractionAt?.slice(0, 10) ?? null)) quickEdit(r, { lastInteractionAt: v });
                        }}
                      />
                    ) : (
                      <span className="text-xs">{r.lastInteractionAt?.slice(0, 10) ?? "—"}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={Math.min(page, pages)} pages={pages} total={sorted.length} onPage={setPage} />
    </>
  );
}
