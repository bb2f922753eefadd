import "server-only";
import { cache } from "react";
// Lists of reviews: the mentor's queue (most urgent and oldest first, with overdue periodic
// reviews), an account's reviews, the threads waiting for a team's answer, and turnaround per
// mentor. Every list is scoped in the query to the accounts the caller may see.
import { jsonTimestampIso, prisma, Prisma, readRows } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { ownAccountIds, visibleAccountsSql, visibleAccountsWhere } from "@/lib/accounts/access";
import { addDays, localToday } from "@/lib/days";
import { accountBriefFromJson, accountBriefJson, accountBriefSelect, toAccountBrief, type TAccountBriefJson, type TAccountBriefRow } from "./context";
import { describeUrgency, REVIEW_TARGET_DAYS, sortQueue, threadState, turnaroundByMentor, type TThreadState } from "./model";
import { listPeriodicDuePage } from "./periodic";
import { readSnapshot, reviewStatusOf } from "./proposals";
import { REVIEW_STATUS_DB, sectionLabel, type TQueueType, type TReviewQueueQuery, type TSubjectType } from "./schema";
import type { TPerson, TQueueItem, TReviewListItem, TTurnaroundView } from "./view";

const listSelect = {
  id: true,
  accountId: true,
  subjectType: true,
  planVersionId: true,
  proposalId: true,
  mentorId: true,
  status: true,
  submittedAt: true,
  decidedAt: true,
  subjectSnapshot: true,
  requestedBy: { select: { id: true, name: true } },
  mentor: { select: { id: true, name: true } },
  account: { select: { ...accountBriefSelect, mentor: { select: { id: true, name: true } }, team: { select: { userId: true } } } },
  comments: { select: { id: true, parentId: true, authorId: true, createdAt: true, resolvedAt: true, answeredInVersionId: true } },
} satisfies Prisma.ReviewSelect;
type ListRow = Prisma.ReviewGetPayload<{ select: typeof listSelect }>;

/**
 * What a list item is built from: a Prisma row (listSelect), or a raw read's row whose account and
 * comments came as JSON, with their times left as ISO text (no Date is made for a time that is
 * only compared or counted in days).
 */
type ItemRow = Omit<ListRow, "account" | "comments"> & {
  account: TAccountBriefRow & { mentor: TPerson | null; team: { userId: string }[] };
  comments: { id: string; parentId: string | null; authorId: string; createdAt: Date | string; resolvedAt: Date | string | null; answeredInVersionId: string | null }[];
};

/**
 * The plan versions the rows review, in one query: each version's number (for the title) and
 * whether it still awaits a decision (a pending review of any other version is stale).
 */
async function planVersionInfo(rows: { planVersionId: string | null }[]): Promise<{ numbers: Map<string, number>; submitted: Set<string> }> {
  const ids = [...new Set(rows.map((r) => r.planVersionId).filter((x): x is string => Boolean(x)))];
  if (!ids.length) return { numbers: new Map(), submitted: new Set() };
  const v = await prisma.planVersion.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, status: true } });
  return { numbers: new Map(v.map((x) => [x.id, x.number])), submitted: new Set(v.filter((x) => x.status === "SUBMITTED").map((x) => x.id)) };
}

function threadStates(r: ItemRow): TThreadState[] {
  const team = [r.account.ownerId, ...r.account.team.map((t) => t.userId)];
  return r.comments
    .filter((c) => !c.parentId)
    .map((root) =>
      threadState({
        resolvedAt: root.resolvedAt,
        messages: [root, ...r.comments.filter((c) => c.parentId === root.id)].map((m) => ({ authorId: m.authorId, createdAt: m.createdAt })),
        teamUserIds: team,
        answered: Boolean(root.answeredInVersionId),
      }),
    );
}

function toListItem(r: ItemRow, numbers: Map<string, number>, submitted: Set<string>, today: string): TReviewListItem {
  const status = reviewStatusOf(r.status);
  const snapshot = readSnapshot(r.subjectSnapshot);
  const states = threadStates(r);
  const decisionDate = snapshot?.decisionDate ?? null;
  const mentor: TPerson | null = status === "pending" ? (r.account.mentor ?? r.mentor) : r.mentor;
  return {
    kind: "review",
    id: r.id,
    status,
    stale: status === "pending" && Boolean(r.planVersionId) && !submitted.has(r.planVersionId!),
    subjectType: r.subjectType === "PROPOSAL" ? "proposal" : "plan-version",
    title: r.planVersionId ? `Plan version ${numbers.get(r.planVersionId) ?? "?"}` : (snapshot?.title ?? "Proposal"),
    account: toAccountBrief(r.account),
    mentor,
    requestedBy: r.requestedBy,
    submittedAt: r.submittedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionDate,
    openThreads: states.filter((s) => s !== "resolved").length,
    awaitingTeam: states.filter((s) => s === "awaiting-team").length,
    urgency: describeUrgency({ kind: "review", submittedAt: r.submittedAt, decisionDate }, today),
    href: `/reviews/${r.id}`,
  };
}

