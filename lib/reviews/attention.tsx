import "server-only";
// What reviews ask of a person, for the navigation badge (lib/attention.ts) and the home page
// (lib/home.ts): a mentor's queue, the threads a team has to answer, and the periodic reviews
// that are overdue (for the mentor, the account manager and the senior managers).
import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import type { HomeSection } from "@/lib/home";
import { formatDate } from "@/lib/format";
import { listPeriodicDue } from "./periodic";
import { countPendingForMentor, findReviewItems, listReviewQueue, listThreadsAwaitingTeam } from "./queue";
import { REVIEW_TARGET_DAYS } from "./model";
import { visibleAccountsWhere } from "@/lib/accounts/access";
import type { TQueueItem } from "./view";

const TONE = { red: "text-red-700", amber: "text-amber-700", slate: "text-slate-500" } as const;

/** Badge on "Reviews": reviews waiting for the caller as mentor, their overdue periodic reviews, and comments their team must answer. */
export async function reviewAttention(user: SessionUser): Promise<Record<string, number>> {
  const [pending, overdue, threads] = await Promise.all([
    countPendingForMentor(user),
    listPeriodicDue({ user, scope: "mentor", states: ["overdue"] }),
    user.role === "MENTOR" ? Promise.resolve([]) : listThreadsAwaitingTeam(user),
  ]);
  return { "/reviews": pending + overdue.length + threads.length };
}

