"use client";

// The right-hand column of the plan overview: where the plan stands (and, for a senior manager
// until mentor review exists, approving it), who has committed to it, and the lifecycle stage.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { changeToast } from "@/lib/client/toast";
import { CheckCircle2, Circle, Handshake } from "lucide-react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { api, ApiError } from "@/lib/client/api";
import { formatDate } from "@/lib/format";
import { Ago } from "@/components/ui/ago";
import { PLAN_STATUS_LABELS, type TPlanPhase } from "@/lib/plans/model";
import { LIMITS, STAGES, STAGE_LABELS, type TPlanVersionStatus, type TStage } from "@/lib/plans/schema";
import type { TPlanView, TVersionSummary } from "@/lib/plans/view";
import { confirmAction } from "@/components/ui/confirm";
import { FormAlert } from "@/components/ui/form-alert";

export const STATUS_TONE: Record<TPlanVersionStatus, Tone> = {
  SUBMITTED: "blue",
  APPROVED: "green",
  CHANGES_REQUESTED: "amber",
  SUPERSEDED: "slate",
};

export function VersionStatusBadge({ status }: { status: TPlanVersionStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{PLAN_STATUS_LABELS[status]}</Badge>;
}

const PHASE_TONE: Record<TPlanPhase["tone"], string> = {
  neutral: "bg-slate-50 text-slate-700",
  info: "bg-brand-50 text-brand-900",
  success: "bg-emerald-50 text-emerald-900",
  warning: "bg-amber-50 text-amber-900",
};

export function PlanStatusPanel({
  accountId,
  phase,
  current,
  pending,
  versionCount,
  canApprove,
  canEdit,
}: {
  accountId: string;
  phase: TPlanPhase;
  current: TVersionSummary | null;
  pending: TVersionSummary | null;
  versionCount: number;
  canApprove: boolean;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function decide(decision: "APPROVED" | "CHANGES_REQUESTED") {
    if (!pending) return;
    const ok = await confirmAction(
      decision === "APPROVED"
        ? { title: `Approve version ${pending.number}?`, body: "It becomes the plan the team works to, and the team is asked to commit to it.", confirmLabel: "Approve", tone: "primary" }
        : { title: `Send version ${pending.number} back?`, body: "The account manager is told that changes are requested; the draft stays open for them.", confirmLabel: "Request changes", tone: "primary" },
    );
    if (!ok) return;
    const outcome = changeToast("plan-decision");
    setBusy(true);
    try {
      await api(`/api/accounts/${accountId}/plan/versions/${pending.number}/decision`, { body: { decision } });
      outcome.done(decision === "APPROVED" ? `Version ${pending.number} approved` : `Changes requested on version ${pending.number}`);
      router.refresh();
    } catch (e) {
      outcome.failedWith(e, "Could not record the decision");
      router.refresh();
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card>
      <CardHeader title="Plan" />
      <CardBody className="space-y-3">
        <p className={`rounded-md px-3 py-2 text-sm font-medium ${PHASE_TONE[phase.tone]}`} data-testid="plan-phase">
          {phase.label}
        </p>
        {current ? (
          <p className="text-sm text-slate-600">
            Current plan: <Link href={`/accounts/${accountId}/plan/current`} className="font-medium text-brand-700 hover:underline">version {current.number}</Link>, approved {formatDate(current.decidedAt)}.
          </p>
        ) : versionCount === 0 ? (
          <p className="text-sm text-slate-600">Write the plan in the draft and submit it: once approved, it is the plan the team commits to.</p>
        ) : (
          <p className="text-sm text-slate-600">No approved plan yet.</p>
        )}
        {pending && canApprove && (
          <div className="space-y-2 rounded-md border border-slate-200 p-3">
            <p className="text-sm text-slate-700">
              Version {pending.number} was submitted <Ago at={pending.submittedAt} />
              {pending.submittedBy ? ` by ${pending.submittedBy.name}` : ""}.
            </p>
            <div className="flex flex-wrap gap-2">
              <Button size="sm" onClick={() => decide("APPROVED")} disabled={busy}>
                Approve version {pending.number}
              </Button>
              <Button size="sm" variant="secondary" onClick={() => decide("CHANGES_REQUESTED")} disabled={busy}>
                Request changes
              </Button>
            </div>
          </div>
        )}
        <div className="flex flex-wrap gap-2 pt-1">
          <Link href={`/accounts/${accountId}/plan/draft`} className={buttonClass(canEdit ? "primary" : "secondary", "sm")}>
            {canEdit ? "Edit the draft" : "Read the draft"}
          </Link>
          {/* Nothing to compare before a first version is submitted. */}
          {versionCount > 0 && (
            <Link href={`/accounts/${accountId}/plan/versions`} className={buttonClass("secondary", "sm")}>
              {versionCount > 1 ? "Compare versions" : "Versions"}
            </Link>
          )}
        </div>
      </CardBody>
    </Card>
  );
}

export function CommitmentPanel({ accountId, commitment, viewerId, canCommit }: { accountId: string; commitment: TPlanView["commitment"]; viewerId: string; canCommit: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  if (!commitment) {
    return (
      <Card>
        <CardHeader title="Team commitment" />
        <CardBody>
          <p className="text-sm text-slate-500">When a version is approved, each team member is asked to commit to it.</p>
        </CardBody>
      </Card>
    );
  }
  const mine = commitment.members.find((m) => m.userId === viewerId);
  async function commit() {
    const outcome = changeToast("plan-commitment");
    setBusy(true);
    try {
      await api(`/api/accounts/${accountId}/plan/commitments`, { body: { versionNumber: commitment!.versionNumber } });
      outcome.done(`You committed to version ${commitment!.versionNumber}`);
      router.refresh();
    } catch (e) {
      outcome.failedWith(e, "Could not record your commitment");
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card>
      <CardHeader
        title="Team commitment"
        description={`Version ${commitment.versionNumber}: ${commitment.committed} of ${commitment.total} committed`}
      />
      <CardBody className="space-y-3">
        {mine && !mine.committedAt && canCommit && (
          <div className="rounded-md bg-brand-50 p-3">
            <p className="mb-2 text-sm text-brand-900">Version {commitment.versionNumber} is approved. Do you commit to it?</p>
            <Button size="sm" onClick={commit} disabled={busy} data-testid="commit-button">
              <Handshake aria-hidden className="h-4 w-4" /> Commit
            </Button>
          </div>
        )}
        <div className="h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
          <div className="h-full bg-emerald-500" style={{ width: `${commitment.total ? (commitment.committed / commitment.total) * 100 : 0}%` }} />
        </div>
        <ul className="space-y-1.5" data-testid="commitments">
          {commitment.members.map((m) => (
            <li key={m.userId} className="flex items-center justify-between gap-2 text-sm">
              <span className="inline-flex items-center gap-2">
                {m.committedAt ? <CheckCircle2 aria-hidden className="h-4 w-4 text-emerald-600" /> : <Circle aria-hidden className="h-4 w-4 text-slate-300" />}
                <span className={m.committedAt ? "text-slate-900" : "text-slate-500"}>{m.name}</span>
              </span>
              <span className="text-xs text-slate-500">{m.committedAt ? `committed ${formatDate(m.committedAt)}` : "not yet"}</span>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

export function StagePanel({ accountId, stage, history, canChange }: { accountId: string; stage: TStage; history: TPlanView["stageHistory"]; canChange: boolean }) {
  const router = useRouter();
  const [next, setNext] = useState<TStage>(stage);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  async function change(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setConflict(null);
    try {
      await api(`/api/accounts/${accountId}/plan/stage`, { body: { stage: next, fromStage: stage, note } });
      changeToast("plan-stage").done(`Stage changed to ${STAGE_LABELS[next]}`);
      setNote("");
      router.refresh();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Someone moved the account meanwhile: show where it is now; the choice and note stay here.
        setConflict(`${err.message} Choose again if it should still move.`);
        router.refresh();
        return;
      }
      setError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : "Could not change the stage");
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card>
      <CardHeader title="Lifecycle stage" description={STAGE_LABELS[stage]} />
      <CardBody className="space-y-4">
        <ol className="flex gap-1" aria-label="Lifecycle">
          {STAGES.map((s) => (
            <li key={s} title={STAGE_LABELS[s]} className={`h-1.5 flex-1 rounded-full ${STAGES.indexOf(s) <= STAGES.indexOf(stage) ? "bg-brand-500" : "bg-slate-200"}`}>
              <span className="sr-only">
                {STAGE_LABELS[s]}
                {s === stage ? " (current)" : ""}
              </span>
            </li>
          ))}
        </ol>
        {canChange && (
          <form onSubmit={change} className="space-y-2">
            {conflict && (
              <FormAlert tone="warning" reveal>
                {conflict}
              </FormAlert>
            )}
            <Field label="Move to" htmlFor="stage-next">
              <Select id="stage-next" value={next} onChange={(e) => setNext(e.target.value as TStage)}>
                {STAGES.map((s) => (
                  <option key={s} value={s}>
                    {STAGE_LABELS[s]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Why (optional)" htmlFor="stage-note" error={error ?? undefined}>
              <Input id="stage-note" value={note} maxLength={LIMITS.stageNote} onChange={(e) => setNote(e.target.value)} placeholder="e.g. Contract signed on 12 May" />
            </Field>
            <Button type="submit" size="sm" variant="secondary" disabled={busy || next === stage}>
              Change stage
            </Button>
          </form>
        )}
        <div>
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">History</h3>
          {history.length ? (
            <ol className="space-y-2" data-testid="stage-history">
              {history.map((h) => (
                <li key={h.id} className="text-sm">
                  <div className="text-slate-800">
                    {h.fromStage ? `${STAGE_LABELS[h.fromStage]} → ` : ""}
                    <span className="font-medium">{STAGE_LABELS[h.toStage]}</span>
                  </div>
                  <div className="text-xs text-slate-500">
                    {formatDate(h.changedAt)}
                    {h.changedBy ? ` · ${h.changedBy.name}` : ""}
                  </div>
                  {h.note && <div className="text-xs text-slate-600">{h.note}</div>}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-slate-500">No stage changes recorded yet.</p>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
