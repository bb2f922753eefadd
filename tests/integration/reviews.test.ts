// Mentor reviews of plan versions: who may see, ask, comment, resolve and decide; the verdict is
// given once and moves the plan with it; a resubmission shows which comments it answers.
import { beforeAll, describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import * as draftRoute from "@/app/api/accounts/[id]/plan/draft/route";
import * as versionsRoute from "@/app/api/accounts/[id]/plan/versions/route";
import * as planRoute from "@/app/api/accounts/[id]/plan/route";
import * as reviewsRoute from "@/app/api/reviews/route";
import * as reviewRoute from "@/app/api/reviews/[id]/route";
import * as commentsRoute from "@/app/api/reviews/[id]/comments/route";
import * as commentRoute from "@/app/api/reviews/[id]/comments/[commentId]/route";
import * as verdictRoute from "@/app/api/reviews/[id]/verdict/route";
import { emptyPlanContent, type TPlanContent } from "@/lib/plans/schema";
import { createAccount } from "../../prisma/factories";
import { call, type TestUser } from "../support/http";
import { makeWorld, testDb } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;

const readyPlan = (strategy = "Land and expand from the two pilot sites.", risks = "Competitor X undercuts on price."): TPlanContent => ({
  ...emptyPlanContent(),
  objectives: [{ id: "obj-1", title: "Become preferred supplier", description: "", horizonYear: 2028 }],
  financialTargets: [{ year: 2026, revenue: 1_000_000, margin: 250_000 }],
  strategy,
  risks,
});

async function submitVersion(user: TestUser, accountId: string, content: TPlanContent): Promise<{ id: string; number: number }> {
  const current = (await call(draftRoute.GET, { user, params: { id: accountId } })).body.draft.version;
  const saved = await call(draftRoute.PUT, { user, method: "PUT", params: { id: accountId }, body: { content, version: current } });
  expect(saved.status).toBe(200);
  const res = await call(versionsRoute.POST, { user, params: { id: accountId }, body: {} });
  expect(res.status).toBe(201);
  const row = await testDb().planVersion.findUniqueOrThrow({ where: { accountId_number: { accountId, number: res.body.number } } });
  return { id: row.id, number: row.number };
}

const requestReview = (user: TestUser, subject: unknown, extra: Record<string, unknown> = {}) => call(reviewsRoute.POST, { user, body: { subject, ...extra } });
const getReview = (user: TestUser, id: string) => call(reviewRoute.GET, { user, params: { id } });
const comment = (user: TestUser, id: string, body: Record<string, unknown>) => call(commentsRoute.POST, { user, params: { id }, body });
const resolve = (user: TestUser, id: string, commentId: string, resolved = true) => call(commentRoute.PATCH, { user, method: "PATCH", params: { id, commentId }, body: { resolved } });
const verdict = (user: TestUser, id: string, body: Record<string, unknown>) => call(verdictRoute.POST, { user, params: { id }, body });

describe("asking for a review", () => {
  let w: World;
  let v1: { id: string; number: number };
  beforeAll(async () => {
    w = await makeWorld();
    v1 = await submitVersion(w.owner, w.account.id, readyPlan());
  });

  it("validates the body and names the field", async () => {
    const res = await requestReview(w.owner, { type: "slides", id: v1.id });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(["subject.type"]);
    expect((await requestReview(w.owner, { type: "plan-version" })).body.fields).toHaveProperty(["subject.id"]);
  });

  it("lets only the account's manager ask; others get 403, outsiders 404", async () => {
    expect((await requestReview(w.member, { type: "plan-version", id: v1.id })).status).toBe(403);
    expect((await requestReview(w.mentor, { type: "plan-version", id: v1.id })).status).toBe(403);
    expect((await requestReview(w.outsider, { type: "plan-version", id: v1.id })).status).toBe(404);
    expect((await requestReview(w.otherMentor, { type: "plan-version", id: v1.id })).status).toBe(404);
    expect((await requestReview(w.owner, { type: "plan-version", id: "no-such-version" })).status).toBe(404);
    expect(await testDb().review.count({ where: { accountId: w.account.id } })).toBe(0);
  });

  it("assigns the account's mentor, and a second request for the same version is 409", async () => {
    const res = await requestReview(w.owner, { type: "plan-version", id: v1.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "pending", subjectType: "plan-version", title: "Plan version 1", mentor: { id: w.mentor.id }, requestedBy: { id: w.owner.id } });
    expect(res.body.subject.content.strategy).toBe("Land and expand from the two pilot sites.");
    const again = await requestReview(w.owner, { type: "plan-version", id: v1.id });
    expect(again.status).toBe(409);
    expect(again.body.current).toMatchObject({ reviewId: res.body.id, status: "pending" });
  });

  it("refuses an account without a mentor with 422 naming the subject", async () => {
    const lone = await createAccount(testDb(), { ownerId: w.owner.id, mentorId: null });
    const v = await submitVersion(w.owner, lone.id, readyPlan());
    const res = await requestReview(w.owner, { type: "plan-version", id: v.id });
    expect(res.status).toBe(422);
    expect(res.body.fields["subject.id"]).toMatch(/no mentor yet/);
  });

  it("shows the review to the team, the mentor and senior roles only", async () => {
    const id = (await testDb().review.findFirstOrThrow({ where: { planVersionId: v1.id } })).id;
    for (const user of [w.owner, w.member, w.mentor, w.senior, w.admin]) expect((await getReview(user, id)).status, user.role).toBe(200);
    for (const user of [w.outsider, w.otherMentor]) expect((await getReview(user, id)).status).toBe(404);
    expect((await getReview(null, id)).status).toBe(401);
    expect((await getReview(w.owner, "no-such-review")).status).toBe(404);
  });
});

describe("the whole loop: comment, request changes, answer, resubmit, endorse", () => {
  let w: World;
  let v1: { id: string; number: number };
  let reviewId: string;
  let strategyThread: string;
  let risksThread: string;
  let generalThread: string;

  beforeAll(async () => {
    w = await makeWorld();
    v1 = await submitVersion(w.owner, w.account.id, readyPlan());
    reviewId = (await requestReview(w.owner, { type: "plan-version", id: v1.id })).body.id;
  });

  it("lets the mentor comment on a section, quoting a passage; bad input is 422 naming the field", async () => {
    const res = await comment(w.mentor, reviewId, { section: "strategy", quote: "two pilot sites", body: "Which two? What if one pilot fails?" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ section: "strategy", sectionLabel: "Strategy", quote: "two pilot sites", state: "awaiting-team", author: { id: w.mentor.id, side: "mentor" } });
    strategyThread = res.body.id;
    risksThread = (await comment(w.mentor, reviewId, { section: "risks", body: "How do we answer the price attack?" })).body.id;
    generalThread = (await comment(w.mentor, reviewId, { section: "general", body: "Good start overall." })).body.id;

    const bad = await comment(w.mentor, reviewId, { section: "chapter-9", body: "?" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fields)).toEqual(["section"]);
    expect((await comment(w.mentor, reviewId, { section: "strategy", body: "   " })).body.fields).toHaveProperty("body");
    expect((await comment(w.outsider, reviewId, { section: "strategy", body: "hello" })).status).toBe(404);
  });

  it("lets the team answer a thread, which then waits for the mentor", async () => {
    const res = await comment(w.member, reviewId, { section: "ignored", parentId: strategyThread, body: "Oulu and Kemi; if Kemi slips we start at Oulu alone." });
    expect(res.status).toBe(201);
    expect(res.body.id).toBe(strategyThread);
    expect(res.body.state).toBe("awaiting-mentor");
    expect(res.body.replies).toHaveLength(1);
    expect(res.body.replies[0]).toMatchObject({ section: "strategy", author: { id: w.member.id, side: "team" } });
    const wrongParent = await comment(w.member, reviewId, { section: "strategy", parentId: "nope", body: "x" });
    expect(wrongParent.status).toBe(422);
    expect(Object.keys(wrongParent.body.fields)).toEqual(["parentId"]);
  });

  it("resolves a thread without deleting it, and reopens it", async () => {
    const res = await resolve(w.owner, reviewId, generalThread);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: "resolved", resolvedBy: { id: w.owner.id } });
    const row = await testDb().comment.findUniqueOrThrow({ where: { id: generalThread } });
    expect(row.body).toBe("Good start overall.");
    expect(row.resolvedAt).not.toBeNull();
    expect((await resolve(w.owner, reviewId, generalThread, false)).body.state).toBe("awaiting-team");
    expect((await resolve(w.owner, reviewId, generalThread, true)).body.state).toBe("resolved");
    const reply = await testDb().comment.findFirstOrThrow({ where: { parentId: strategyThread } });
    expect((await resolve(w.owner, reviewId, reply.id)).status).toBe(422);
    expect((await call(commentRoute.PATCH, { user: w.owner, method: "PATCH", params: { id: reviewId, commentId: generalThread }, body: { resolved: "yes" } })).body.fields).toHaveProperty("resolved");
    expect((await resolve(w.outsider, reviewId, generalThread)).status).toBe(404);
  });

  it("lets only the mentor or a senior manager give the verdict, which needs a summary", async () => {
    expect((await verdict(w.owner, reviewId, { verdict: "endorse", summary: "Self-approval" })).status).toBe(403);
    expect((await verdict(w.member, reviewId, { verdict: "endorse", summary: "Self-approval" })).status).toBe(403);
    expect((await verdict(w.otherMentor, reviewId, { verdict: "endorse", summary: "Not mine" })).status).toBe(404);
    const noSummary = await verdict(w.mentor, reviewId, { verdict: "request-changes" });
    expect(noSummary.status).toBe(422);
    expect(Object.keys(noSummary.body.fields)).toEqual(["summary"]);
    expect((await verdict(w.mentor, reviewId, { verdict: "maybe", summary: "x" })).body.fields).toHaveProperty("verdict");
    expect((await testDb().review.findUniqueOrThrow({ where: { id: reviewId } })).status).toBe("PENDING");
  });

  it("requesting changes sends the plan back to draft; a second verdict is 409", async () => {
    const res = await verdict(w.mentor, reviewId, { verdict: "request-changes", summary: "Sharpen the strategy and answer the price risk." });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "changes-requested", summary: "Sharpen the strategy and answer the price risk.", decidedBy: { id: w.mentor.id } });
    expect(res.body.turnaroundDays).toBeGreaterThanOrEqual(0);
    expect((await testDb().planVersion.findUniqueOrThrow({ where: { id: v1.id } })).status).toBe("CHANGES_REQUESTED");
    const plan = (await call(planRoute.GET, { user: w.owner, params: { id: w.account.id } })).body;
    expect(plan.current).toBeNull();
    expect(plan.draft.content.strategy).toBe("Land and expand from the two pilot sites.");
    expect(plan.permissions.edit).toBe(true);

    const twice = await verdict(w.mentor, reviewId, { verdict: "endorse", summary: "Changed my mind" });
    expect(twice.status).toBe(409);
    expect(twice.body.current).toMatchObject({ status: "changes-requested" });
    expect((await verdict(w.senior, reviewId, { verdict: "endorse", summary: "Overrule" })).status).toBe(409);
    expect((await testDb().planVersion.findUniqueOrThrow({ where: { id: v1.id } })).status).toBe("CHANGES_REQUESTED");
  });

  it("the team still answers threads after the verdict", async () => {
    const res = await comment(w.owner, reviewId, { section: "risks", parentId: risksThread, body: "We bundle the service contract; see the revised risks." });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe("awaiting-mentor");
  });

  let v2: { id: string; number: number };
  let review2: string;
  it("the resubmitted version shows what changed and which comments each change answers", async () => {
    v2 = await submitVersion(w.owner, w.account.id, readyPlan("Start at Oulu, then Kemi once Oulu runs.", "Bundle the service contract against the price attack."));
    const res = await requestReview(w.owner, { type: "plan-version", id: v2.id }, { answers: [strategyThread] });
    expect(res.status).toBe(201);
    review2 = res.body.id;
    const prev = res.body.previous;
    expect(prev).toMatchObject({ id: reviewId, status: "changes-requested", versionNumber: 1 });
    expect(prev.diff.changedSections).toEqual(["strategy", "risks"]);
    const bySection = Object.fromEntries(prev.changes.map((c: { section: string; answers: { id: string }[] }) => [c.section, c.answers.map((a) => a.id)]));
    // The team said the strategy change answers the strategy comment; the risks thread was not marked.
    expect(bySection).toEqual({ strategy: [strategyThread], risks: [] });
    expect(prev.stillOpen).toBe(1);
    expect((await testDb().comment.findUniqueOrThrow({ where: { id: strategyThread } })).answeredInVersionId).toBe(v2.id);
    const old = (await getReview(w.owner, reviewId)).body.threads.find((t: { id: string }) => t.id === strategyThread);
    expect(old.answeredIn).toEqual({ versionNumber: 2, reviewId: null });
  });

  it("refuses answers that are not comments of the previous review", async () => {
    const v3 = await submitVersion(w.owner, w.account.id, readyPlan("Third try.", "Bundle the service contract against the price attack."));
    const res = await requestReview(w.owner, { type: "plan-version", id: v3.id }, { answers: ["not-a-comment"] });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(["answers.0"]);
    expect(await testDb().review.count({ where: { planVersionId: v3.id } })).toBe(0);
  });

  it("endorsing approves the version and asks the team to commit", async () => {
    const res = await verdict(w.mentor, review2, { verdict: "endorse", summary: "Clear and honest. Go." });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("endorsed");
    expect(res.body.commitment).toMatchObject({ versionNumber: 2, committed: 0, total: 2 });
    expect(res.body.commitment.pending.map((p: { id: string }) => p.id).sort()).toEqual([w.owner.id, w.member.id].sort());
    expect((await testDb().planVersion.findUniqueOrThrow({ where: { id: v2.id } })).status).toBe("APPROVED");
    const plan = (await call(planRoute.GET, { user: w.member, params: { id: w.account.id } })).body;
    expect(plan.current.number).toBe(2);
    expect(plan.commitment).toMatchObject({ versionNumber: 2, committed: 0, total: 2 });
  });
});

