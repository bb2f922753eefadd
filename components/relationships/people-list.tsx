"use client";

// The sortable list, for quick editing: decision role, influence and attitude change in place
// (each change saves at once, with the row's version); everything else opens the person.
import { Tabs } from "radix-ui";
import { useMemo, useState } from "react";
import { ATTITUDES, ATTITUDE_LABELS, DECISION_ROLES, DECISION_ROLE_LABELS, type TDecisionRole } from "@/lib/relationships/schema";
import type { TMapContact, TMapRelationship } from "@/lib/relationships/view";
import { Ago } from "@/components/ui/ago";
import { cn } from "@/lib/cn";
import { useMap } from "./map-context";
import { RelationshipsList } from "./relationships-list";
import { NARROW_ONLY, WIDE_COLUMN } from "@/components/ui/fold";
import { CARD, CardCaption } from "@/components/ui/card-rows";
import { CardSort, CELL_X, SortHeader, useSorted, type Column } from "./sortable";
import { ATTITUDE_COLORS } from "./palette";

type Row = TMapContact & { threads: number; best: number; last: number };

const COLUMNS: Column<Row>[] = [
  // Who they are and where they sit take one column each (the job title under the name, the site
  // under the department), so the list fits a laptop screen without scrolling sideways. They sort
  // by name and by department; the search above finds a title and the filters pick a site. Below
  // 1024 px the department and site go under the name, the last contact under our team's count.
  { key: "name", label: "Name · job title", value: (r) => r.name },
  { key: "department", label: "Department · site", value: (r) => r.department, className: WIDE_COLUMN },
  { key: "seniority", label: "Level", value: (r) => r.seniority },
  { key: "decisionRole", label: "Decision role", value: (r) => (r.decisionRole ? DECISION_ROLES.indexOf(r.decisionRole) : 99) },
  { key: "influence", label: "Influence", value: (r) => r.influence, defaultDir: "desc" },
  { key: "attitude", label: "Attitude", value: (r) => ATTITUDES.indexOf(r.attitude) },
  { key: "threads", label: "Our team", value: (r) => r.threads * 10 + r.best },
  { key: "last", label: "Last contact", value: (r) => r.last, defaultDir: "desc", className: WIDE_COLUMN },
];

// Below 768 px each person is a card (`CARD` in ./sortable): the name, title, department and
// site; under them the three quick edits, captioned; under those the level, who on our team knows
// them and the last contact.
const CARD_SORTS = [
  { key: "influence", label: "Influence, highest first" },
  { key: "name", label: "Name" },
  { key: "department", label: "Department" },
  { key: "seniority", label: "Level, most senior first" },
  { key: "decisionRole", label: "Decision role" },
  { key: "attitude", label: "Attitude, opponents first" },
  { key: "threads", label: "Our team, fewest first" },
  { key: "last", label: "Last contact, latest first" },
];

/** The grid's select is as wide as its longest option: "Economic decision maker" is shortened here (the form and the map say it in full). */
const shortRole = (d: TDecisionRole) => (d === "ECONOMIC_BUYER" ? "Decision maker" : DECISION_ROLE_LABELS[d]);

