"use client";

// When someone else saved the draft while this person was typing, both texts are shown side by
// side for every section where they differ; the person picks, per section, which one to keep
// (their own by default: it is what they just wrote). Nothing is lost: the other text stays
// visible until the merge is saved, and copying from it is always possible.
import { useMemo, useState } from "react";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { conflictingSections } from "@/lib/plans/model";
import { SECTION_LABELS, emptyPlanContent, type TPlanContent, type TPlanSection } from "@/lib/plans/schema";
import type { TDraftView } from "@/lib/plans/view";
import { Ago } from "@/components/ui/ago";
import { PlanDocument } from "./plan-document";

/** A content with just this section filled, to render one section with the document component. */
const only = (content: TPlanContent, section: TPlanSection): TPlanContent => ({ ...emptyPlanContent(), [section]: content[section] });

export function ConflictPanel({ theirs, mine, onResolve }: { theirs: TDraftView; mine: TPlanContent; onResolve: (merged: TPlanContent) => void }) {
  const sections = useMemo(() => conflictingSections(mine, theirs.content), [mine, theirs.content]);
  const [choice, setChoice] = useState<Record<string, "mine" | "theirs">>(() => Object.fromEntries(sections.map((s) => [s, "mine"])));

  function merge() {
    const merged: TPlanContent = structuredClone(theirs.content);
    for (const s of sections) {
      if (choice[s] !== "theirs") (merged as Record<TPlanSection, unknown>)[s] = structuredClone(mine[s]);
    }
    onResolve(merged);
  }

  return (
    <section role="alert" aria-labelledby="conflict-title" className="mb-6 rounded-xl border border-red-200 bg-red-50/60 p-4" data-testid="conflict-panel">
      <div className="flex items-start gap-3">
        <AlertTriangle aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-red-600" />
        <div className="min-w-0 flex-1">
          <h2 id="conflict-title" className="font-semibold text-red-900">
            {theirs.savedBy ? `${theirs.savedBy.name} saved this draft` : "Someone else saved this draft"} <Ago at={theirs.savedAt} />, while you were editing
          </h2>
          <p className="mt-1 text-sm text-red-900/80">
            Nothing has been overwritten. {sections.length ? `You differ in ${sections.length} section${sections.length > 1 ? "s" : ""}: choose which text to keep in each, then save.` : "Your texts are the same: save to continue."}
          </p>
          <div className="mt-4 space-y-4">
            {sections.map((s) => (
              <fieldset key={s} className="rounded-lg border border-slate-200 bg-white p-3">
                <legend className="px-1 text-sm font-semibold text-slate-900">{SECTION_LABELS[s]}</legend>
                <div className="grid gap-3 md:grid-cols-2">
                  {(["theirs", "mine"] as const).map((side) => (
                    <label
                      key={side}
                      className={`block cursor-pointer rounded-md border p-3 ${choice[s] === side ? "border-brand-500 ring-2 ring-brand-200" : "border-slate-200"}`}
                    >
                      <span className="mb-2 flex items-center gap-2 text-sm font-medium text-slate-700">
                        <input type="radio" name={`conflict-${s}`} checked={choice[s] === side} onChange={() => setChoice((c) => ({ ...c, [s]: side }))} />
                        {side === "mine" ? "Keep my text" : `Take ${theirs.savedBy?.name ?? "their"}${theirs.savedBy ? "'s" : ""} text`}
                      </span>
                      <div className="max-h-80 overflow-y-auto">
                        <PlanDocument content={only(side === "mine" ? mine : theirs.content, s)} hideEmpty className="[&_h2]:hidden" />
                        {side === "mine" && !sectionHasText(mine, s) && <p className="text-sm italic text-slate-500">(empty)</p>}
                        {side === "theirs" && !sectionHasText(theirs.content, s) && <p className="text-sm italic text-slate-500">(empty)</p>}
                      </div>
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
          <div className="mt-4">
            <Button onClick={merge}>Save the chosen texts</Button>
          </div>
        </div>
      </div>
    </section>
  );
}

function sectionHasText(c: TPlanContent, s: TPlanSection): boolean {
  const v = c[s];
  if (typeof v === "string") return Boolean(v.trim());
  if (Array.isArray(v)) return v.length > 0;
  return Object.values(v).some((x) => String(x).trim());
}