describe("a review whose version was decided elsewhere", () => {
  it("becomes stale: the verdict is refused with 409 and the review leaves the queue", async () => {
    const w = await makeWorld();
    const v1 = await submitVersion(w.owner, w.account.id, readyPlan());
    const reviewId = (await requestReview(w.owner, { type: "plan-version", id: v1.id })).body.id;
    const { countPendingForMentor } = await import("@/lib/reviews/queue");
    const mentorUser = { ...w.mentor, role: "MENTOR" as const };
    expect(await countPendingForMentor(mentorUser)).toBe(1);
    // A senior manager approves from the plan page while the review waits.
    const { approvePlanVersion } = await import("@/lib/plans/service");
    await approvePlanVersion({ user: { ...w.senior, role: "SENIOR_MANAGER" }, accountId: w.account.id, number: 1 });
    const view = (await getReview(w.mentor, reviewId)).body;
    expect(view.stale).toBe(true);
    expect(view.permissions.verdict).toBe(false);
    expect((await verdict(w.mentor, reviewId, { verdict: "request-changes", summary: "Too late" })).status).toBe(409);
    expect((await testDb().review.findUniqueOrThrow({ where: { id: reviewId } })).status).toBe("PENDING");
    const queue = (await call(reviewsRoute.GET, { user: w.mentor, url: "/api/reviews?assignedTo=me&status=pending" })).body;
    expect(queue.items.some((i: { id: string }) => i.id === reviewId)).toBe(false);
    // The mentor's badge counts the same reviews as the queue: the stale one no longer.
    expect(await countPendingForMentor(mentorUser)).toBe(0);
  });
});