export function PeopleList({ people, relationships }: { people: TMapContact[]; relationships: TMapRelationship[] }) {
  const [tab, setTab] = useState<"people" | "relationships">("people");
  return (
    <Tabs.Root value={tab} onValueChange={(t) => setTab(t as typeof tab)} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <Tabs.List className="flex items-center gap-1 border-b border-slate-100 px-3 py-2" aria-label="List">
        {(["people", "relationships"] as const).map((t) => (
          <Tabs.Trigger key={t} value={t} className={cn("rounded-md px-3 py-1 text-sm font-medium", tab === t ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100")}>
            {t === "people" ? `People (${people.length})` : `Relationships (${relationships.length})`}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content value={tab} tabIndex={-1}>
        {tab === "people" ? <PeopleTable people={people} relationships={relationships} /> : <RelationshipsList relationships={relationships} />}
      </Tabs.Content>
    </Tabs.Root>
  );
}

function PeopleTable({ people, relationships }: { people: TMapContact[]; relationships: TMapRelationship[] }) {
  const { canEdit, accountId, mutate, selectPerson } = useMap();
  const rows = useMemo<Row[]>(() => {
    const agg = new Map<string, { threads: number; best: number; last: number }>();
    for (const r of relationships) {
      const a = agg.get(r.contactId) ?? { threads: 0, best: 0, last: 0 };
      a.threads++;
      a.best = Math.max(a.best, r.strength);
      if (r.lastInteractionAt) a.last = Math.max(a.last, Date.parse(r.lastInteractionAt));
      agg.set(r.contactId, a);
    }
    return people.map((p) => ({ ...p, ...(agg.get(p.id) ?? { threads: 0, best: 0, last: 0 }) }));
  }, [people, relationships]);
  const { sorted, sort, toggle, setSort } = useSorted(rows, COLUMNS, { key: "influence", dir: "desc" });
  const [saving, setSaving] = useState<string | null>(null);

  async function quickEdit(row: Row, patch: Record<string, unknown>) {
    setSaving(row.id);
    await mutate({ url: `/api/accounts/${accountId}/contacts/${row.id}`, method: "PATCH", body: { ...patch, version: row.version }, success: `Saved ${row.name}` });
    setSaving(null);
  }

  if (people.length === 0) return <p className="px-4 py-10 text-center text-sm text-slate-500">Nobody matches these filters.</p>;
  const select = "h-8 rounded-md border border-slate-200 bg-white px-1.5 text-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200";
  return (
    <div className="relative max-h-[680px] overflow-auto" data-testid="people-list">
      <CardSort id="people-sort" label="Sort people" columns={COLUMNS} choices={CARD_SORTS} sort={sort} onSort={setSort} className={select} />
      <table className={cn("w-full border-separate border-spacing-0 text-sm", CARD.table)}>
        <caption className="sr-only">The customer&apos;s people; click a column heading to sort</caption>
        <thead className={CARD.head}>
          <tr>
            {COLUMNS.map((c) => (
              <SortHeader key={c.key} label={c.label} active={sort.key === c.key} dir={sort.dir} onClick={() => toggle(c.key)} className={cn(CELL_X, c.className)} />
            ))}
          </tr>
        </thead>
        <tbody className={CARD.body}>
          {sorted.map((r) => (
            <tr key={r.id} className={cn("hover:bg-slate-50", CARD.row, saving === r.id && "opacity-60")}>
              <td className={cn("max-w-56 border-b border-slate-100 py-1.5 max-md:w-full max-md:max-w-none", CELL_X, CARD.cell)}>
                <button type="button" onClick={() => selectPerson(r.id)} className="text-left font-medium text-slate-900 hover:text-brand-700 hover:underline xl:whitespace-nowrap">
                  {r.name}
                </button>
                {r.jobTitle && (
                  <span className="block truncate text-xs text-slate-500" title={r.jobTitle}>
                    {r.jobTitle}
                  </span>
                )}
                {(r.department || r.site) && <span className={cn("block text-xs text-slate-500", NARROW_ONLY)}>{[r.department, r.site].filter(Boolean).join(" · ")}</span>}
              </td>
              <td className={cn("border-b border-slate-100 py-1.5 text-slate-600", CELL_X, WIDE_COLUMN)}>
                {/* Below 1280 px a long name or department may wrap, so that the list fits a tablet's width. */}
                <span className="block xl:whitespace-nowrap">{r.department || "—"}</span>
                {r.site && <span className="block text-xs text-slate-500 xl:whitespace-nowrap">{r.site}</span>}
              </td>
              <td className={cn("border-b border-slate-100 py-1.5 tabular-nums text-slate-600", CELL_X, CARD.column)}>{r.seniority}</td>
              <td className={cn("border-b border-slate-100 py-1", CELL_X, CARD.cell)}>
                <CardCaption>Decision role</CardCaption>
                {canEdit ? (
                  <select aria-label={`Decision role of ${r.name}`} className={select} value={r.decisionRole ?? ""} onChange={(e) => quickEdit(r, { decisionRole: e.target.value || null })}>
                    <option value="">—</option>
                    {DECISION_ROLES.map((d) => (
                      <option key={d} value={d} title={DECISION_ROLE_LABELS[d]}>
                        {shortRole(d)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="whitespace-nowrap text-xs">{r.decisionRole ? shortRole(r.decisionRole) : "—"}</span>
                )}
              </td>
              <td className={cn("border-b border-slate-100 py-1", CELL_X, CARD.cell)}>
                <CardCaption>Influence</CardCaption>
                {canEdit ? (
                  <select aria-label={`Influence of ${r.name}`} className={select} value={r.influence} onChange={(e) => quickEdit(r, { influence: Number(e.target.value) })}>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="tabular-nums">{r.influence}</span>
                )}
              </td>
              <td className={cn("border-b border-slate-100 py-1", CELL_X, CARD.cell)}>
                <CardCaption>Attitude</CardCaption>
                {canEdit ? (
                  <select
                    aria-label={`Attitude of ${r.name}`}
                    className={select}
                    style={{ background: ATTITUDE_COLORS[r.attitude].fill, color: ATTITUDE_COLORS[r.attitude].text }}
                    value={r.attitude}
                    onChange={(e) => quickEdit(r, { attitude: e.target.value })}
                  >
                    {ATTITUDES.map((a) => (
                      <option key={a} value={a}>
                        {ATTITUDE_LABELS[a]}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="rounded px-1.5 py-0.5 text-xs" style={{ background: ATTITUDE_COLORS[r.attitude].fill, color: ATTITUDE_COLORS[r.attitude].text }}>
                    {ATTITUDE_LABELS[r.attitude]}
                  </span>
                )}
              </td>
              <td className={cn("whitespace-nowrap border-b border-slate-100 py-1.5 text-xs max-md:w-full max-md:whitespace-normal", CELL_X, CARD.cell)} data-testid="person-threads">
                <span className={cn("text-slate-500", CARD.only)}>Level {r.seniority} · known by </span>
                <span className={cn("font-semibold", r.threads === 0 ? "text-red-600" : r.threads === 1 ? "text-amber-700" : "text-emerald-700")}>{r.threads}</span>
                <span className={cn("text-slate-500", CARD.only)}> of our team</span>
                {r.threads > 0 && <span className="text-slate-500"> · best {r.best}</span>}
                {r.last > 0 && (
                  <span className={cn("block text-slate-500 max-md:inline", NARROW_ONLY)}>
                    <span className={CARD.only}> · last contact </span>
                    <Ago at={new Date(r.last)} />
                  </span>
                )}
              </td>
              <td className={cn("whitespace-nowrap border-b border-slate-100 py-1.5 text-xs text-slate-500", CELL_X, WIDE_COLUMN)}>{r.last ? <Ago at={new Date(r.last)} /> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
