"use client";

// A small sortable-table helper: sort state, a header cell with aria-sort, and paging.
import { useMemo, useState, type ReactNode } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { cn } from "@/lib/cn";
import { CARD } from "@/components/ui/card-rows";

export type SortDir = "asc" | "desc";
/** Cells are tighter below 1024 px, where the lists fold (components/ui/fold.ts). */
export const CELL_X = "px-1.5 lg:px-2";

export type Column<T> = { key: string; label: string; value: (row: T) => string | number; className?: string; defaultDir?: SortDir };

export function useSorted<T>(rows: T[], columns: Column<T>[], initial: { key: string; dir: SortDir }) {
  const [sort, setSort] = useState(initial);
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === sort.key) ?? columns[0];
    const sign = sort.dir === "asc" ? 1 : -1;
    return [...rows].sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      const cmp = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb));
      return cmp * sign;
    });
  }, [rows, columns, sort]);
  const toggle = (key: string) => {
    const col = columns.find((c) => c.key === key);
    setSort((cur) => (cur.key === key ? { key, dir: cur.dir === "asc" ? "desc" : "asc" } : { key, dir: col?.defaultDir ?? "asc" }));
  };
  return { sorted, sort, toggle, setSort };
}

/** The sort select shown above the cards: each choice is a column in its first direction. */
export function CardSort<T>({ id, label, columns, choices, sort, onSort, className }: { id: string; label: string; columns: Column<T>[]; choices: { key: string; label: string }[]; sort: { key: string; dir: SortDir }; onSort: (s: { key: string; dir: SortDir }) => void; className: string }) {
  const first = (key: string) => columns.find((c) => c.key === key)?.defaultDir ?? "asc";
  const value = `${sort.key}:${sort.dir}`;
  // A heading clicked on a wider screen may have reversed an order: the select names it too.
  const known = choices.some((c) => `${c.key}:${first(c.key)}` === value);
  const current = `${columns.find((c) => c.key === sort.key)?.label ?? sort.key}, ${sort.dir === "asc" ? "ascending" : "descending"}`;
  return (
    <div className={cn("flex items-center gap-2 border-b border-slate-100 px-3 py-2", CARD.only)}>
      <label htmlFor={id} className="text-xs text-slate-500">
        {label}
      </label>
      <select
        id={id}
        className={cn(className, "min-w-0 flex-1")}
        value={value}
        onChange={(e) => {
          const [key, dir] = e.target.value.split(":");
          onSort({ key, dir: dir as SortDir });
        }}
      >
        {!known && <option value={value}>{current}</option>}
        {choices.map((c) => (
          <option key={c.key} value={`${c.key}:${first(c.key)}`}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SortHeader({ label, active, dir, onClick, className }: { label: ReactNode; active: boolean; dir: SortDir; onClick: () => void; className?: string }) {
  const Icon = !active ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"} className={cn("sticky top-0 z-10 border-b border-slate-200 bg-white px-2 py-2 text-left text-xs font-semibold text-slate-600", className)}>
      <button type="button" onClick={onClick} className="inline-flex items-center gap-1 text-left hover:text-slate-900 lg:whitespace-nowrap">
        {label}
        <Icon aria-hidden className={cn("h-3 w-3", active ? "text-slate-900" : "text-slate-300")} />
      </button>
    </th>
  );
}

export function Pager({ page, pages, total, onPage }: { page: number; pages: number; total: number; onPage: (p: number) => void }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-100 px-3 py-2 text-xs text-slate-600">
      <span>{total} rows</span>
      <span className="flex items-center gap-2">
        <button type="button" className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        Page {page} of {pages}
        <button type="button" className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </button>
      </span>
    </nav>
  );
}
