"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { History, Pencil } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { requiredMissing, useFocusFirstError } from "@/components/ui/form-errors";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { cn } from "@/lib/cn";
import { formatDate } from "@/lib/format";
import { Ago } from "@/components/ui/ago";
import { lightHistory } from "@/lib/plans/model";
import { LIGHT_AREAS, LIGHT_AREA_LABELS, LIGHT_COLORS, LIMITS, type TLightArea, type TLightColor } from "@/lib/plans/schema";
import type { TLightView } from "@/lib/plans/view";
import { LIGHT_STYLE, LightDot } from "./light-dot";

function LightForm({ accountId, area, current, onDone }: { accountId: string; area: TLightArea; current: TLightView | null; onDone: () => void }) {
  const router = useRouter();
  const [color, setColor] = useState<TLightColor>(current?.color ?? "GREEN");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ reason?: string }>({});
  const [busy, setBusy] = useState(false);
  const formRef = useFocusFirstError(errors);
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const missing = requiredMissing({ reason: !reason.trim() && "Say in one line why the light is this colour now" });
    if (missing) return setErrors(missing);
    setBusy(true);
    setErrors({});
    try {
      await api(`/api/accounts/${accountId}/plan/lights`, { body: { area, color, reason } });
      changeToast(`light-${area}`).done(`${LIGHT_AREA_LABELS[area]} set to ${LIGHT_STYLE[color].label.toLowerCase()}`);
      onDone();
      router.refresh();
    } catch (err) {
      setErrors({ reason: err instanceof ApiError ? (err.fields.reason ?? err.message) : "Could not save the light" });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form ref={formRef} onSubmit={save} noValidate className="mt-3 space-y-3 rounded-lg bg-slate-50 p-3" aria-label={`Set ${LIGHT_AREA_LABELS[area]} light`}>
      <fieldset>
        <legend className="sr-only">Colour</legend>
        <div className="flex gap-2">
          {LIGHT_COLORS.map((c) => (
            <label
              key={c}
              className={cn(
                "inline-flex cursor-pointer items-center gap-2 rounded-md border bg-white px-3 py-1.5 text-sm font-medium",
                color === c ? `border-transparent ring-2 ${LIGHT_STYLE[c].ring}` : "border-slate-200",
              )}
            >
              <input type="radio" name={`color-${area}`} value={c} checked={color === c} onChange={() => setColor(c)} className="sr-only" />
              <LightDot color={c} size="sm" /> {LIGHT_STYLE[c].label}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Reason" htmlFor={`reason-${area}`} error={errors.reason}>
        <Input
          id={`reason-${area}`}
          value={reason}
          maxLength={LIMITS.lightReason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="One line: why this colour, now"
          autoFocus
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy}>
          Set light
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function TrafficLights({
  accountId,
  current,
  history,
  canEdit,
}: {
  accountId: string;
  current: Record<TLightArea, TLightView | null>;
  history: TLightView[];
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState<TLightArea | null>(null);
  const [open, setOpen] = useState<TLightArea | null>(null);
  return (
    <Card>
      <CardHeader title="Traffic lights" description="An honest picture at a glance. Each change is kept." />
      <CardBody className="p-0">
        <ul className="divide-y divide-slate-100">
          {LIGHT_AREAS.map((area) => {
            const l = current[area];
            const past = lightHistory(history, area).slice(1);
            return (
              <li key={area} className="px-5 py-3" data-testid={`light-${area}`} data-color={l?.color ?? "NONE"}>
                <div className="flex flex-wrap items-start gap-3">
                  <span className="mt-1">
                    <LightDot color={l?.color ?? null} />
                  </span>
                  {/* On a phone the reason takes the row and the buttons go under it, on the right. */}
                  <div className="min-w-0 grow basis-[calc(100%-2.25rem)] sm:basis-0">
                    <div className="flex flex-wrap items-baseline gap-x-2">
                      <span className="font-medium text-slate-900">{LIGHT_AREA_LABELS[area]}</span>
                      <span className={cn("text-sm font-medium", l ? LIGHT_STYLE[l.color].text : "text-slate-500")}>{l ? LIGHT_STYLE[l.color].label : "Not set"}</span>
                    </div>
                    {l && <p className="text-sm text-slate-700">{l.reason}</p>}
                    {l && (
                      <p className="text-xs text-slate-500" title={formatDate(l.setAt)}>
                        Set {formatDate(l.setAt)} (<Ago at={l.setAt} />){l.setBy ? ` by ${l.setBy.name}` : ""}
                      </p>
                    )}
                  </div>
                  <div className="ml-auto flex gap-1">
                    {past.length > 0 && (
                      <Button variant="ghost" size="sm" onClick={() => setOpen(open === area ? null : area)} aria-expanded={open === area} aria-label={`${LIGHT_AREA_LABELS[area]} history`}>
                        <History aria-hidden className="h-4 w-4" /> {past.length}
                      </Button>
                    )}
                    {canEdit && editing !== area && (
                      <Button variant="secondary" size="sm" onClick={() => setEditing(area)} aria-label={`Update ${LIGHT_AREA_LABELS[area]}`}>
                        <Pencil aria-hidden className="h-3.5 w-3.5" /> Update
                      </Button>
                    )}
                  </div>
                </div>
                {editing === area && <LightForm accountId={accountId} area={area} current={l} onDone={() => setEditing(null)} />}
                {open === area && (
                  <ol className="mt-3 space-y-2 border-l-2 border-slate-100 pl-4" aria-label={`${LIGHT_AREA_LABELS[area]} history`}>
                    {past.map((h) => (
                      <li key={h.id} className="flex items-start gap-2 text-sm">
                        <span className="mt-1">
                          <LightDot color={h.color} size="sm" />
                        </span>
                        <span>
                          <span className="text-slate-700">{h.reason}</span>{" "}
                          <span className="text-xs text-slate-500">
                            {formatDate(h.setAt)}
                            {h.setBy ? ` · ${h.setBy.name}` : ""}
                          </span>
                        </span>
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            );
          })}
        </ul>
      </CardBody>
    </Card>
  );
}
