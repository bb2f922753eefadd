// Two plan versions side by side, section by section: removed text struck through in red on the
// left, added text in green on the right. Unchanged sections fold away (still one click open).
import { Badge, type Tone } from "@/components/ui/badge";
import { formatMoney } from "@/lib/format";
import type { TChangeStatus, TDiffPart, TPlanDiff, TSectionDiff, TTextDiff } from "@/lib/plans/model";
import { cn } from "@/lib/cn";
import { ScrollX } from "@/components/ui/scroll-x";
import { PHONE_COLUMN, PHONE_ONLY } from "@/components/ui/fold";
import { ShortOnPhone } from "@/components/ui/short-on-phone";

const STATUS: Record<TChangeStatus, { label: string; tone: Tone }> = {
  unchanged: { label: "Unchanged", tone: "slate" },
  added: { label: "Added", tone: "green" },
  removed: { label: "Removed", tone: "red" },
  changed: { label: "Changed", tone: "amber" },
};

function Side({ parts, side }: { parts: TDiffPart[]; side: "before" | "after" }) {
  const shown = parts.filter((p) => (side === "before" ? !p.added : !p.removed));
  if (!shown.some((p) => p.value.trim())) return <p className="text-sm italic text-slate-500">(empty)</p>;
  return (
    <p className="whitespace-pre-wrap text-sm leading-relaxed text-slate-800">
      {shown.map((p, i) =>
        p.removed ? (
          <del key={i} className="rounded-sm bg-red-100 text-red-900 decoration-red-400">
            {p.value}
          </del>
        ) : p.added ? (
          <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-900 no-underline">
            {p.value}
          </ins>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </p>
  );
}

function Counts({ d }: { d: TTextDiff }) {
  if (d.status === "unchanged") return null;
  return (
    <span className="text-xs text-slate-500">
      {d.wordsAdded > 0 && <span className="text-emerald-700">+{d.wordsAdded} words</span>}
      {d.wordsAdded > 0 && d.wordsRemoved > 0 && " · "}
      {d.wordsRemoved > 0 && <span className="text-red-700">−{d.wordsRemoved} words</span>}
    </span>
  );
}

function TwoColumns({ before, after }: { before: React.ReactNode; after: React.ReactNode }) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <div className="min-w-0 rounded-md bg-slate-50 p-3">{before}</div>
      <div className="min-w-0 rounded-md bg-slate-50 p-3">{after}</div>
    </div>
  );
}

function SectionBody({ s }: { s: TSectionDiff }) {
  if (s.kind === "text") {
    return (
      <div className="space-y-4">
        {s.fields.map((f) => (
          <div key={f.key}>
            {s.fields.length > 1 && (
              <div className="mb-1.5 flex items-center gap-2">
                <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{f.label}</h4>
                {f.status !== "unchanged" && <Badge tone={STATUS[f.status].tone}>{STATUS[f.status].label}</Badge>}
                <Counts d={f} />
              </div>
            )}
            {s.fields.length === 1 && (
              <div className="mb-1.5">
                <Counts d={f} />
              </div>
            )}
            <TwoColumns before={<Side parts={f.parts} side="before" />} after={<Side parts={f.parts} side="after" />} />
          </div>
        ))}
      </div>
    );
  }
  if (s.kind === "objectives") {
    if (!s.items.length) return <p className="text-sm italic text-slate-500">No objectives in either version.</p>;
    return (
      <ul className="space-y-3">
        {s.items.map((o) => (
          <li key={o.id} data-testid="objective-diff" data-status={o.status}>
            <div className="mb-1.5">
              <Badge tone={STATUS[o.status].tone}>{STATUS[o.status].label}</Badge>
            </div>
            <TwoColumns
              before={
                o.before ? (
                  <div>
                    <div className="font-medium">
                      <Side parts={o.title.parts} side="before" />
                    </div>
                    {o.before.horizonYear ? <div className="text-xs text-slate-500">by {o.before.horizonYear}</div> : null}
                    <div className="mt-1">
                      <Side parts={o.description.parts} side="before" />
                    </div>
                  </div>
                ) : (
                  <p className="text-sm italic text-slate-500">(not in this version)</p>
                )
              }
              after={
                o.after ? (
                  <div>
                    <div className="font-medium">
                      <Side parts={o.title.parts} side="after" />
                    </div>
                    {o.after.horizonYear ? <div className="text-xs text-slate-500">by {o.after.horizonYear}</div> : null}
                    <div className="mt-1">
                      <Side parts={o.description.parts} side="after" />
                    </div>
                  </div>
                ) : (
                  <p className="text-sm italic text-slate-500">(removed)</p>
                )
              }
            />
          </li>
        ))}
      </ul>
    );
  }
  if (!s.rows.length) return <p className="text-sm italic text-slate-500">No targets in either version.</p>;
  const cell = (before: number | null | undefined, after: number | null | undefined, side: "before" | "after") => {
    const v = side === "before" ? before : after;
    const differs = before !== after;
    return (
      <td className={cn("px-1 py-1.5 text-right sm:px-2", side === "before" && PHONE_COLUMN, differs && v !== undefined && (side === "before" ? "bg-red-50 text-red-900" : "bg-emerald-50 text-emerald-900"))}>
        {v === undefined ? "—" : formatMoney(v)}
        {/* On a phone the before column is folded away: what changed says what it was. */}
        {side === "after" && differs && before !== undefined && <span className={cn("block text-xs text-red-800", PHONE_ONLY)}>was {formatMoney(before)}</span>}
      </td>
    );
  };
  return (
    <ScrollX label="Financial targets compared">
      <table className="w-full text-sm tabular-nums sm:min-w-[34rem]" data-testid="targets-diff">
        <thead>
          <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <th className="px-1 py-1.5 text-left font-medium sm:px-2">Year</th>
            <th className={cn("px-2 py-1.5 text-right font-medium", PHONE_COLUMN)}>Revenue before</th>
            <th className="px-1 py-1.5 text-right font-medium sm:px-2">
              <ShortOnPhone short="Revenue">Revenue after</ShortOnPhone>
            </th>
            <th className={cn("px-2 py-1.5 text-right font-medium", PHONE_COLUMN)}>Margin before</th>
            <th className="px-1 py-1.5 text-right font-medium sm:px-2">
              <ShortOnPhone short="Margin">Margin after</ShortOnPhone>
            </th>
            <th className="px-1 py-1.5 sm:px-2">
              <span className="sr-only">Change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {s.rows.map((r) => (
            <tr key={r.year} className="border-b border-slate-100">
              <td className="px-1 py-1.5 font-medium sm:px-2">{r.year}</td>
              {cell(r.before?.revenue, r.after?.revenue, "before")}
              {cell(r.before?.revenue, r.after?.revenue, "after")}
              {cell(r.before?.margin, r.after?.margin, "before")}
              {cell(r.before?.margin, r.after?.margin, "after")}
              <td className="px-1 py-1.5 text-right sm:px-2">{r.status !== "unchanged" && <Badge tone={STATUS[r.status].tone}>{STATUS[r.status].label}</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}

export function PlanDiffView({ diff, a, b }: { diff: TPlanDiff; a: number; b: number }) {
  return (
    <div className="space-y-4" data-testid="plan-diff">
      <div className="grid gap-3 text-sm font-semibold text-slate-700 md:grid-cols-2">
        <div>Version {a}</div>
        <div>Version {b}</div>
      </div>
      {diff.changedSections.length === 0 && <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">The two versions are identical.</p>}
      {diff.sections.map((s) => (
        <details key={s.key} open={s.status !== "unchanged"} className="group rounded-xl border border-slate-200 bg-white shadow-sm" data-section={s.key} data-status={s.status}>
          <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-5 py-3">
            <h3 className="font-semibold text-slate-900">{s.label}</h3>
            <Badge tone={STATUS[s.status].tone}>{STATUS[s.status].label}</Badge>
          </summary>
          <div className="border-t border-slate-100 px-5 py-4">
            <SectionBody s={s} />
          </div>
        </details>
      ))}
    </div>
  );
}
