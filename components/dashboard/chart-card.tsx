"use client";

// A dashboard card: a chart with a table view of the same numbers (for screen readers, for
// reading exact values, and for copying), and a CSV export of the table.
import { useId, useState, type ReactNode } from "react";
import { BarChart3, Download, Table2 } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { csvFileName, toCsv } from "@/lib/dashboard/model";
import { useDashboard } from "./context";
import { WhenVisible } from "./when-visible";
import { ScrollX } from "@/components/ui/scroll-x";

export type TColumn<T> = {
  header: string;
  cell: (row: T) => ReactNode;
  /** The value in the CSV export (plain numbers, no formatting). */
  csv: (row: T) => string | number | null | undefined;
  align?: "left" | "right";
  /** The cell may wrap onto a second line below 1280 px (a long name, a figure with its badge). */
  wrap?: boolean;
};

/** Downloads rows as a CSV file named after the table and the day. */
export function downloadCsv<T>(title: string, today: string, rows: readonly T[], columns: readonly TColumn<T>[]) {
  const csv = toCsv(rows, columns.map((c) => ({ header: c.header, value: c.csv })));
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = csvFileName(title, today);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CsvButton<T>({ title, rows, columns }: { title: string; rows: readonly T[]; columns: readonly TColumn<T>[] }) {
  const { today } = useDashboard();
  return (
    <Button variant="ghost" size="sm" onClick={() => downloadCsv(title, today, rows, columns)} aria-label={`Export “${title}” as CSV`} disabled={rows.length === 0}>
      <Download aria-hidden className="h-4 w-4" /> CSV
    </Button>
  );
}

export function DataTable<T>({ rows, columns, caption, rowKey, footer, testId, limit }: { rows: readonly T[]; columns: readonly TColumn<T>[]; caption: string; rowKey: (row: T, i: number) => string; footer?: ReactNode; testId?: string; limit?: number }) {
  const [all, setAll] = useState(false);
  const shown = limit && !all ? rows.slice(0, limit) : rows;
  return (
    <ScrollX label={caption}>
      <table className="min-w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200">
            {columns.map((c) => (
              <th key={c.header} scope="col" className={cn("px-1.5 py-2 align-bottom text-xs font-semibold uppercase text-slate-500 first:pl-0 last:pr-0", c.align === "right" ? "text-right" : "text-left")}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shown.map((r, i) => (
            <tr key={rowKey(r, i)} className="hover:bg-slate-50">
              {columns.map((c, j) => {
                const Tag = j === 0 ? "th" : "td";
                return (
                  <Tag key={c.header} scope={j === 0 ? "row" : undefined} className={cn(c.wrap ? "xl:whitespace-nowrap" : "whitespace-nowrap", "px-1.5 py-2 first:pl-0 last:pr-0", j === 0 ? "text-left font-medium text-slate-800" : "text-slate-700", c.align === "right" && "text-right tabular-nums")}>
                    {c.cell(r)}
                  </Tag>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer}
      </table>
      {limit && rows.length > limit && (
        <button type="button" onClick={() => setAll((v) => !v)} className="mt-2 text-sm font-medium text-brand-700 hover:underline" aria-expanded={all}>
          {all ? `Show the first ${limit}` : `Show all ${rows.length}`}
        </button>
      )}
    </ScrollX>
  );
}

/**
 * A chart and its table, one of them shown at a time (the chart first); the toggle and the CSV
 * export sit in the card's header. Without rows, `empty` is shown instead.
 */
export function ChartCard<T>({
  title,
  description,
  chart,
  rows,
  columns,
  rowKey,
  empty = "Nothing to show for the accounts in view.",
  initialView = "chart",
  footer,
  className,
  children,
  testId,
  limit,
  chartHeight = 260,
}: {
  title: string;
  description?: ReactNode;
  chart?: ReactNode;
  rows: readonly T[];
  columns: readonly TColumn<T>[];
  rowKey: (row: T, i: number) => string;
  empty?: string;
  initialView?: "chart" | "table";
  footer?: ReactNode;
  className?: string;
  children?: ReactNode;
  testId?: string;
  /** Rows the table shows before "Show all" (the CSV always has every row). */
  limit?: number;
  /** Space kept for the chart until it is drawn. */
  chartHeight?: number;
}) {
  const [view, setView] = useState<"chart" | "table">(chart ? initialView : "table");
  const captionId = useId();
  const hasData = rows.length > 0;
  return (
    <Card className={cn("flex flex-col", className)}>
      <div data-testid={testId} className="flex flex-1 flex-col">
        <CardHeader
          title={title}
          description={description}
          actions={
            <>
              {chart && hasData && (
                <div role="group" aria-label={`Show “${title}” as`} className="inline-flex rounded-md border border-slate-200 p-0.5">
                  <button type="button" aria-pressed={view === "chart"} onClick={() => setView("chart")} className={cn("inline-flex h-7 items-center gap-1 rounded px-2 text-xs font-medium", view === "chart" ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100")}>
                    <BarChart3 aria-hidden className="h-3.5 w-3.5" /> Chart
                  </button>
                  <button type="button" aria-pressed={view === "table"} onClick={() => setView("table")} className={cn("inline-flex h-7 items-center gap-1 rounded px-2 text-xs font-medium", view === "table" ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100")}>
                    <Table2 aria-hidden className="h-3.5 w-3.5" /> Table
                  </button>
                </div>
              )}
              <CsvButton title={title} rows={rows} columns={columns} />
            </>
          }
        />
        <div className="flex-1 px-5 py-4">
          {children}
          {!hasData ? (
            <p className="py-8 text-center text-sm text-slate-500">{empty}</p>
          ) : view === "chart" && chart ? (
            <figure aria-labelledby={captionId} className="m-0">
              <figcaption id={captionId} className="sr-only">
                {title}. The same figures are in the table view.
              </figcaption>
              <WhenVisible height={chartHeight}>{chart}</WhenVisible>
            </figure>
          ) : (
            <DataTable rows={rows} columns={columns} caption={title} rowKey={rowKey} footer={footer} limit={limit} />
          )}
        </div>
      </div>
    </Card>
  );
}