/** Reviews as list items (newest decided first, or most urgent pending first). */
export async function findReviewItems(where: Prisma.ReviewWhereInput, opts: { take?: number; order?: "urgency" | "recent" } = {}): Promise<TReviewListItem[]> {
  // The page of ids first, then what each row shows: asked in one statement, the relations were
  // built for every matching review before the sort and limit (18,000 of them for a senior
  // manager's decided list on the bench data: 375 ms, against 20 ms this way).
  const page = await prisma.review.findMany({ where, orderBy: opts.order === "recent" ? { submittedAt: "desc" } : { submittedAt: "asc" }, take: opts.take ?? 200, select: { id: true } });
  if (!page.length) return [];
  const position = new Map(page.map((r, i) => [r.id, i]));
  const rows = (await prisma.review.findMany({ where: { id: { in: page.map((r) => r.id) } }, select: listSelect })).sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const { numbers, submitted } = await planVersionInfo(rows);
  const today = localToday();
  return rows.map((r) => toListItem(r, numbers, submitted, today));
}

type QueueQuery = Omit<TReviewQueueQuery, "limit"> & { limit?: number };

/** Whose queue: `assignedTo` as asked, else a mentor's own and everyone else's whole view. */
const queueOwner = (user: SessionUser, query: QueueQuery): "me" | "all" => query.assignedTo ?? (user.role === "MENTOR" ? "me" : "all");

/** The reviews a queue that is not "pending" lists, of every kind. */
function pastReviewsWhere(user: SessionUser, query: QueueQuery, assignedTo: "me" | "all"): Prisma.ReviewWhereInput {
  const { status } = query;
  const statusWhere: Prisma.ReviewWhereInput = status === "all" ? {} : status === "decided" ? { status: { not: "PENDING" } } : { status: REVIEW_STATUS_DB[status] };
  const mine: Prisma.ReviewWhereInput = assignedTo === "me" ? { OR: [{ status: "PENDING", account: { mentorId: user.id } }, { status: { not: "PENDING" }, mentorId: user.id }] } : {};
  const accountScope: Prisma.AccountWhereInput = { AND: [visibleAccountsWhere(user), { archivedAt: null }, query.accountId ? { id: query.accountId } : {}] };
  return { AND: [{ account: accountScope }, statusWhere, mine] };
}

const SUBJECT_DB = { "plan-version": "PLAN_VERSION", proposal: "PROPOSAL" } as const;

/**
 * The queue. `assignedTo=me` (a mentor's default): pending reviews of the accounts the caller
 * mentors now, plus their overdue and soon-due periodic reviews; decided ones they were assigned.
 * `assignedTo=all`: every review the caller may see. Pending items come most urgent first
 * (lib/reviews/model.ts queueDeadline), decided ones newest first; `total` counts them all, and
 * `counts` how many items of each kind the same queue holds whatever `type` asks for (the reviews
 * page's tabs), from the same statements.
 */