describe("the queue's rows", () => {
  it("are the same rows every other review list shows: version title, open threads and those waiting for the team", async () => {
    const w = await makeWorld();
    const v1 = await submitVersion(w.owner, w.account.id, readyPlan());
    const reviewId = (await requestReview(w.owner, { type: "plan-version", id: v1.id })).body.id;
    // Three threads: one the team answered, one waiting for the team, one resolved.
    const answered = (await comment(w.mentor, reviewId, { section: "strategy", body: "Which two sites?" })).body.id;
    await comment(w.member, reviewId, { section: "strategy", parentId: answered, body: "Oulu and Kemi." });
    await comment(w.mentor, reviewId, { section: "risks", body: "How do we answer the price attack?" });
    const done = (await comment(w.mentor, reviewId, { section: "general", body: "Good start." })).body.id;
    expect((await resolve(w.mentor, reviewId, done)).status).toBe(200);

    const queue = (await call(reviewsRoute.GET, { user: w.mentor, url: "/api/reviews?assignedTo=me&status=pending" })).body;
    const row = queue.items.find((i: { id: string }) => i.id === reviewId);
    expect(row).toMatchObject({ kind: "review", title: "Plan version 1", openThreads: 2, awaitingTeam: 1, stale: false, account: { id: w.account.id } });
    // The queue reads its rows in one statement; the account's list reads them through Prisma.
    const { findReviewItems } = await import("@/lib/reviews/queue");
    expect([row]).toEqual(JSON.parse(JSON.stringify(await findReviewItems({ id: reviewId }))));
  });

  it("keep a request whose customer decides soon at the top even when older requests fill the limit", async () => {
    const w = await makeWorld();
    const db = testDb();
    const DAY = 86_400_000;
    const other = await createAccount(db, { ownerId: w.owner.id, mentorId: w.mentor.id, name: `Second ${w.account.name}` });
    const ask = async (accountId: string, title: string, decisionDate: string | null) =>
      (await call((await import("@/app/api/accounts/[id]/proposals/route")).POST, {
        user: w.owner,
        params: { id: accountId },
        body: { title, kind: "renewal", summary: "Why we ask.", body: "<p>Details.</p>", value: 100000, decisionDate, requestReview: true },
      })).body;
    const older = await ask(w.account.id, "Older ask", null);
    const old = await ask(other.id, "Old ask", null);
    await db.review.update({ where: { id: older.review.id }, data: { submittedAt: new Date(Date.now() - 6 * DAY) } });
    await db.review.update({ where: { id: old.review.id }, data: { submittedAt: new Date(Date.now() - 5 * DAY) } });
    const soon = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    const urgent = await ask(other.id, "Urgent ask", soon);
    expect(urgent.review?.id).toBeTruthy();

    const top = (await call(reviewsRoute.GET, { user: w.mentor, url: "/api/reviews?assignedTo=me&status=pending&limit=1" })).body;
    expect(top.items.map((i: { id: string }) => i.id)).toEqual([urgent.review.id]);
    expect(top.total).toBeGreaterThanOrEqual(3);
  });
});

