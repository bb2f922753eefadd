import { describe, expect, it } from "vitest";
import { createPrisma } from "../../prisma/client";
import { seedDemo } from "../../prisma/seed";
import { ZPlanContent } from "../../lib/plans/schema";
import { currentVersion, submitProblems } from "../../lib/plans/model";
import { createTestDatabase, dropTestDatabase } from "../support/test-db";

describe("demo plans", () => {
  it("give the demo accounts realistic plans with a history of several versions", async () => {
    const db = await createTestDatabase("keystone_plans_seed");
    const prisma = createPrisma(db.url);
    try {
      await seedDemo(prisma, () => {});
      const accounts = await prisma.account.findMany({ select: { id: true, name: true, plan: { select: { draft: true } }, planVersions: { select: { number: true, status: true, content: true } } } });
      const planned = accounts.filter((a) => a.plan);
      // All but a few accounts (left plan-less to show the empty state) have a plan.
      expect(planned.length).toBeGreaterThanOrEqual(accounts.length - 3);
      for (const a of planned) {
        const numbers = a.planVersions.map((v) => v.number).sort((x, y) => x - y);
        expect(numbers.length, a.name).toBeGreaterThanOrEqual(2);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
        expect(a.planVersions.filter((v) => v.status === "APPROVED").length, a.name).toBe(1);
        expect(currentVersion(a.planVersions)).not.toBeNull();
        for (const v of a.planVersions) {
          const content = ZPlanContent.parse(v.content);
          // Every seeded version could have been submitted through the app.
          expect(submitProblems(content), `${a.name} v${v.number}`).toEqual({});
        }
        expect(ZPlanContent.safeParse(a.plan!.draft).success).toBe(true);
      }
      const statuses = new Set(planned.flatMap((a) => a.planVersions.map((v) => v.status)));
      expect([...statuses].sort()).toEqual(["APPROVED", "CHANGES_REQUESTED", "SUBMITTED", "SUPERSEDED"]);
      expect(await prisma.action.count({ where: { status: "OPEN", dueDate: { lt: new Date() } } })).toBeGreaterThan(10);
      const areas = await prisma.trafficLight.groupBy({ by: ["area"], _count: true });
      expect(areas.map((a) => a.area).sort()).toEqual(["competitive-threat", "delivery", "financial", "relationship", "strategic-position"]);
      expect(await prisma.commitment.count()).toBeGreaterThan(planned.length);
    } finally {
      await prisma.$disconnect();
      await dropTestDatabase(db.name);
    }
  }, 180_000);
});
