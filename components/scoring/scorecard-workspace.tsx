"use client";

// The scorecard page's interactive part: score and rationale per criterion, saved together with
// the scorecard's version (409 keeps your edits on top of the other person's), a live "if saved"
// score, the panels explaining the tier, and the override for senior managers. Unsaved edits are
// kept on this device until saved, so a closed tab loses no words.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ApiError, api } from "@/lib/client/api";
import { changeToast, notice } from "@/lib/client/toast";
import { scoreAccount, tierFor } from "@/lib/scoring/model";
import { CriterionRow, type TCriterionEdit } from "./criterion-row";
import { ScoreHistoryChart } from "./history-chart";
import { OverridePanel } from "./override-panel";
import { ScorePanel, ServiceLevel, WhyPanel } from "./score-panel";
import type { TScorecardJson, TSnapshotJson } from "./types";

type Edits = Record<string, TCriterionEdit>;
const editsFrom = (card: TScorecardJson): Edits => Object.fromEntries(card.breakdown.map((b) => [b.criterionId, { value: b.value, rationale: b.rationale }]));
const storageKey = (accountId: string) => `keystone.scorecard.${accountId}`;
/** One toast for saving: saved again after a failure or a conflict, the outcome replaces that toast. */
const outcome = changeToast("scorecard-save");

