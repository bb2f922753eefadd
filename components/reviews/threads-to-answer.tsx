import { IntentLink } from "@/components/ui/intent-link";
import type { TThreadToAnswer } from "@/lib/reviews/queue";
import { Ago } from "@/components/ui/ago";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** How many of the open threads the card lists; its description counts all of them. */
export const THREADS_SHOWN = 50;

/** The reviews page's card of the mentor's open threads on the caller's accounts, oldest first. */
export function ThreadsToAnswerCard({ threads }: { threads: TThreadToAnswer[] }) {
  const n = threads.length;
  return (
    <Card>
      <CardHeader
        title="Comments to answer"
        description={
          n
            ? `${n} open thread${n === 1 ? "" : "s"} from the mentor on your accounts, oldest first${n > THREADS_SHOWN ? ` (the first ${THREADS_SHOWN} shown)` : ""}.`
            : "The mentor's open threads on your accounts."
        }
      />
      {n ? (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="threads-to-answer">
          {threads.slice(0, THREADS_SHOWN).map((t) => (
            <li key={t.id} className="px-5 py-3">
              <IntentLink href={`/reviews/${t.reviewId}#comment-${t.id}`} className="font-medium text-brand-700 hover:underline">
                {t.accountName} · {t.sectionLabel}
              </IntentLink>
              <p className="mt-0.5 line-clamp-2 text-slate-700">{t.body}</p>
              <p className="mt-0.5 text-xs text-slate-500">
                {t.author.name}, <Ago at={t.createdAt} />
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <CardBody>
          <p className="text-sm text-slate-500">No comment waits for your answer.</p>
        </CardBody>
      )}
    </Card>
  );
}
