"use client";

// Writing or revising a proposal. Checked with the same Zod schema as the server, so a mistake is
// named next to its field before anything is sent; the server's 422 lands in the same place.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { zodFieldsOf } from "./zod-fields";
import { PROPOSAL_KINDS, PROPOSAL_KIND_LABELS, REVIEW_LIMITS, ZProposalInput, ZProposalUpdate, type TProposalKind } from "@/lib/reviews/schema";
import type { TProposalView, TReviewView } from "@/lib/reviews/view";
import { RichTextEditor, type TBodyValue } from "./rich-text-editor";

type Values = { title: string; kind: TProposalKind; summary: string; value: string; decisionDate: string; link: string };

export function ProposalForm({
  accountId,
  mentor,
  canRequest,
  existing,
}: {
  accountId: string;
  mentor: { name: string } | null;
  canRequest: boolean;
  existing?: TProposalView;
}) {
  const router = useRouter();
  const [v, setV] = useState<Values>({
    title: existing?.title ?? "",
    kind: existing?.kind ?? "proposal",
    summary: existing?.summary ?? "",
    value: existing?.value != null ? String(existing.value) : "",
    decisionDate: existing?.decisionDate ?? "",
    link: existing?.link ?? "",
  });
  const [body, setBody] = useState<TBodyValue>({ body: existing?.body ?? "", bodyFormat: "html" });
  const [requestReview, setRequestReview] = useState(Boolean(canRequest && mentor));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  async function save() {
    const payload = {
      title: v.title,
      kind: v.kind,
      summary: v.summary,
      value: v.value.trim() === "" ? null : Number(v.value),
      decisionDate: v.decisionDate || null,
      link: v.link.trim() || null,
      body: body.body,
      bodyFormat: body.bodyFormat,
      ...(existing ? { version: existing.version } : { requestReview }),
    };
    const outcome = changeToast("proposal-save");
    const check = (existing ? ZProposalUpdate : ZProposalInput).safeParse(payload);
    if (!check.success) {
      setErrors(zodFieldsOf(check.error));
      outcome.failed("Some fields need attention");
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      if (existing) {
        await api(`/api/accounts/${accountId}/proposals/${existing.id}`, { method: "PUT", body: payload });
        outcome.done("Proposal revised. Ask for the review again when it is ready.");
        router.push(`/accounts/${accountId}/reviews`);
      } else {
        const res = await api<{ proposal: TProposalView; review: TReviewView | null }>(`/api/accounts/${accountId}/proposals`, { body: payload });
        outcome.done(res.review ? `${mentor?.name ?? "The mentor"} has been asked to review it` : "Proposal saved");
        router.push(res.review ? `/reviews/${res.review.id}` : `/accounts/${accountId}/reviews`);
      }
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setErrors(e.fields);
      outcome.failedWith(e, "Could not save the proposal; your text is kept");
    } finally {
      setBusy(false);
    }
  }

  const err = (k: string) => errors[k];
  const aria = (k: string) => ({ "aria-invalid": Boolean(err(k)), "aria-describedby": err(k) ? `${k}-error` : undefined });
  return (
    <form
      className="space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="grid gap-5 md:grid-cols-3">
        <Field label="Title" htmlFor="title" error={err("title")} className="md:col-span-2">
          <Input id="title" value={v.title} onChange={set("title")} maxLength={REVIEW_LIMITS.proposalTitle} {...aria("title")} />
        </Field>
        <Field label="Kind" htmlFor="kind" error={err("kind")}>
          <Select id="kind" value={v.kind} onChange={set("kind")} {...aria("kind")}>
            {PROPOSAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {PROPOSAL_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Summary" htmlFor="summary" error={err("summary")} hint="Two or three sentences: what we offer and why the customer should say yes.">
        <Textarea id="summary" rows={3} value={v.summary} onChange={set("summary")} maxLength={REVIEW_LIMITS.proposalSummary} {...aria("summary")} />
      </Field>
      <div className="grid gap-5 md:grid-cols-3">
        <Field label="Value (EUR)" htmlFor="value" error={err("value")}>
          <Input id="value" type="number" inputMode="decimal" min={0} step="1000" value={v.value} onChange={set("value")} {...aria("value")} />
        </Field>
        <Field label="Customer's decision date" htmlFor="decisionDate" error={err("decisionDate")}>
          <Input id="decisionDate" type="date" value={v.decisionDate} onChange={set("decisionDate")} {...aria("decisionDate")} />
        </Field>
        <Field label="Link to the document (optional)" htmlFor="link" error={err("link")}>
          <Input id="link" type="url" placeholder="https://" value={v.link} onChange={set("link")} {...aria("link")} />
        </Field>
      </div>
      <div className="space-y-1.5">
        <span id="body-label" className="block text-sm font-medium text-slate-700">
          The proposal
        </span>
        <RichTextEditor id="body" labelId="body-label" value={body} onChange={setBody} invalid={Boolean(err("body"))} />
        {err("body") && (
          <p role="alert" id="body-error" className="text-xs font-medium text-red-700">
            {err("body")}
          </p>
        )}
      </div>
      {!existing && canRequest && (
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" className="mt-0.5 accent-brand-600" checked={requestReview} disabled={!mentor} onChange={(e) => setRequestReview(e.target.checked)} />
          <span>
            {mentor ? `Ask ${mentor.name} to review it now` : "This account has no mentor yet, so no review can be asked for"}
            {err("requestReview") && <span className="block text-xs font-medium text-red-700">{err("requestReview")}</span>}
          </span>
        </label>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : existing ? "Save the revision" : requestReview ? "Save and ask for review" : "Save proposal"}
        </Button>
        <Link href={`/accounts/${accountId}/reviews`} className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