export function ScorecardWorkspace({ initial, history }: { initial: TScorecardJson; history: TSnapshotJson[] }) {
  const router = useRouter();
  const [card, setCard] = useState(initial);
  const [edits, setEdits] = useState<Edits>(() => editsFrom(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const canEdit = Boolean(initial.permissions?.edit);
  const canOverride = Boolean(initial.permissions?.override);

  const dirtyIds = useMemo(
    () => card.breakdown.filter((b) => edits[b.criterionId] && (edits[b.criterionId].value !== b.value || edits[b.criterionId].rationale !== b.rationale)).map((b) => b.criterionId),
    [card, edits],
  );
  const dirty = dirtyIds.length > 0;

  // Restore edits kept on this device (a closed tab, a crash) on top of the saved scorecard.
  useEffect(() => {
    if (!canEdit) return;
    try {
      const kept = JSON.parse(localStorage.getItem(storageKey(initial.accountId)) ?? "null") as Edits | null;
      if (kept && Object.keys(kept).length) {
        setEdits((e) => ({ ...e, ...Object.fromEntries(Object.entries(kept).filter(([id]) => id in e)) }));
        notice("scorecard-restored", "Restored your unsaved scores from this device");
      }
    } catch {
      /* nothing kept */
    }
  }, [canEdit, initial.accountId]);

  useEffect(() => {
    if (!canEdit) return;
    const key = storageKey(card.accountId);
    if (dirty) localStorage.setItem(key, JSON.stringify(Object.fromEntries(dirtyIds.map((id) => [id, edits[id]]))));
    else localStorage.removeItem(key);
  }, [canEdit, card.accountId, dirty, dirtyIds, edits]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // A refresh from the server (another tab saved, an override) replaces the card when nothing is being edited.
  useEffect(() => {
    if (initial.version !== card.version && !dirty) {
      setCard(initial);
      setEdits(editsFrom(initial));
    }
    // Only new server data matters here, not every local edit.
  }, [initial]);

  const preview = useMemo(() => {
    if (!dirty) return null;
    const criteria = card.breakdown.map((b) => ({ id: b.criterionId, weight: b.modelWeight, active: true }));
    const values = Object.entries(edits).flatMap(([criterionId, e]) => (e.value === null ? [] : [{ criterionId, value: e.value }]));
    const score = scoreAccount(criteria, values).score;
    return { score, tierName: tierFor(score, card.tiers)?.name ?? null };
  }, [card, dirty, edits]);

  const accept = useCallback(
    (next: TScorecardJson) => {
      setCard({ ...next, permissions: initial.permissions });
      router.refresh();
    },
    [initial.permissions, router],
  );

  const savedValue = (id: string) => card.breakdown.find((b) => b.criterionId === id)?.value ?? null;
  // A rationale typed where no score was ever picked cannot be saved; a cleared score can.
  const unscoredWithText = dirtyIds.filter((id) => edits[id].value === null && savedValue(id) === null);

  async function save() {
    const scores = dirtyIds
      .filter((id) => !unscoredWithText.includes(id))
      .map((id) => ({ criterionId: id, value: edits[id].value, rationale: edits[id].value === null ? "" : edits[id].rationale }));
    if (scores.length === 0) return;
    setSaving(true);
    setErrors({});
    try {
      const next = await api<TScorecardJson>(`/api/accounts/${card.accountId}/scorecard`, { method: "PUT", body: { version: card.version, scores } });
      localStorage.removeItem(storageKey(card.accountId));
      setEdits(editsFrom(next));
      accept(next);
      outcome.done(next.score === null ? "Scores saved" : `Scores saved: ${next.score.toFixed(1)}, ${next.tier?.name ?? "no tier"}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.current) {
        // Their scores become the base; every edit made here stays on top, still unsaved.
        setCard({ ...(err.current as TScorecardJson), permissions: initial.permissions });
        outcome.failed("Someone else saved this scorecard meanwhile. Their scores are loaded; your changes are kept on top. Review and save again.", { duration: 10_000 });
      } else if (err instanceof ApiError && err.status === 422) {
        const byCriterion: Record<string, string> = {};
        for (const [field, message] of Object.entries(err.fields)) {
          const m = /^scores\.(\d+)\./.exec(field);
          if (m) byCriterion[scores[Number(m[1])].criterionId] = message;
        }
        setErrors(byCriterion);
        outcome.failed(err.message);
      } else outcome.failedWith(err, "Could not save the scores");
    } finally {
      setSaving(false);
    }
  }

  const tier = card.override?.tier ?? card.computedTier;
  return (
    // One grid, three cells: on narrow screens the score comes first, then the criteria, then the
    // explanations; on wide screens the criteria take the left two columns beside both.
    <div className="grid gap-6 xl:grid-cols-3 xl:grid-rows-[auto_1fr]">
      <div className="min-w-0 xl:col-start-3 xl:row-start-1">
        <ScorePanel card={card} preview={preview} />
      </div>
      <div className="min-w-0 space-y-6 xl:col-span-2 xl:col-start-1 xl:row-span-2 xl:row-start-1">
        <Card>
          <CardHeader
            title="Selection criteria"
            description={
              canEdit
                ? "Score each criterion from 1 to 5 using the written meaning of each point, and say why."
                : "Each criterion's score, weight, contribution and the reason behind it."
            }
          />
          {card.breakdown.length === 0 ? (
            <CardBody>
              <p className="text-sm text-slate-600">The selection model has no active criteria yet. A senior manager sets them up under Selection model.</p>
            </CardBody>
          ) : (
            <ul className="divide-y divide-slate-100">
              {card.breakdown.map((row) => (
                <CriterionRow
                  key={row.criterionId}
                  row={row}
                  edit={edits[row.criterionId] ?? { value: row.value, rationale: row.rationale }}
                  canEdit={canEdit}
                  error={errors[row.criterionId]}
                  onChange={(next) => setEdits((e) => ({ ...e, [row.criterionId]: next }))}
                />
              ))}
            </ul>
          )}
          {canEdit && (
            <div className="sticky bottom-0 flex flex-wrap items-center justify-between gap-3 rounded-b-xl border-t border-slate-200 bg-white/95 px-5 py-3 backdrop-blur">
              <p className="text-sm text-slate-600" role="status" aria-live="polite" data-testid="scorecard-save-state">
                {saving
                  ? "Saving…"
                  : dirty
                    ? `${dirtyIds.length} unsaved change${dirtyIds.length === 1 ? "" : "s"} (kept on this device)`
                    : "All scores saved"}
                {unscoredWithText.length > 0 && <span className="ml-2 text-amber-700">Pick a score to save a rationale.</span>}
              </p>
              <div className="flex gap-2">
                <Button variant="ghost" disabled={!dirty || saving} onClick={() => setEdits(editsFrom(card))}>
                  Discard
                </Button>
                <Button onClick={save} disabled={!dirty || saving || dirtyIds.length === unscoredWithText.length}>
                  Save scores
                </Button>
              </div>
            </div>
          )}
        </Card>
        <Card>
          <CardHeader title="Score and tier over time" description="A point for every score change, model change and override." />
          <CardBody>
            <ScoreHistoryChart points={history} tiers={card.tiers} />
          </CardBody>
        </Card>
      </div>
      <div className="min-w-0 space-y-6 xl:col-start-3 xl:row-start-2">
        <WhyPanel card={card} />
        <ServiceLevel tier={tier ?? null} />
        {canOverride && <OverridePanel card={card} onChange={accept} />}
      </div>
    </div>
  );
}
