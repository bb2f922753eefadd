import "server-only";
// What reviews ask of a person, for the navigation badge (lib/attention.ts) and the home page
// (lib/home.ts): a mentor's queue, the threads a team has to answer, and the periodic reviews
// that are overdue (for the mentor, the account manager and the senior managers).
import Link from "next/link";
import { IntentLink } from "@/components/ui/intent-link";
import type { SessionUser } from "@/lib/auth/session";
import type { HomeSection } from "@/lib/home";
import { formatDay } from "@/lib/format";
import { ListRow } from "@/components/ui/list-row";
import { listPeriodicDuePage } from "./periodic";
import { countPendingForMentor, findReviewItems, listReviewQueue, listThreadsAwaitingTeam } from "./queue";
import { REVIEW_TARGET_DAYS } from "./model";
import { ownAccountIds, visibleAccountsWhere } from "@/lib/accounts/access";
import type { TQueueItem } from "./view";

const TONE = { red: "text-red-700", amber: "text-amber-700", slate: "text-slate-500" } as const;

/** Badge on "Reviews": reviews waiting for the caller as mentor, their overdue periodic reviews, and comments their team must answer. */
export async function reviewAttention(user: SessionUser): Promise<Record<string, number>> {
  const [pending, overdue, threads] = await Promise.all([
    countPendingForMentor(user),
    // Counted, not listed: the page's first row and the total.
    listPeriodicDuePage({ user, scope: "mentor", states: ["overdue"], take: 1 }),
    user.role === "MENTOR" ? Promise.resolve([]) : listThreadsAwaitingTeam(user),
  ]);
  return { "/reviews": pending + overdue.total + threads.length };
}

function QueueList({ items }: { items: TQueueItem[] }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {items.map((i) => (
        <ListRow key={i.id} className="py-2 first:pt-0" aside={i.urgency.label} asideClassName={`text-xs font-medium sm:max-w-[45%] ${TONE[i.urgency.tone]}`}>
          <IntentLink href={i.href} className="font-medium text-brand-700 hover:underline">
            {i.kind === "review" ? i.title : "Periodic plan review"}
          </IntentLink>{" "}
          <span className="text-slate-500">· {i.account.name}</span>
        </ListRow>
      ))}
    </ul>
  );
}

/** How many of each list the mentor's home section shows. */
const MENTOR_SHOWN = { reviews: 5, periodic: 4 } as const;

/**
 * Home: the caller's queue as a mentor, most urgent first, in two lists: the reviews they are
 * asked to give, then the periodic plan reviews due. A backlog of overdue plan reviews sorts
 * first in the queue (their deadlines passed long ago), but must not push a proposal whose
 * customer decides next week off the home page.
 */
export async function reviewQueueHomeSection(user: SessionUser): Promise<HomeSection | null> {
  if (user.role === "ACCOUNT_MANAGER") return null;
  const { items, total } = await listReviewQueue({ user, query: { assignedTo: "me", status: "pending" } });
  if (!items.length) return null;
  const reviews = items.filter((i) => i.kind === "review");
  const periodic = items.filter((i) => i.kind !== "review");
  const lists = [
    { id: "home-reviews-to-give", title: "Proposals and plans to review", items: reviews, shown: MENTOR_SHOWN.reviews },
    { id: "home-periodic-due", title: "Periodic plan reviews", items: periodic, shown: MENTOR_SHOWN.periodic },
  ];
  const hidden = total - lists.reduce((n, l) => n + Math.min(l.items.length, l.shown), 0);
  return {
    title: "Reviews waiting for you",
    description: [reviews.length && `${reviews.length} review${reviews.length > 1 ? "s" : ""} to give`, periodic.length && `${periodic.length} periodic review${periodic.length > 1 ? "s" : ""} due`].filter(Boolean).join(" · "),
    order: 10,
    content: (
      <div className="space-y-4">
        {lists.map((l) =>
          l.items.length > 0 ? (
            <section key={l.id} aria-labelledby={l.id}>
              <h3 id={l.id} className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">
                {l.title}
              </h3>
              <QueueList items={l.items.slice(0, l.shown)} />
            </section>
          ) : null,
        )}
        <Link href="/reviews" className="inline-block text-sm font-medium text-brand-700 hover:underline">
          {hidden > 0 ? `${hidden} more in the review queue` : "Open the review queue"}
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
  const own = await ownAccountIds(user.id);
  const [threads, changes, overdue] = await Promise.all([
    listThreadsAwaitingTeam(user),
    own.length ? findReviewItems({ status: "CHANGES_REQUESTED", accountId: { in: own }, decidedAt: { gte: new Date(Date.now() - 60 * 86_400_000) } }, { take: 10, order: "recent" }) : Promise.resolve([]),
    listPeriodicDuePage({ user, scope: "team", states: ["overdue"], take: TEAM_SHOWN.overdue }),
  ]);
  if (!threads.length && !changes.length && !overdue.total) return null;
  // The lists below show the first few of each; the link says how many more wait on /reviews.
  const hidden = [threads.length - TEAM_SHOWN.threads, changes.length - TEAM_SHOWN.changes, overdue.total - TEAM_SHOWN.overdue].reduce((n, more) => n + Math.max(0, more), 0);
  return {
    title: "Mentor reviews on your accounts",
    description: [
      threads.length && `${threads.length} comment${threads.length > 1 ? "s" : ""} to answer`,
      changes.length && `${changes.length} asked for changes`,
      overdue.total && `${overdue.total} periodic review${overdue.total > 1 ? "s" : ""} overdue`,
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
                <IntentLink href={`/reviews/${t.reviewId}#comment-${t.id}`} className="font-medium text-brand-700 hover:underline">
                  {t.author.name} on {t.sectionLabel}
                </IntentLink>{" "}
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
                <IntentLink href={r.href} className="font-medium text-brand-700 hover:underline">
                  Changes requested: {r.title}
                </IntentLink>{" "}
                <span className="text-slate-500">· {r.account.name}</span>
              </li>
            ))}
          </ul>
        )}
        {overdue.items.length > 0 && (
          <ul className="space-y-1.5" aria-label="Overdue periodic reviews">
            {overdue.items.map((p) => (
              <ListRow key={p.id} aside={`overdue since ${formatDay(p.schedule.dueOn)}`} asideClassName="whitespace-nowrap text-xs font-medium text-red-700">
                <IntentLink href={p.href} className="font-medium text-brand-700 hover:underline">
                  Periodic review of {p.account.name}
                </IntentLink>
              </ListRow>
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
    listPeriodicDuePage({ user, scope: "visible", states: ["overdue"], take: 6 }),
    findReviewItems({ status: "PENDING", account: { AND: [visibleAccountsWhere(user), { archivedAt: null }] }, submittedAt: { lt: new Date(Date.now() - REVIEW_TARGET_DAYS * 86_400_000) } }, { take: 20 }),
  ]);
  const stalled = slow.filter((r) => !r.stale);
  if (!overdue.total && !stalled.length) return null;
  return {
    title: "Reviews across the portfolio",
    description: [overdue.total && `${overdue.total} periodic review${overdue.total > 1 ? "s" : ""} overdue`, stalled.length && `${stalled.length} waiting past ${REVIEW_TARGET_DAYS} days`].filter(Boolean).join(" · "),
    order: 30,
    content: (
      <div className="space-y-3">
        <QueueList items={[...stalled.slice(0, 4), ...overdue.items]} />
        <Link href="/reviews?assignedTo=all" className="inline-block text-sm font-medium text-brand-700 hover:underline">
          All reviews and turnaround per mentor
        </Link>
      </div>
    ),
  };
}