export async function listReviewQueue(opts: {
  user: SessionUser;
  query: QueueQuery;
}): Promise<{ assignedTo: "me" | "all"; status: TReviewQueueQuery["status"]; total: number; counts: Record<TQueueType, number>; items: TQueueItem[] }> {
  const { user, query } = opts;
  const limit = query.limit ?? 200;
  const assignedTo = queueOwner(user, query);
  const status = query.status;
  const { type } = query;

  if (status !== "pending") {
    // Periodic reviews only wait: once held they are the account's history, not verdicts.
    const where = pastReviewsWhere(user, query, assignedTo);
    const [bySubject, items] = await Promise.all([
      prisma.review.groupBy({ by: ["subjectType"], where, _count: { _all: true } }),
      type === "periodic-review" ? Promise.resolve([]) : findReviewItems(type ? { AND: [where, { subjectType: SUBJECT_DB[type] }] } : where, { take: limit, order: "recent" }),
    ]);
    const counts: Record<TQueueType, number> = { "plan-version": 0, proposal: 0, "periodic-review": 0 };
    for (const r of bySubject) counts[r.subjectType === "PROPOSAL" ? "proposal" : "plan-version"] += r._count._all;
    if (status !== "all") items.sort((a, b) => (b.decidedAt ?? "").localeCompare(a.decidedAt ?? ""));
    const total = type ? counts[type] : counts["plan-version"] + counts.proposal;
    return { assignedTo, status, total, counts, items };
  }

  // Pending: the oldest requests, plus any whose customer decides sooner than the oldest are due
  // (a deadline is never later than the request + REVIEW_TARGET_DAYS, so that bound is enough).
  // Both statements run whatever the kind asked for: each also counts its kinds for the tabs.
  const reviewsOnly = type === "plan-version" || type === "proposal";
  const [pending, periodic] = await Promise.all([
    pendingReviewItems({ user, mine: assignedTo === "me", accountId: query.accountId, subjectType: type, limit }),
    // Only the earliest `limit` can make the top of the queue; the count covers them all.
    listPeriodicDuePage({ user, scope: assignedTo === "me" ? "mentor" : "visible", accountId: query.accountId, take: reviewsOnly ? 1 : limit }),
  ]);
  const counts: Record<TQueueType, number> = { ...pending.counts, "periodic-review": periodic.total };
  const total = type ? counts[type] : counts["plan-version"] + counts.proposal + counts["periodic-review"];
  const keyed = [
    ...pending.items.map((r) => ({ item: r as TQueueItem, deadline: r.urgency.deadline, since: r.submittedAt })),
    ...(reviewsOnly ? [] : periodic.items).map((p) => ({ item: p as TQueueItem, deadline: p.urgency.deadline, since: p.schedule.dueOn })),
  ];
  return { assignedTo, status, total, counts, items: sortQueue(keyed).slice(0, limit).map((k) => k.item) };
}

type PendingRow = Omit<ListRow, "account" | "comments" | "submittedAt" | "decidedAt"> & {
  submittedAt: Date;
  decidedAt: Date | null;
  account: TAccountBriefJson;
  team: string[];
  comments: { id: string; parentId: string | null; authorId: string; createdAt: string; resolvedAt: string | null; answeredInVersionId: string | null }[];
  versionNumber: number | null;
  // The counts of live reviews by kind, on every row (and alone on one, when none is picked).
  plans: number;
  proposals: number;
};

type LiveScope = { user: SessionUser; mine: boolean; accountId?: string };

/**
 * The reviews that still await a verdict, as rows (id, submittedAt, soon): pending, on a visible
 * account that is not archived (`mine`: one the caller mentors now), and for a plan version still
 * awaiting its decision. A pending review of a version approved from the plan page, or overtaken,
 * is stale and left out. `soon`: its proposal's customer decides within the review target.
 */
function liveReviewsSql({ user, mine, accountId }: LiveScope): Prisma.Sql {
  const horizon = addDays(localToday(), REVIEW_TARGET_DAYS + 1);
  return Prisma.sql`
    SELECT r.id, r."submittedAt", r."subjectType", (p."decisionDate" <= ${horizon}::date) AS soon
    FROM "Review" r
    JOIN "Account" a ON a.id = r."accountId"
    LEFT JOIN "PlanVersion" v ON v.id = r."planVersionId"
    LEFT JOIN "Proposal" p ON p.id = r."proposalId"
    WHERE r.status = 'PENDING' AND a."archivedAt" IS NULL AND ${visibleAccountsSql(user)}
      ${mine ? Prisma.sql`AND a."mentorId" = ${user.id}` : Prisma.empty}
      ${accountId ? Prisma.sql`AND a.id = ${accountId}` : Prisma.empty}
      AND (r."planVersionId" IS NULL OR v.status = 'SUBMITTED')`;
}

/**
 * The pending reviews a queue shows, in one statement: of the live ones (liveReviewsSql) of the
 * kind asked for, the `limit` oldest and the (at most 500) whose customer decides soon, each with
 * what a list row shows; and how many of each kind are live in all, whatever kind was asked for.
 */
