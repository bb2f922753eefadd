import type { Metadata } from "next";
import Link from "next/link";
import { Inbox } from "lucide-react";
import { requirePageUser } from "@/lib/auth/session";
import { listReviewQueue, getTurnaround, listThreadsAwaitingTeam } from "@/lib/reviews/queue";
import { ZReviewQueueQuery, type TQueueType } from "@/lib/reviews/schema";
import { REVIEW_TARGET_DAYS } from "@/lib/reviews/model";
import { cn } from "@/lib/cn";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { QueueList } from "@/components/reviews/queue-list";
import { TurnaroundTable } from "@/components/reviews/turnaround-table";
import { ThreadsToAnswerCard } from "@/components/reviews/threads-to-answer";

export const metadata: Metadata = { title: "Reviews" };

const TYPE_TABS: [TQueueType | undefined, string][] = [
  [undefined, "All"],
  ["plan-version", "Plans"],
  ["proposal", "Proposals"],
  ["periodic-review", "Periodic"],
];
const TYPE_NOUNS: Record<TQueueType, string> = { "plan-version": "plan reviews", proposal: "proposal reviews", "periodic-review": "periodic plan reviews" };

function Tab({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn("rounded-md px-3 py-1.5 text-sm font-medium", active ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900")}
    >
      {children}
    </Link>
  );
}

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const sp = await searchParams;
  // Decided reviews are history: the latest 50 here (the API pages further with `limit`).
  const parsed = ZReviewQueueQuery.safeParse({ assignedTo: sp.assignedTo, status: sp.status === "decided" ? "decided" : "pending", type: sp.type, limit: sp.status === "decided" ? 50 : 200 });
  const query = parsed.success ? parsed.data : ZReviewQueueQuery.parse({});
  const seesPortfolio = user.role === "SENIOR_MANAGER" || user.role === "ADMIN";
  const isTeam = user.role !== "MENTOR";
  const [queue, turnaround, threads] = await Promise.all([
    // With how many items of each kind it holds, for the tabs.
    listReviewQueue({ user, query }),
    getTurnaround({ user }),
    // All of them, as the home page and the badge count them; the card shows the oldest 50.
    isTeam ? listThreadsAwaitingTeam(user) : Promise.resolve([]),
  ]);
  // The page's address with some of its choices changed (an undefined one is dropped).
  const href = (over: Record<string, string | undefined>) => {
    const all: Record<string, string | undefined> = { status: query.status, assignedTo: queue.assignedTo, type: query.type, ...over };
    const choices = Object.entries(all).filter((e): e is [string, string] => Boolean(e[1]));
    return `/reviews?${new URLSearchParams(choices).toString()}`;
  };
  const pending = query.status === "pending";
  // Periodic reviews only wait (once held they are the account's history), so "Decided" has no such tab.
  const types = TYPE_TABS.filter(([type]) => pending || type !== "periodic-review");
  const { counts } = queue;
  const allCount = counts["plan-version"] + counts.proposal + counts["periodic-review"];
  const description =
    user.role === "MENTOR"
      ? `What waits for you, the earliest deadline first: a plan review's due date, the customer's decision date, or ${REVIEW_TARGET_DAYS} days after the request.`
      : seesPortfolio
        ? "Mentor reviews across the portfolio: what waits, what was decided, and how long verdicts take."
        : "Reviews of your accounts' plans and proposals, and the mentor's comments waiting for your answer.";
  return (
    <>
      <PageHeader title="Reviews" description={description} />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <nav aria-label="Review status" className="inline-flex gap-1 rounded-lg bg-slate-100 p-1">
              <Tab href={href({ status: "pending" })} active={pending}>
                Waiting
              </Tab>
              <Tab href={href({ status: "decided", type: query.type === "periodic-review" ? undefined : query.type })} active={!pending}>
                Decided
              </Tab>
            </nav>
            {(seesPortfolio || user.role === "MENTOR") && (
              <nav aria-label="Whose reviews" className="inline-flex gap-1 rounded-lg bg-slate-100 p-1">
                <Tab href={href({ assignedTo: "me" })} active={queue.assignedTo === "me"}>
                  Assigned to me
                </Tab>
                <Tab href={href({ assignedTo: "all" })} active={queue.assignedTo === "all"}>
                  {seesPortfolio ? "Whole portfolio" : "All my accounts"}
                </Tab>
              </nav>
            )}
          </div>
          <Card>
            <CardHeader
              title={pending ? (queue.assignedTo === "me" ? "Your queue" : "Waiting for a verdict") : "Decided"}
              description={`${queue.total} item${queue.total === 1 ? "" : "s"}${queue.total > queue.items.length ? ` (the first ${queue.items.length} shown)` : ""}${pending ? " · most urgent first" : " · newest first"}`}
              actions={
                <nav aria-label="Kind of item" className="inline-flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
                  {types.map(([type, label]) => (
                    <Tab key={label} href={href({ type })} active={query.type === type}>
                      {label} <span className="tabular-nums text-slate-500">{type ? counts[type] : allCount}</span>
                    </Tab>
                  ))}
                </nav>
              }
            />
            {queue.items.length ? (
              <QueueList items={queue.items} showMentor={queue.assignedTo !== "me"} />
            ) : (
              <CardBody>
                {query.type ? (
                  <EmptyState level={3} icon={<Inbox className="h-8 w-8" aria-hidden />} title={pending ? `No ${TYPE_NOUNS[query.type]} wait` : `No verdicts on ${TYPE_NOUNS[query.type]} yet`} className="border-0" action={<Link href={href({ type: undefined })} className="text-sm font-medium text-brand-700 hover:underline">Show every kind</Link>}>
                    {pending ? "Other kinds of item may be waiting." : "Verdicts on other kinds of item may have been given."}
                  </EmptyState>
                ) : (
                  <EmptyState level={3} icon={<Inbox className="h-8 w-8" aria-hidden />} title={pending ? "Nothing waits for a review" : "No verdicts yet"} className="border-0">
                    {pending
                      ? "When an account manager asks for a review of a plan or a proposal, or a periodic plan review falls due, it appears here."
                      : "Endorsements and requests for changes appear here once given."}
                  </EmptyState>
                )}
              </CardBody>
            )}
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          {(user.role === "ACCOUNT_MANAGER" || threads.length > 0) && <ThreadsToAnswerCard threads={threads} />}
          <Card>
            <CardHeader title="Turnaround per mentor" description={`Request to verdict, last 12 months. Target: ${REVIEW_TARGET_DAYS} days.`} />
            <TurnaroundTable rows={turnaround} />
          </Card>
        </div>
      </div>
    </>
  );
}
