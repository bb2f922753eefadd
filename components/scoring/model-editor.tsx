"use client";

// The selection model settings: criteria and tiers as a draft, a live what-if against every
// account while editing, and saving (which re-tiers every account in one transaction). A stale
// save (someone else saved first) offers to load theirs or to save this draft over it knowingly.
import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ApiError, api } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { Ago } from "@/components/ui/ago";
import { CriteriaEditor } from "./criteria-editor";
import { TiersEditor } from "./tiers-editor";
import { WhatIfPanel, type TPreviewResponse } from "./what-if-panel";
import { formFromModel, formSignature, toDraft, validateForm, type TModelForm } from "./model-form";
import type { TSelectionModelJson } from "./types";
import { confirmAction } from "@/components/ui/confirm";

type TSaved = TSelectionModelJson & { retiered?: { accounts: number; changed: number } };

export function ModelEditor({ initial }: { initial: TSelectionModelJson }) {
  const router = useRouter();
  const [saved, setSaved] = useState<TSelectionModelJson>(initial);
  const [form, setForm] = useState<TModelForm>(() => formFromModel(initial));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<TPreviewResponse | null>(null);
  const [previewState, setPreviewState] = useState<"idle" | "loading" | "ready" | "invalid">("idle");
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<TSelectionModelJson | null>(null);

  const savedSignature = useMemo(() => formSignature(formFromModel(saved)), [saved]);
  const signature = useMemo(() => formSignature(form), [form]);
  const changed = signature !== savedSignature;
  const clientErrors = useMemo(() => validateForm(form), [form]);
  const errors = { ...clientErrors, ...serverErrors };
  const valid = Object.keys(clientErrors).length === 0;

  const edit = (next: Partial<TModelForm>) => {
    setServerErrors({});
    setForm((f) => ({ ...f, ...next }));
  };

  // The what-if follows the draft, half a second after the last change.
  const abort = useRef<AbortController | null>(null);
  useEffect(() => {
    abort.current?.abort();
    if (!changed) {
      setPreviewState("idle");
      return;
    }
    if (!valid) {
      setPreviewState("invalid");
      return;
    }
    setPreviewState("loading");
    const controller = new AbortController();
    abort.current = controller;
    const timer = setTimeout(async () => {
      try {
        const result = await api<TPreviewResponse>("/api/selection-model/preview?only=moves", { body: toDraft(form), signal: controller.signal });
        setPreview(result);
        setPreviewError(null);
        setPreviewState("ready");
      } catch (err) {
        if ((err as Error).name === "AbortError") return;
        if (err instanceof ApiError && err.status === 422) setServerErrors(err.fields);
        setPreviewError(err instanceof Error ? err.message : "The preview failed");
        setPreviewState("ready");
      }
    }, 500);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // The signature stands for the form's content.
  }, [signature, changed, valid]);

  useEffect(() => {
    if (!changed) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [changed]);

  async function save() {
    const outcome = changeToast("model-save");
    if (!valid) {
      outcome.failed("Fix the marked fields first");
      return;
    }
    const s = preview?.summary;
    const moves = s && previewState === "ready" ? `${s.up === 1 ? "1 account moves" : `${s.up} accounts move`} up and ${s.down} down. ` : "";
    const ok = await confirmAction({ title: "Save the selection model?", body: `${moves}Every account is re-tiered now, and each gets a history point.`, confirmLabel: "Save and re-tier", tone: "primary" });
    if (!ok) return;
    setSaving(true);
    try {
      const result = await api<TSaved>("/api/selection-model", { method: "PUT", body: toDraft(form) });
      setSaved(result);
      setForm(formFromModel(result));
      setPreview(null);
      setConflict(null);
      outcome.done(`Model saved as version ${result.version}. ${result.retiered?.changed ?? 0} of ${result.retiered?.accounts ?? 0} accounts changed score or tier.`);
      router.refresh();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.current) {
        setConflict(err.current as TSelectionModelJson);
        outcome.clear();
      } else if (err instanceof ApiError && err.status === 422) {
        setServerErrors(err.fields);
        outcome.failed(Object.values(err.fields)[0] ?? err.message);
      } else outcome.failedWith(err, "Could not save the model");
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 -mx-1 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white/95 px-4 py-3 shadow-sm backdrop-blur">
        <p className="text-sm text-slate-600" role="status" aria-live="polite" data-testid="model-state">
          <span className="font-medium text-slate-900">Version {saved.version}</span>
          {saved.updatedBy ? ` · saved by ${saved.updatedBy.name} ` : " · saved "}
          <Ago at={saved.updatedAt} />
          {changed && <span className="ml-2 font-medium text-amber-700">Unsaved draft</span>}
          {/* Below 1280 px the what-if is under the tiers, far from the weight being changed: the bar says what it found and leads there. */}
          {changed && previewState === "ready" && preview && (
            <a href="#what-if" className="ml-2 font-medium text-brand-700 underline-offset-2 hover:underline xl:hidden" data-testid="what-if-jump">
              {preview.summary.up} up, {preview.summary.down} down: see what if
            </a>
          )}
        </p>
        <div className="flex gap-2">
          <Button variant="ghost" disabled={!changed || saving} onClick={() => { setForm(formFromModel(saved)); setServerErrors({}); }}>
            Discard draft
          </Button>
          <Button onClick={save} disabled={!changed || saving}>
            {saving ? "Saving…" : "Save model"}
          </Button>
        </div>
      </div>

      {conflict && (
        <div role="alert" className="flex flex-wrap items-start justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="flex gap-2">
            <AlertTriangle aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
            <span>
              {conflict.updatedBy?.name ?? "Someone"} saved the model (version {conflict.version}) after you opened it. Load their model, or keep your draft and save it over theirs.
            </span>
          </p>
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => { setSaved(conflict); setForm(formFromModel(conflict)); setConflict(null); }}>
              Load theirs
            </Button>
            <Button size="sm" onClick={() => { setSaved(conflict); setForm((f) => ({ ...f, version: conflict.version })); setConflict(null); }}>
              Keep my draft
            </Button>
          </div>
        </div>
      )}

      <div className="grid gap-6 xl:grid-cols-5">
        <div className="min-w-0 space-y-6 xl:col-span-3">
          <CriteriaEditor criteria={form.criteria} errors={errors} onChange={(criteria) => edit({ criteria })} />
          <TiersEditor tiers={form.tiers} namingScheme={form.namingScheme} errors={errors} onChange={(tiers, namingScheme) => edit({ tiers, namingScheme })} />
        </div>
        <div className="min-w-0 xl:col-span-2">
          <div id="what-if" className="scroll-mt-32 xl:sticky xl:top-20">
            <WhatIfPanel preview={preview} state={previewState} error={previewError} changed={changed} />
          </div>
        </div>
      </div>
    </div>
  );
}