async function pendingReviewItems(opts: LiveScope & { limit: number; subjectType?: TQueueType }): Promise<{ items: TReviewListItem[]; counts: Record<TSubjectType, number> }> {
  const { limit, subjectType } = opts;
  const ofKind = !subjectType
    ? Prisma.sql`TRUE`
    : subjectType === "periodic-review"
      ? Prisma.sql`FALSE`
      : Prisma.sql`"subjectType" = ${SUBJECT_DB[subjectType]}::"ReviewSubjectType"`;
  // The rows hang off the one row of counts, so that a kind with nothing picked still counts the others.
  const rows = await readRows<PendingRow>(Prisma.sql`
    WITH live AS (${liveReviewsSql(opts)}), picked AS (
      (SELECT id FROM live WHERE ${ofKind} ORDER BY "submittedAt", id LIMIT ${limit})
      UNION
      (SELECT id FROM live WHERE soon AND ${ofKind} ORDER BY "submittedAt", id LIMIT 500)
    ), counts AS (
      SELECT count(*) FILTER (WHERE "subjectType" = 'PLAN_VERSION')::int AS plans, count(*) FILTER (WHERE "subjectType" = 'PROPOSAL')::int AS proposals FROM live
    )
    SELECT counts.plans, counts.proposals,
           r.id, r."accountId", r."subjectType"::text AS "subjectType", r."planVersionId", r."proposalId", r."mentorId",
           r.status::text AS status, r."submittedAt", r."decidedAt",
           -- What a list row reads of the subject (readSnapshot): the title and decision date, not a proposal's whole text.
           CASE WHEN r."subjectSnapshot" IS NULL THEN NULL
                ELSE json_build_object('title', r."subjectSnapshot"->'title', 'decisionDate', r."subjectSnapshot"->'decisionDate') END AS "subjectSnapshot",
           json_build_object('id', rq.id, 'name', rq.name) AS "requestedBy",
           json_build_object('id', rm.id, 'name', rm.name) AS mentor,
           ${accountBriefJson} AS account,
           -- JSON, not ARRAY(…): node-postgres parses a text[] in JavaScript, a json with JSON.parse
           -- (2.5% of the queue's server time went to the array parser).
           COALESCE((SELECT json_agg(m."userId") FROM "AccountTeamMember" m WHERE m."accountId" = a.id), '[]') AS team,
           COALESCE((SELECT json_agg(json_build_object('id', c.id, 'parentId', c."parentId", 'authorId', c."authorId", 'createdAt', c."createdAt",
                       'resolvedAt', c."resolvedAt", 'answeredInVersionId', c."answeredInVersionId"))
                     FROM "Comment" c WHERE c."reviewId" = r.id), '[]') AS comments,
           v.number AS "versionNumber"
    FROM counts LEFT JOIN (
      picked
      JOIN "Review" r ON r.id = picked.id
      JOIN "Account" a ON a.id = r."accountId"
      JOIN "User" rq ON rq.id = r."requestedById"
      JOIN "User" rm ON rm.id = r."mentorId"
      LEFT JOIN "PlanVersion" v ON v.id = r."planVersionId"
    ) ON TRUE
    ORDER BY r."submittedAt", r.id`);
  const counts = { "plan-version": rows[0]?.plans ?? 0, proposal: rows[0]?.proposals ?? 0 };
  const picked = rows.filter((r): r is PendingRow & { id: string } => r.id !== null);
  const today = localToday();
  const numbers = new Map<string, number>();
  const submitted = new Set<string>();
  for (const r of picked) {
    if (r.planVersionId && r.versionNumber !== null) numbers.set(r.planVersionId, r.versionNumber);
    // Every live plan review is of a submitted version (the statement leaves the stale ones out).
    if (r.planVersionId) submitted.add(r.planVersionId);
  }
  const items = picked.map((r) => {
    // Fields named rather than spread (DEVELOPERS.md: a few microseconds a row here).
    const row: ItemRow = {
      id: r.id,
      accountId: r.accountId,
      subjectType: r.subjectType,
      planVersionId: r.planVersionId,
      proposalId: r.proposalId,
      mentorId: r.mentorId,
      status: r.status,
      submittedAt: r.submittedAt,
      decidedAt: r.decidedAt,
      subjectSnapshot: r.subjectSnapshot,
      requestedBy: r.requestedBy,
      mentor: r.mentor,
      account: Object.assign(accountBriefFromJson(r.account), { team: r.team.map((userId) => ({ userId })) }),
      comments: r.comments.map((c) => ({
        id: c.id,
        parentId: c.parentId,
        authorId: c.authorId,
        createdAt: jsonTimestampIso(c.createdAt),
        resolvedAt: jsonTimestampIso(c.resolvedAt),
        answeredInVersionId: c.answeredInVersionId,
      })),
    };
    return toListItem(row, numbers, submitted, today);
  });
  return { items, counts };
}

