"use client";

// One comment thread: the first comment (with the passage it quotes), the answers, and the
// actions the viewer may take (answer, resolve, reopen). Resolving keeps the thread.
import { useState } from "react";
import Link from "next/link";
import { CheckCircle2, CornerDownRight, RotateCcw } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { api, ApiError } from "@/lib/client/api";
import { changeToast } from "@/lib/client/toast";
import { formatDate } from "@/lib/format";
import { Ago } from "@/components/ui/ago";
import { cn } from "@/lib/cn";
import { REVIEW_LIMITS } from "@/lib/reviews/schema";
import type { TCommentView, TThreadView } from "@/lib/reviews/view";

const SIDE_LABEL = { mentor: "Mentor", team: "Team", other: "Senior" } as const;

function Message({ c, first }: { c: TCommentView; first?: boolean }) {
  return (
    <div className={cn(!first && "border-l-2 border-slate-100 pl-3")}>
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <span className="font-semibold text-slate-800">{c.author.name}</span>
        <Badge tone={c.author.side === "mentor" ? "violet" : c.author.side === "team" ? "blue" : "slate"}>{SIDE_LABEL[c.author.side]}</Badge>
        <Ago at={c.createdAt} title={formatDate(c.createdAt)} />
      </div>
      <p className="mt-1 whitespace-pre-wrap text-sm leading-relaxed text-slate-800">{c.body}</p>
    </div>
  );
}

export function Thread({
  reviewId,
  thread,
  canReply,
  canResolve,
  onChange,
}: {
  reviewId: string;
  thread: TThreadView;
  canReply: boolean;
  canResolve: boolean;
  onChange: (t: TThreadView) => void;
}) {
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const resolved = thread.state === "resolved";

  async function reply() {
    setBusy(true);
    setError(undefined);
    try {
      const t = await api<TThreadView>(`/api/reviews/${reviewId}/comments`, { body: { section: thread.section, parentId: thread.id, body: text } });
      onChange(t);
      setText("");
      setReplying(false);
      changeToast(`thread-answer-${thread.id}`).done("Answer posted");
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields.body ?? e.message) : "Could not post the answer; your text is kept");
    } finally {
      setBusy(false);
    }
  }

  async function setResolved(value: boolean) {
    const outcome = changeToast(`thread-${thread.id}`);
    setBusy(true);
    try {
      onChange(await api<TThreadView>(`/api/reviews/${reviewId}/comments/${thread.id}`, { method: "PATCH", body: { resolved: value } }));
      outcome.done(value ? "Thread resolved (it stays visible)" : "Thread reopened");
    } catch (e) {
      outcome.failedWith(e, "Could not change the thread");
    } finally {
      setBusy(false);
    }
  }

  const inputId = `reply-${thread.id}`;
  return (
    <article
      id={`comment-${thread.id}`}
      aria-label={`Comment by ${thread.author.name} on ${thread.sectionLabel}`}
      data-testid="thread"
      data-state={thread.state}
      className={cn("scroll-mt-24 space-y-3 rounded-lg border p-3.5", resolved ? "border-slate-200 bg-slate-50/70" : "border-brand-100 bg-white shadow-sm")}
    >
      {thread.quote && (
        <blockquote className="border-l-4 border-yellow-300 bg-yellow-50 px-2.5 py-1 text-sm italic text-slate-700">“{thread.quote}”</blockquote>
      )}
      <Message c={thread} first />
      {thread.replies.map((r) => (
        <Message key={r.id} c={r} />
      ))}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2 text-xs">
          {thread.state === "resolved" ? (
            <span className="inline-flex items-center gap-1 font-medium text-emerald-700">
              <CheckCircle2 aria-hidden className="h-3.5 w-3.5" /> Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ""}
            </span>
          ) : thread.state === "awaiting-team" ? (
            <Badge tone="amber">Waiting for the team</Badge>
          ) : (
            <Badge tone="slate">Answered, waiting for the mentor</Badge>
          )}
          {thread.answeredIn && (
            <Badge tone="green">
              {thread.answeredIn.versionNumber !== null ? `Answered in version ${thread.answeredIn.versionNumber}` : "Answered in the revised proposal"}
            </Badge>
          )}
          {thread.answeredIn?.reviewId && (
            <Link href={`/reviews/${thread.answeredIn.reviewId}`} className="font-medium text-brand-700 hover:underline">
              see the new review
            </Link>
          )}
        </div>
        <div className="flex gap-1.5">
          {canReply && !replying && (
            <Button size="sm" variant="ghost" onClick={() => setReplying(true)} disabled={busy} aria-label={`Answer ${thread.author.name}'s comment on ${thread.sectionLabel}`}>
              <CornerDownRight aria-hidden className="h-4 w-4" /> Answer
            </Button>
          )}
          {canResolve &&
            (resolved ? (
              <Button size="sm" variant="ghost" onClick={() => setResolved(false)} disabled={busy}>
                <RotateCcw aria-hidden className="h-4 w-4" /> Reopen
              </Button>
            ) : (
              <Button size="sm" variant="secondary" onClick={() => setResolved(true)} disabled={busy}>
                <CheckCircle2 aria-hidden className="h-4 w-4" /> Resolve
              </Button>
            ))}
        </div>
      </div>
      {replying && (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void reply();
          }}
        >
          <label htmlFor={inputId} className="sr-only">
            Your answer
          </label>
          <Textarea
            id={inputId}
            rows={3}
            autoFocus
            value={text}
            maxLength={REVIEW_LIMITS.commentBody}
            onChange={(e) => setText(e.target.value)}
            placeholder="Your answer"
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${inputId}-error` : undefined}
          />
          {error && (
            <p id={`${inputId}-error`} role="alert" className="text-xs font-medium text-red-700">
              {error}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={busy || !text.trim()}>
              Post answer
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setReplying(false)} disabled={busy}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </article>
  );
}
