import { describe, expect, it } from "vitest";
import { createPrisma } from "../../prisma/client";
import { seedDemo } from "../../prisma/seed";
import { createTestDatabase, dropTestDatabase } from "../support/test-db";

describe("demo seed", () => {
  it("loads the demo data once: running it again changes nothing", async () => {
    const db = await createTestDatabase("keystone_seed");
    const prisma = createPrisma(db.url);
    try {
      expect(await seedDemo(prisma, () => {})).toBe(true);
      const counts = async () => ({ users: await prisma.user.count(), accounts: await prisma.account.count(), team: await prisma.accountTeamMember.count() });
      const first = await counts();
      expect(first.accounts).toBeGreaterThanOrEqual(40);
      const roles = await prisma.user.groupBy({ by: ["role"], _count: true });
      expect(Object.fromEntries(roles.map((r) => [r.role, r._count]))).toMatchObject({ ADMIN: 1, SENIOR_MANAGER: 1, MENTOR: 2 });
      // Every stage and every owner is represented, and each account has a team beyond its owner.
      expect((await prisma.account.groupBy({ by: ["stage"], _count: true })).length).toBe(5);
      const teams = await prisma.accountTeamMember.groupBy({ by: ["accountId"], _count: true });
      expect(teams.every((t) => t._count >= 2)).toBe(true);
      // Each account joined Keystone before anything happened to it ("In Keystone since" was
      // today while its plan history went back 14 months): before its first plan version, its
      // first score, its first stage and its first periodic review.
      const history = await prisma.account.findMany({
        select: {
          name: true,
          createdAt: true,
          planVersions: { select: { submittedAt: true, createdAt: true }, orderBy: { number: "asc" }, take: 1 },
          snapshots: { select: { createdAt: true }, orderBy: { createdAt: "asc" }, take: 1 },
          stageChanges: { select: { changedAt: true }, orderBy: { changedAt: "asc" }, take: 1 },
          periodicReviews: { select: { heldOn: true }, orderBy: { heldOn: "asc" }, take: 1 },
        },
      });
      const before = history.flatMap((a) => {
        const firsts = [a.planVersions[0]?.createdAt, a.planVersions[0]?.submittedAt, a.snapshots[0]?.createdAt, a.stageChanges[0]?.changedAt, a.periodicReviews[0]?.heldOn].filter((d): d is Date => d instanceof Date);
        return firsts.some((d) => d < a.createdAt) ? [a.name] : [];
      });
      expect(before).toEqual([]);
      // A periodic review goes through the plan: none is held before the first plan version (they
      // went back 25 months, the plans 14), and an account without a plan has had none.
      const reviewedBeforePlan = history.filter((a) => a.periodicReviews[0] && !(a.planVersions[0]?.submittedAt && a.planVersions[0].submittedAt < a.periodicReviews[0].heldOn)).map((a) => a.name);
      expect(reviewedBeforePlan).toEqual([]);
      expect(history.filter((a) => a.periodicReviews.length).length).toBeGreaterThanOrEqual(30);
      expect(history.every((a) => a.createdAt < new Date(Date.now() - 365 * 86_400_000))).toBe(true);
      // Each account came to its stage one step at a time from pre-sales, the last step being its stage.
      const paths = await prisma.account.findMany({ select: { name: true, stage: true, stageChanges: { select: { fromStage: true, toStage: true }, orderBy: { changedAt: "asc" } } } });
      const broken = paths.filter((a) => {
        const steps = a.stageChanges;
        return steps[0]?.toStage !== "PRE_SALES" || steps.at(-1)?.toStage !== a.stage || steps.some((s, i) => i > 0 && s.fromStage !== steps[i - 1].toStage);
      });
      expect(broken.map((a) => a.name)).toEqual([]);
      expect(paths.some((a) => a.stageChanges.length === 5)).toBe(true);
      // Nothing reads "updated 1 minute ago": details and roles were last changed weeks back.
      const fortnight = new Date(Date.now() - 14 * 86_400_000);
      expect(await prisma.account.count({ where: { updatedAt: { gt: fortnight } } })).toBe(0);
      expect(await prisma.user.count({ where: { updatedAt: { gt: fortnight } } })).toBe(0);
      expect(await seedDemo(prisma, () => {})).toBe(false);
      expect(await counts()).toEqual(first);
    } finally {
      await prisma.$disconnect();
      await dropTestDatabase(db.name);
    }
  }, 180_000);
});