// ---------------------------------------------------------------- threads to answer

export type TThreadToAnswer = { id: string; reviewId: string; accountId: string; accountName: string; section: string; sectionLabel: string; body: string; author: TPerson; createdAt: string };

/**
 * Open threads on reviews of the caller's own accounts (owner or team) whose next word is the
 * team's, oldest first (at most 1000). Read once per page request: the navigation badge, the home
 * page and the reviews page all ask for the same user.
 */
export const listThreadsAwaitingTeam = cache(async (user: SessionUser): Promise<TThreadToAnswer[]> => {
  // The caller's own accounts first (a handful), then their reviews, then the open threads: each
  // step uses an index, where one join across every comment would not.
  const accounts = await ownAccountIds(user.id);
  if (!accounts.length) return [];
  const reviews = await prisma.review.findMany({ where: { accountId: { in: accounts } }, select: { id: true } });
  if (!reviews.length) return [];
  const rows = await prisma.comment.findMany({
    where: { reviewId: { in: reviews.map((r) => r.id) }, parentId: null, resolvedAt: null },
    orderBy: { createdAt: "asc" },
    take: 1000,
    select: {
      id: true,
      reviewId: true,
      section: true,
      body: true,
      authorId: true,
      createdAt: true,
      resolvedAt: true,
      answeredInVersionId: true,
      author: { select: { id: true, name: true } },
      replies: { select: { authorId: true, createdAt: true } },
      review: { select: { account: { select: { id: true, name: true, ownerId: true, team: { select: { userId: true } } } } } },
    },
  });
  return rows
    .filter((c) => {
      const team = [c.review.account.ownerId, ...c.review.account.team.map((t) => t.userId)];
      return threadState({ resolvedAt: c.resolvedAt, messages: [c, ...c.replies], teamUserIds: team, answered: Boolean(c.answeredInVersionId) }) === "awaiting-team";
    })
    .map((c) => ({
      id: c.id,
      reviewId: c.reviewId,
      accountId: c.review.account.id,
      accountName: c.review.account.name,
      section: c.section,
      sectionLabel: sectionLabel(c.section),
      body: c.body,
      author: c.author,
      createdAt: c.createdAt.toISOString(),
    }));
});

// ---------------------------------------------------------------- turnaround

/**
 * Time from request to verdict per mentor, over the reviews of the last year the caller may see
 * (at most 20,000). A pending review counts for the account's mentor now, a decided one for the
 * mentor who gave the verdict. Flat rows in raw SQL: Prisma's nested select built a JSON object
 * per review for the account's mentor (180 ms for a senior manager on the bench data; 30 ms now).
 */
export async function getTurnaround(opts: { user: SessionUser; now?: Date }): Promise<TTurnaroundView[]> {
  const { user } = opts;
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - 365 * 86_400_000);
  const rows = await readRows<{ mentorId: string; submittedAt: Date; decidedAt: Date | null }>(Prisma.sql`
    SELECT CASE WHEN r.status = 'PENDING' THEN COALESCE(a."mentorId", r."mentorId") ELSE r."mentorId" END AS "mentorId", r."submittedAt", r."decidedAt"
    FROM "Review" r JOIN "Account" a ON a.id = r."accountId"
    WHERE r."submittedAt" >= ${since} AND ${visibleAccountsSql(user)}
    LIMIT 20000`);
  const stats = turnaroundByMentor(rows, now);
  const people = await prisma.user.findMany({ where: { id: { in: stats.map((s) => s.mentorId) } }, select: { id: true, name: true } });
  const byId = new Map(people.map((p) => [p.id, p]));
  return stats
    .map((s) => ({ ...s, mentor: byId.get(s.mentorId) ?? { id: s.mentorId, name: "Former mentor" } }))
    .sort((a, b) => a.mentor.name.localeCompare(b.mentor.name));
}

// ---------------------------------------------------------------- attention

/** Pending (not stale) reviews of the accounts the user mentors now: the same rows as the queue's. */
export async function countPendingForMentor(user: SessionUser): Promise<number> {
  const [row] = await readRows<{ n: number }>(Prisma.sql`WITH live AS (${liveReviewsSql({ user, mine: true })}) SELECT count(*)::int AS n FROM live`);
  return row.n;
}