function QueueList({ items }: { items: TQueueItem[] }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {items.map((i) => (
        <li key={i.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 first:pt-0">
          <span className="min-w-0">
            <Link href={i.href} className="font-medium text-brand-700 hover:underline">
              {i.kind === "review" ? i.title : "Periodic plan review"}
            </Link>{" "}
            <span className="text-slate-500">· {i.account.name}</span>
          </span>
          <span className={`text-xs font-medium ${TONE[i.urgency.tone]}`}>{i.urgency.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** Home: the caller's queue as a mentor (reviews and periodic reviews), most urgent first. */
export async function reviewQueueHomeSection(user: SessionUser): Promise<HomeSection | null> {
  if (user.role === "ACCOUNT_MANAGER") return null;
  const { items } = await listReviewQueue({ user, query: { assignedTo: "me", status: "pending" } });
  if (!items.length) return null;
  const reviews = items.filter((i) => i.kind === "review").length;
  const periodic = items.length - reviews;
  return {
    title: "Reviews waiting for you",
    description: [reviews && `${reviews} review${reviews > 1 ? "s" : ""} to give`, periodic && `${periodic} periodic review${periodic > 1 ? "s" : ""} due`].filter(Boolean).join(" · "),
    order: 10,
    content: (
      <div className="space-y-3">
        <QueueList items={items.slice(0, 6)} />
        <Link href="/reviews" className="inline-block text-sm font-medium text-brand-700 hover:underline">
          Open the review queue
        </Link>
      </div>
    ),
  };
}

/** How many of each list the account team's home section shows. */
const TEAM_SHOWN = { threads: 5, changes: 4, overdue: 4 } as const;

/** Home: for the account team, the mentor's comments to answer, verdicts asking for changes, and overdue periodic reviews. */
export async function reviewTeamHomeSection(user: SessionUser): Promise<HomeSection | null> {
  if (user.role === "MENTOR") return null;
  const teamWhere = { archivedAt: null, OR: [{ ownerId: user.id }, { team: { some: { userId: user.id } } }] };
  const [threads, changes, overdue] = await Promise.all([
    listThreadsAwaitingTeam(user),
    findReviewItems({ status: "CHANGES_REQUESTED", account: teamWhere, decidedAt: { gte: new Date(Date.now() - 60 * 86_400_000) } }, { take: 10, order: "recent" }),
    listPeriodicDue({ user, scope: "team", states: ["overdue"] }),
  ]);
  if (!threads.length && !changes.length && !overdue.length) return null;
  // The lists below show the first few of each; the link says how many more wait on /reviews.
  const hidden = [threads.length - TEAM_SHOWN.threads, changes.length - TEAM_SHOWN.changes, overdue.length - TEAM_SHOWN.overdue].reduce((n, more) => n + Math.max(0, more), 0);
  return {
    title: "Mentor reviews on your accounts",
    description: [
      threads.length && `${threads.length} comment${threads.length > 1 ? "s" : ""} to answer`,
      changes.length && `${changes.length} asked for changes`,
      overdue.length && `${overdue.length} periodic review${overdue.length > 1 ? "s" : ""} overdue`,
    ]
      .filter(Boolean)
      .join(" · "),
    order: 15,
    content: (
      <div className="space-y-4 text-sm">
        {threads.length > 0 && (
          <ul className="space-y-2" aria-label="Comments to answer">
            {threads.slice(0, TEAM_SHOWN.threads).map((t) => (
              <li key={t.id}>
                <Link href={`/reviews/${t.reviewId}#comment-${t.id}`} className="font-medium text-brand-700 hover:underline">
                  {t.author.name} on {t.sectionLabel}
                </Link>{" "}
                <span className="text-slate-500">· {t.accountName}</span>
                <p className="line-clamp-1 text-slate-600">{t.body}</p>
              </li>
            ))}
          </ul>
        )}
        {changes.length > 0 && (
          <ul className="space-y-1.5" aria-label="Changes requested">
            {changes.slice(0, TEAM_SHOWN.changes).map((r) => (
              <li key={r.id}>
                <Link href={r.href} className="font-medium text-brand-700 hover:underline">
                  Changes requested: {r.title}
                </Link>{" "}
                <span className="text-slate-500">· {r.account.name}</span>
              </li>
            ))}
          </ul>
        )}
        {overdue.length > 0 && (
          <ul className="space-y-1.5" aria-label="Overdue periodic reviews">
            {overdue.slice(0, TEAM_SHOWN.overdue).map((p) => (
              <li key={p.id} className="flex flex-wrap justify-between gap-2">
                <Link href={p.href} className="font-medium text-brand-700 hover:underline">
                  Periodic review of {p.account.name}
                </Link>
                <span className="text-xs font-medium text-red-700">overdue since {formatDate(p.schedule.dueOn)}</span>
              </li>
            ))}
          </ul>
        )}
        <Link href="/reviews" className="inline-block font-medium text-brand-700 hover:underline">
          {hidden > 0 ? `${hidden} more on the reviews page` : "Open the reviews page"}
        </Link>
      </div>
    ),
  };
}

/** Home for senior managers: overdue periodic reviews across the portfolio and reviews past the target. */
export async function reviewPortfolioHomeSection(user: SessionUser): Promise<HomeSection | null> {
  if (user.role !== "SENIOR_MANAGER" && user.role !== "ADMIN") return null;
  const [overdue, slow] = await Promise.all([
    listPeriodicDue({ user, scope: "visible", states: ["overdue"] }),
    findReviewItems({ status: "PENDING", account: { AND: [visibleAccountsWhere(user), { archivedAt: null }] }, submittedAt: { lt: new Date(Date.now() - REVIEW_TARGET_DAYS * 86_400_000) } }, { take: 20 }),
  ]);
  const stalled = slow.filter((r) => !r.stale);
  if (!overdue.length && !stalled.length) return null;
  return {
    title: "Reviews across the portfolio",
    description: [overdue.length && `${overdue.length} periodic review${overdue.length > 1 ? "s" : ""} overdue`, stalled.length && `${stalled.length} waiting past ${REVIEW_TARGET_DAYS} days`].filter(Boolean).join(" · "),
    order: 30,
    content: (
      <div className="space-y-3">
        <QueueList items={[...stalled.slice(0, 4), ...overdue.slice(0, 6)]} />
        <Link href="/reviews?assignedTo=all" className="inline-block text-sm font-medium text-brand-700 hover:underline">
          All reviews and turnaround per mentor
        </Link>
      </div>
    ),
  };
}
