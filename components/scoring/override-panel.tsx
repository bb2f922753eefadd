"use client";

// Senior managers override an account's tier with a written reason, or remove the override.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Select, Textarea } from "@/components/ui/field";
import { ApiError, api } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { SCORING_LIMITS } from "@/lib/scoring/schema";
import type { TScorecardJson } from "./types";
import { confirmAction } from "@/components/ui/confirm";
import { FormAlert } from "@/components/ui/form-alert";

/** One toast for the override: set or removed again after a failure, the outcome replaces that toast. */
const outcome = changeToast("tier-override");

export function OverridePanel({ card, onChange }: { card: TScorecardJson; onChange: (next: TScorecardJson) => void }) {
  const [tierId, setTierId] = useState(card.override?.tier.id ?? "");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const url = `/api/accounts/${card.accountId}/tier-override`;

  /**
   * Someone else decided meanwhile (409): their decision replaces the one shown, and what was
   * chosen and written here stays in the form, to be sent again once they have read it.
   */
  function conflicted(err: unknown): boolean {
    if (!(err instanceof ApiError && err.status === 409 && err.current)) return false;
    onChange({ ...(err.current as TScorecardJson), permissions: card.permissions });
    setConflict(`${err.message} Read their reason, then decide again.`);
    outcome.clear();
    return true;
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setConflict(null);
    try {
      const next = await api<TScorecardJson>(url, { method: "PUT", body: { tierId, reason, expectedOverrideAt: card.override?.at ?? null } });
      onChange(next);
      setReason("");
      outcome.done(`Tier overridden to ${next.override?.tier.name}`);
    } catch (err) {
      if (conflicted(err)) return;
      if (err instanceof ApiError && err.status === 422) setErrors(err.fields);
      outcome.failedWith(err, "Could not save the override");
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    const ok = await confirmAction({ title: "Remove the override?", body: `${card.accountName} goes back to ${card.computedTier?.name ?? "the tier its score gives"}.`, confirmLabel: "Remove override", tone: "danger" });
    if (!ok) return;
    setBusy(true);
    setConflict(null);
    try {
      const next = await api<TScorecardJson>(`${url}?expectedOverrideAt=${encodeURIComponent(card.override?.at ?? "")}`, { method: "DELETE" });
      onChange(next);
      setTierId("");
      outcome.done("Override removed");
    } catch (err) {
      if (conflicted(err)) return;
      outcome.failedWith(err, "Could not remove the override");
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <CardHeader title="Override the tier" description="For a reason the score cannot see. The reason is shown wherever the tier is." />
      <CardBody>
        <form onSubmit={save} className="space-y-3" noValidate>
          {conflict && (
            <FormAlert tone="warning" reveal>
              {conflict}
            </FormAlert>
          )}
          <Field label="Serve this account as" htmlFor="override-tier" error={errors.tierId}>
            <Select id="override-tier" value={tierId} onChange={(e) => setTierId(e.target.value)} required aria-invalid={Boolean(errors.tierId)}>
              <option value="">Choose a tier…</option>
              {card.tiers.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                  {t.id === card.computedTier?.id ? " (what the score says)" : ""}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Reason" htmlFor="override-reason" error={errors.reason} hint="At least 5 characters; everyone who sees the tier sees this.">
            <Textarea
              id="override-reason"
              rows={3}
              maxLength={SCORING_LIMITS.overrideReason}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={card.override ? card.override.reason : "e.g. Launch partner for our 2027 platform"}
              aria-invalid={Boolean(errors.reason)}
            />
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={busy || !tierId || reason.trim().length < 5}>
              {card.override ? "Change override" : "Override tier"}
            </Button>
            {card.override && (
              <Button variant="danger" onClick={remove} disabled={busy}>
                Remove override
              </Button>
            )}
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
