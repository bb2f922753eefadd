// The demo data has mentor reviews in every state, so a new user sees the whole feature.
import { describe, expect, it } from "vitest";
import { createPrisma } from "../../prisma/client";
import { seedDemo } from "../../prisma/seed";
import { periodicSchedule, reviewEveryMonths } from "@/lib/reviews/model";
import { localToday } from "@/lib/days";
import { firstApprovalSelect, firstApprovedAt } from "@/lib/reviews/context";
import { createTestDatabase, dropTestDatabase } from "../support/test-db";

describe("demo reviews", () => {
  it("cover every review state, thread state and periodic review state", async () => {
    const db = await createTestDatabase("keystone_rseed");
    const prisma = createPrisma(db.url);
    try {
      await seedDemo(prisma, () => {});
      const states = await prisma.review.groupBy({ by: ["subjectType", "status"], _count: true });
      const key = (s: { subjectType: string; status: string }) => `${s.subjectType}:${s.status}`;
      expect(states.map(key).sort()).toEqual(
        ["PLAN_VERSION:PENDING", "PLAN_VERSION:ENDORSED", "PLAN_VERSION:CHANGES_REQUESTED", "PROPOSAL:PENDING", "PROPOSAL:ENDORSED", "PROPOSAL:CHANGES_REQUESTED"].sort(),
      );
      // A review's status always agrees with its plan version's.
      const planReviews = await prisma.review.findMany({ where: { subjectType: "PLAN_VERSION" }, select: { status: true, planVersionId: true } });
      const versions = new Map((await prisma.planVersion.findMany({ select: { id: true, status: true } })).map((v) => [v.id, v.status]));
      for (const r of planReviews) {
        const v = versions.get(r.planVersionId!);
        expect(r.status === "PENDING" ? v === "SUBMITTED" : r.status === "CHANGES_REQUESTED" ? v === "CHANGES_REQUESTED" : v === "APPROVED" || v === "SUPERSEDED").toBe(true);
      }
      expect(await prisma.comment.count({ where: { resolvedAt: { not: null } } })).toBeGreaterThan(0);
      expect(await prisma.comment.count({ where: { parentId: { not: null } } })).toBeGreaterThan(0);
      expect(await prisma.comment.count({ where: { answeredInVersionId: { not: null } } })).toBeGreaterThan(0);
      expect(await prisma.comment.count({ where: { parentId: null, resolvedAt: null } })).toBeGreaterThan(0);
      // Each proposal review keeps the proposal as it was reviewed.
      const snapshots = await prisma.review.findMany({ where: { subjectType: "PROPOSAL" }, select: { subjectSnapshot: true } });
      expect(snapshots.every((r) => typeof (r.subjectSnapshot as { title?: unknown } | null)?.title === "string")).toBe(true);
      // Periodic reviews: some held recently, some due soon, some overdue.
      const accounts = await prisma.account.findMany({
        select: { createdAt: true, lastPeriodicReviewAt: true, computedTier: { select: { reviewEveryMonths: true } }, overrideTier: { select: { reviewEveryMonths: true } }, ...firstApprovalSelect },
      });
      const counts = { overdue: 0, "due-soon": 0, scheduled: 0 };
      for (const a of accounts) {
        const everyMonths = reviewEveryMonths(a.overrideTier ?? a.computedTier);
        counts[periodicSchedule({ lastReviewedAt: a.lastPeriodicReviewAt, firstApprovedAt: firstApprovedAt(a), since: a.createdAt, everyMonths, today: localToday() }).state]++;
      }
      expect(counts.overdue).toBeGreaterThan(0);
      expect(counts["due-soon"]).toBeGreaterThan(0);
      expect(counts.scheduled).toBeGreaterThan(0);
      expect(await prisma.periodicReview.count()).toBeGreaterThan(accounts.length / 2);
      // Every proposal body in the demo is sanitised HTML.
      for (const p of await prisma.proposal.findMany({ select: { body: true } })) expect(p.body).not.toMatch(/<script|onerror=|javascript:/i);
    } finally {
      await prisma.$disconnect();
      await dropTestDatabase(db.name);
    }
  }, 240_000);
});