describe("the reviews page's comments to answer", () => {
  it("counts every open thread, lists the oldest 50 and says so, and answered or resolved ones drop out", async () => {
    const w = await makeWorld();
    const v1 = await submitVersion(w.owner, w.account.id, readyPlan());
    const reviewId = (await requestReview(w.owner, { type: "plan-version", id: v1.id })).body.id;
    const ids: string[] = [];
    for (let i = 1; i <= 53; i++) {
      const res = await comment(w.mentor, reviewId, { section: "strategy", body: `Question ${i}?` });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    // A minute apart, so "oldest first" has one answer.
    const start = Date.now() - 60 * 60_000;
    for (const [i, id] of ids.entries()) await testDb().comment.update({ where: { id }, data: { createdAt: new Date(start + i * 60_000) } });
    // One answered by the team and one resolved: 51 still wait for the team.
    await comment(w.member, reviewId, { section: "ignored", parentId: ids[0], body: "Answered." });
    expect((await resolve(w.mentor, reviewId, ids[1])).status).toBe(200);

    const { listThreadsAwaitingTeam } = await import("@/lib/reviews/queue");
    const { ThreadsToAnswerCard } = await import("@/components/reviews/threads-to-answer");
    const threads = await listThreadsAwaitingTeam(w.owner);
    expect(threads).toHaveLength(51);
    const html = renderToStaticMarkup(createElement(ThreadsToAnswerCard, { threads }));
    expect(html).toContain("51 open threads from the mentor on your accounts, oldest first (the first 50 shown).");
    const listed = [...html.matchAll(/#comment-([\w-]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(ids.slice(2, 52));

    // At 50 or fewer the card lists them all and says nothing of a cut.
    const few = renderToStaticMarkup(createElement(ThreadsToAnswerCard, { threads: threads.slice(0, 50) }));
    expect(few).toContain("50 open threads from the mentor on your accounts, oldest first.");
    expect(few.match(/#comment-/g)).toHaveLength(50);
    expect(renderToStaticMarkup(createElement(ThreadsToAnswerCard, { threads: [] }))).toContain("No comment waits for your answer.");
  });
});
