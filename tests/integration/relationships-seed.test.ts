import { describe, expect, it } from "vitest";
import { createPrisma } from "../../prisma/client";
import { seedDemo } from "../../prisma/seed";
import { LARGE_ACCOUNT } from "../../prisma/seed/relationships";
import { analyseRelationships, findReportsToCycle } from "@/lib/relationships/model";
import { createTestDatabase, dropTestDatabase } from "../support/test-db";

describe("demo relationship maps", () => {
  it("seeds the large account at the issue's scale, with the gaps a real map has", async () => {
    const db = await createTestDatabase("keystone_relseed");
    const prisma = createPrisma(db.url);
    try {
      await seedDemo(prisma, () => {});
      const large = await prisma.account.findFirstOrThrow({
        where: { name: LARGE_ACCOUNT },
        select: { id: true, ownerId: true, coverageScore: true, uncoveredDecisionMakers: true, singleThreaded: true, team: { select: { userId: true } } },
      });
      const [contacts, relationships, links] = await Promise.all([
        prisma.contact.findMany({ where: { accountId: large.id } }),
        prisma.relationship.findMany({ where: { accountId: large.id } }),
        prisma.contactLink.findMany({ where: { accountId: large.id } }),
      ]);
      expect(new Set([large.ownerId, ...large.team.map((t) => t.userId)]).size).toBe(10);
      expect(contacts).toHaveLength(150);
      expect(relationships).toHaveLength(1000);
      expect(links.length).toBeGreaterThan(20);
      // The formal line is a tree with one top.
      expect(contacts.filter((c) => c.reportsToId === null)).toHaveLength(1);
      expect(contacts.every((c) => findReportsToCycle(contacts, c.id, c.reportsToId) === null)).toBe(true);
      const teamIds = new Set([large.ownerId, ...large.team.map((t) => t.userId)]);
      expect(relationships.every((r) => teamIds.has(r.userId))).toBe(true);

      const a = analyseRelationships({ contacts, teamMembers: [...teamIds].map((id) => ({ id, name: id })), relationships, links });
      expect(a.decisionMakers.length).toBe(2);
      expect(a.hasCoach).toBe(true);
      expect(a.unreachedDepartments.map((d) => d.department).sort()).toEqual(["Aftermarket", "Legal"]);
      expect(a.unreachedSites.map((s) => s.site)).toContain("Montréal");
      expect(a.influentialOpponents.some((o) => o.attitude === "OPPONENT" && o.coveredBy.length === 0)).toBe(true);
      expect(a.quietRelationships.length).toBeGreaterThan(0);
      expect(a.levelGaps.length).toBeGreaterThan(0);
      // The dashboard's cached figures match the analysis.
      expect(large.coverageScore).toBe(a.summary.coverageScore);
      expect(large.uncoveredDecisionMakers).toBe(a.summary.uncoveredDecisionMakers);

      // Smaller maps on other accounts, and some accounts still without one.
      const perAccount = await prisma.contact.groupBy({ by: ["accountId"], _count: true });
      expect(perAccount.length).toBeGreaterThan(15);
      expect(await prisma.account.count()).toBeGreaterThan(perAccount.length);
    } finally {
      await prisma.$disconnect();
      await dropTestDatabase(db.name);
    }
  }, 240_000);
});
