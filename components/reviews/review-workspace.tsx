"use client";

// The review itself: the plan version (or proposal) section by section, each with its threads
// and a way to comment on it, quoting a selected passage. Select text in a section, then choose
// "Comment on this section": the selection becomes the quote (it can also be typed).
import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { MessageSquarePlus, Quote, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/field";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { cn } from "@/lib/cn";
import { GENERAL_SECTION, REVIEW_LIMITS } from "@/lib/reviews/schema";
import type { TReviewView, TThreadView } from "@/lib/reviews/view";
import { SubjectSection } from "./subject-section";
import { Thread } from "./thread";

type Selection = { section: string; text: string };

function Composer({
  reviewId,
  section,
  sectionLabel,
  initialQuote,
  onDone,
  onCancel,
}: {
  reviewId: string;
  section: string;
  sectionLabel: string;
  initialQuote: string;
  onDone: (t: TThreadView) => void;
  onCancel: () => void;
}) {
  const [quote, setQuote] = useState(initialQuote);
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = `compose-${section}`;
  async function submit() {
    setBusy(true);
    setErrors({});
    try {
      const t = await api<TThreadView>(`/api/reviews/${reviewId}/comments`, { body: { section, quote: quote || undefined, body } });
      onDone(t);
      changeToast(`comment-${section}`).done(`Comment added on ${sectionLabel}`);
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(Object.keys(e.fields).length ? e.fields : { body: e.message });
      } else setErrors({ body: "Could not add the comment; your text is kept" });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      className="space-y-2 rounded-lg border border-brand-200 bg-brand-50/40 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {section !== GENERAL_SECTION && (
        <div className="space-y-1">
          <label htmlFor={`${id}-quote`} className="flex items-center gap-1 text-xs font-medium text-slate-600">
            <Quote aria-hidden className="h-3.5 w-3.5" /> Passage (optional)
          </label>
          <div className="flex gap-1.5">
            <Input
              id={`${id}-quote`}
              value={quote}
              maxLength={REVIEW_LIMITS.quote}
              onChange={(e) => setQuote(e.target.value)}
              placeholder="Select text in the section, or type the words you mean"
              className="h-9"
            />
            {quote && (
              <Button size="sm" variant="ghost" onClick={() => setQuote("")} aria-label="Remove the passage">
                <X aria-hidden className="h-4 w-4" />
              </Button>
            )}
          </div>
          {errors.quote && <p className="text-xs font-medium text-red-700">{errors.quote}</p>}
        </div>
      )}
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        Your comment on {sectionLabel}
      </label>
      <Textarea
        id={id}
        rows={3}
        autoFocus
        value={body}
        maxLength={REVIEW_LIMITS.commentBody}
        onChange={(e) => setBody(e.target.value)}
        aria-invalid={Boolean(errors.body || errors.section)}
        aria-describedby={errors.body || errors.section ? `${id}-error` : undefined}
      />
      {(errors.body || errors.section) && (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-700">
          {errors.body ?? errors.section}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy || !body.trim()}>
          Add comment
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function ReviewWorkspace({ review }: { review: TReviewView }) {
  const router = useRouter();
  const [threads, setThreads] = useState(review.threads);
  const [composing, setComposing] = useState<{ section: string; quote: string } | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  // The server's view wins whenever the page is refreshed (someone else may have written).
  useEffect(() => setThreads(review.threads), [review.threads]);

  useEffect(() => {
    function onSelect() {
      const sel = document.getSelection();
      if (!sel || sel.isCollapsed || !sel.anchorNode) return setSelection(null);
      const el = sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode.parentElement;
      const scope = el?.closest<HTMLElement>("[data-quote-scope]");
      if (!scope || !rootRef.current?.contains(scope)) return setSelection(null);
      const text = sel.toString().replace(/\s+/g, " ").trim().slice(0, REVIEW_LIMITS.quote);
      setSelection(text ? { section: scope.dataset.quoteScope!, text } : null);
    }
    document.addEventListener("selectionchange", onSelect);
    return () => document.removeEventListener("selectionchange", onSelect);
  }, []);

  const bySection = useMemo(() => {
    const m = new Map<string, TThreadView[]>();
    for (const t of threads) m.set(t.section, [...(m.get(t.section) ?? []), t]);
    return m;
  }, [threads]);

  const update = (t: TThreadView) => {
    setThreads((all) => (all.some((x) => x.id === t.id) ? all.map((x) => (x.id === t.id ? t : x)) : [...all, t]));
    // Counts in the navigation and the side panel come from the server.
    router.refresh();
  };
  const can = review.permissions;

  const threadList = (section: string) => {
    const list = bySection.get(section) ?? [];
    if (!list.length) return null;
    return (
      <div className="space-y-2.5">
        {list.map((t) => (
          <Thread key={t.id} reviewId={review.id} thread={t} canReply={can.comment} canResolve={can.resolve} onChange={update} />
        ))}
      </div>
    );
  };

  const composeButton = (section: string, label: string) => {
    if (!can.comment || composing?.section === section) return null;
    const quoted = selection?.section === section ? selection.text : "";
    return (
      <Button
        size="sm"
        variant={quoted ? "primary" : "secondary"}
        // Keep the text selection when the button is pressed with the mouse.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setComposing({ section, quote: quoted })}
        aria-label={quoted ? `Comment on the selected passage in ${label}` : `Comment on ${label}`}
      >
        <MessageSquarePlus aria-hidden className="h-4 w-4" /> {quoted ? "Comment on the selection" : "Comment"}
      </Button>
    );
  };

  const composer = (section: string, label: string) =>
    composing?.section === section ? (
      <Composer
        reviewId={review.id}
        section={section}
        sectionLabel={label}
        initialQuote={composing.quote}
        onCancel={() => setComposing(null)}
        onDone={(t) => {
          setComposing(null);
          update(t);
        }}
      />
    ) : null;

  const sections = review.sections.filter((s) => s.key !== GENERAL_SECTION);
  const changed = new Map((review.previous?.changes ?? []).map((c) => [c.section, c]));
  const since = review.previous?.versionNumber != null ? `version ${review.previous.versionNumber}` : "the last review";
  const general = bySection.get(GENERAL_SECTION) ?? [];
  return (
    <div ref={rootRef} className="space-y-5">
      <section aria-labelledby="general-h" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-review-section={GENERAL_SECTION}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="general-h" className="text-base font-semibold text-slate-900">
            On the {review.subjectType === "proposal" ? "proposal" : "plan"} as a whole
          </h2>
          {composeButton(GENERAL_SECTION, "the whole")}
        </div>
        {!general.length && !composing && <p className="mt-1 text-sm text-slate-500">General remarks that are about no one section.</p>}
        <div className="mt-3 space-y-3">
          {composer(GENERAL_SECTION, "the whole")}
          {threadList(GENERAL_SECTION)}
        </div>
      </section>
      {sections.map((s) => {
        const count = (bySection.get(s.key) ?? []).filter((t) => t.state !== "resolved").length;
        return (
          <section
            key={s.key}
            aria-label={s.label}
            data-review-section={s.key}
            className={cn("rounded-xl border bg-white shadow-sm", count ? "border-amber-200" : "border-slate-200")}
          >
            <div className="px-5 pt-5 sm:px-7" data-quote-scope={s.key}>
              <SubjectSection subject={review.subject} section={s.key} />
            </div>
            <div className="space-y-3 px-5 pb-4 pt-3 sm:px-7">
              <div className="flex flex-wrap items-center justify-end gap-2">
                <span className="mr-auto flex flex-wrap items-center gap-2">
                  {changed.has(s.key) && (
                    <Badge tone="amber" title={`This section changed since ${since}`}>
                      Changed since {since}
                      {changed.get(s.key)!.answers.length ? ` · answers ${changed.get(s.key)!.answers.length} comment${changed.get(s.key)!.answers.length > 1 ? "s" : ""}` : ""}
                    </Badge>
                  )}
                  {count > 0 && <span className="text-xs font-medium text-amber-800">{count} open thread{count > 1 ? "s" : ""}</span>}
                </span>
                {composeButton(s.key, s.label)}
              </div>
              {composer(s.key, s.label)}
              {threadList(s.key)}
            </div>
          </section>
        );
      })}
    </div>
  );
}
