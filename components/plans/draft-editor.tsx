"use client";

// The plan draft, section by section, with autosave and a save state that is always in view.
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { RotateCcw, Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { cn } from "@/lib/cn";
import { diffPlanContent, submitProblems } from "@/lib/plans/model";
import { LIMITS, PLAN_SECTIONS, SECTION_LABELS, SUBFIELD_LABELS, type TPlanContent, type TPlanSection } from "@/lib/plans/schema";
import type { TDraftView, TVersionSummary } from "@/lib/plans/view";
import { ConflictPanel } from "./conflict-panel";
import { SaveIndicator } from "./save-indicator";
import { ObjectivesEditor, ProseField, TargetsEditor } from "./section-editors";
import { useDraftAutosave } from "./use-draft-autosave";
import { FormAlert } from "@/components/ui/form-alert";

const HINTS: Record<TPlanSection, string> = {
  keyInformation: "What we know about the customer's world, their company and our work with them.",
  customerObjectives: "What the customer is trying to achieve in their business, in their words.",
  objectives: "What we want to achieve with this account over the plan's horizon.",
  financialTargets: "",
  strategy: "How we will get there: the few choices that matter.",
  opportunities: "Openings we see: new sites, products, projects, people.",
  risks: "What could go wrong, and what competitors are doing.",
  howTheyBuy: "Who decides, how, and how they like to buy.",
  criticalSuccessFactors: "What must be true for this plan to work.",
  resources: "People, time, money and support we commit to the account.",
};

const PLACEHOLDERS: Partial<Record<string, string>> = {
  global: "Their market, regulation, economy, technology shifts…",
  corporate: "Culture, strategic direction, commercial objectives, recent changes in leadership…",
  project: "What we are working on with them now, and what is coming.",
  decisionProcess: "Who is involved, in what order, what evidence they need…",
  purchasingStrategy: "Preferred suppliers, framework agreements, tenders, payment terms…",
};

export function DraftEditor({
  accountId,
  server,
  baseline,
  canEdit,
  canSubmit,
  thisYear,
}: {
  accountId: string;
  server: TDraftView;
  /** The latest version, to show which sections the draft has changed since. */
  baseline: (TVersionSummary & { content: TPlanContent }) | null;
  canEdit: boolean;
  canSubmit: boolean;
  thisYear: number;
}) {
  const router = useRouter();
  const draft = useDraftAutosave({ accountId, server, enabled: canEdit });
  const { content, setContent, state } = draft;
  const [submitErrors, setSubmitErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);

  const changed = useMemo(() => new Set(baseline ? diffPlanContent(baseline.content, content).changedSections : []), [baseline, content]);
  const errors: Record<string, string> = { ...submitErrors, ...draft.fieldErrors };
  const set = <K extends TPlanSection>(key: K, value: TPlanContent[K]) => {
    setContent((c) => ({ ...c, [key]: value }));
    if (submitErrors[key]) setSubmitErrors(({ [key]: _, ...rest }) => rest);
  };
  const blur = () => {
    if (state === "unsaved") void draft.save();
  };

  async function submit() {
    // One toast for the submission: pressed again after a failure, the outcome replaces it.
    const outcome = changeToast("plan-submit");
    const problems = submitProblems(content);
    if (Object.keys(problems).length) {
      setSubmitErrors(problems as Record<string, string>);
      outcome.failed("The draft is not ready to submit yet: see the marked sections");
      document.getElementById(`edit-${Object.keys(problems)[0]}`)?.scrollIntoView({ behavior: "smooth", block: "start" });
      return;
    }
    if (baseline && !changed.size) {
      outcome.info(`Nothing has changed since version ${baseline.number}`);
      return;
    }
    setSubmitting(true);
    try {
      const version = await draft.flush();
      if (version === null) {
        outcome.failed("The draft could not be saved, so it was not submitted. Your text is kept.");
        return;
      }
      const res = await api<{ number: number }>(`/api/accounts/${accountId}/plan/versions`, { method: "POST", body: { draftVersion: version } });
      outcome.done(`Version ${res.number} submitted`);
      router.push(baseline ? `/accounts/${accountId}/plan/versions?a=${baseline.number}&b=${res.number}` : `/accounts/${accountId}/plan/versions/${res.number}`);
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setSubmitErrors(e.fields);
      outcome.failedWith(e, "Could not submit the plan");
    } finally {
      setSubmitting(false);
    }
  }

  const sectionBody = (s: TPlanSection) => {
    const disabled = !canEdit || state === "conflict";
    switch (s) {
      case "keyInformation":
      case "howTheyBuy": {
        const labels = SUBFIELD_LABELS[s] as Record<string, string>;
        const value = content[s] as Record<string, string>;
        return (
          <div className="space-y-4">
            {Object.entries(labels).map(([k, label]) => (
              <ProseField
                key={k}
                id={`field-${s}-${k}`}
                label={label}
                value={value[k] ?? ""}
                placeholder={PLACEHOLDERS[k]}
                max={s === "keyInformation" ? LIMITS.keyInfo : LIMITS.longText}
                onChange={(v) => set(s, { ...value, [k]: v } as TPlanContent[typeof s])}
                onBlur={blur}
                disabled={disabled}
              />
            ))}
          </div>
        );
      }
      case "objectives":
        return <ObjectivesEditor value={content.objectives} onChange={(v) => set("objectives", v)} onBlur={blur} disabled={disabled} thisYear={thisYear} />;
      case "financialTargets":
        return <TargetsEditor value={content.financialTargets} onChange={(v) => set("financialTargets", v)} onBlur={blur} disabled={disabled} thisYear={thisYear} />;
      default:
        return (
          <ProseField
            id={`field-${s}`}
            label={SECTION_LABELS[s]}
            hideLabel
            value={content[s]}
            max={LIMITS.longText}
            minRows={4}
            onChange={(v) => set(s, v)}
            onBlur={blur}
            disabled={disabled}
          />
        );
    }
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
      <nav aria-label="Plan sections" className="hidden lg:block">
        <ol className="sticky top-6 space-y-0.5 text-sm">
          {PLAN_SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#edit-${s}`} className="flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                <span>{SECTION_LABELS[s]}</span>
                {errors[s] ? (
                  <span className="h-2 w-2 shrink-0 rounded-full bg-red-500" aria-label="needs attention" />
                ) : changed.has(s) ? (
                  <span className="h-2 w-2 shrink-0 rounded-full bg-brand-500" aria-label={`changed since version ${baseline?.number}`} />
                ) : null}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <div className="min-w-0">
        <div className="sticky top-0 z-10 -mx-1 mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white/95 px-4 py-2.5 shadow-sm backdrop-blur">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
            {canEdit ? <SaveIndicator state={state} savedAt={draft.savedAt} onRetry={() => void draft.retryNow()} /> : <span className="text-sm text-slate-600">Read only: the account team edits the draft.</span>}
            <span className="text-sm text-slate-500">
              {baseline ? (changed.size ? `${changed.size} section${changed.size > 1 ? "s" : ""} changed since version ${baseline.number}` : `Same as version ${baseline.number}`) : "Not submitted yet"}
            </span>
          </div>
          {/* Signed out or refused, the draft cannot be submitted: the save state says why, in the room the button had. */}
          {canEdit && canSubmit && state !== "signedOut" && state !== "noAccess" && (
            <Button onClick={submit} disabled={submitting || state === "conflict"} data-testid="submit-version">
              <Send aria-hidden className="h-4 w-4" /> {submitting ? "Submitting…" : "Submit as new version"}
            </Button>
          )}
        </div>

        {draft.restored && (
          <div className="mb-4 flex items-center justify-between gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900" role="status">
            <span className="inline-flex items-center gap-2">
              <RotateCcw aria-hidden className="h-4 w-4" /> Restored text you typed on this device that had not been saved yet. It is being saved now.
            </span>
            <Button variant="ghost" size="sm" onClick={draft.dismissRestored}>
              OK
            </Button>
          </div>
        )}
        {draft.conflict && <ConflictPanel theirs={draft.conflict.theirs} mine={draft.conflict.mine} onResolve={draft.resolveConflict} />}
        {errors.body && <p className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{errors.body}</p>}

        <div className="space-y-5">
          {PLAN_SECTIONS.map((s) => (
            <Card key={s} className={cn("scroll-mt-20", errors[s] && "border-red-300")}>
              <div id={`edit-${s}`} className="scroll-mt-20" />
              <CardBody className="space-y-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="text-base font-semibold text-slate-900">{SECTION_LABELS[s]}</h2>
                  {changed.has(s) && <span className="text-xs font-medium text-brand-700">Changed since version {baseline?.number}</span>}
                </div>
                {HINTS[s] && <p className="-mt-2 text-sm text-slate-500">{HINTS[s]}</p>}
                {errors[s] && (
                  <FormAlert className="font-medium">
                    {errors[s]}
                  </FormAlert>
                )}
                {sectionBody(s)}
              </CardBody>
            </Card>
          ))}
        </div>
      </div>
    </div>
  );
}
