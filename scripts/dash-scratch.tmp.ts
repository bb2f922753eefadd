import { prisma, Prisma } from "@/lib/db";
import { scopedCte, moveEventsCte } from "@/lib/dashboard/sql";
import { makeClock, dashboardFactsSql } from "@/lib/dashboard/service";
const senior = await prisma.user.findFirstOrThrow({ where: { role: "SENIOR_MANAGER" }, select: { id: true, email: true, name: true, role: true } });
const clock = makeClock();
const which = process.argv[2];
const q = which === "facts" ? Prisma.sql`EXPLAIN (ANALYZE) ${dashboardFactsSql(senior as never, {}, clock)}`
  : Prisma.sql`EXPLAIN ANALYZE WITH ${scopedCte(senior as never, {})}, ${moveEventsCte(clock)} SELECT month, move, count(DISTINCT "accountId") FROM ev GROUP BY 1,2`;
const rows = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(q);
console.log(rows.map((r) => r["QUERY PLAN"]).join("\n"));
await prisma.$disconnect();
