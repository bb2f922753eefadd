import { getDashboard } from "@/lib/dashboard/service";
import { prisma } from "@/lib/db";
const senior = await prisma.user.findFirstOrThrow({ where: { role: "SENIOR_MANAGER" }, select: { id: true, email: true, name: true, role: true } });
const am = await prisma.user.findFirstOrThrow({ where: { email: "am7@large.keystone.demo" }, select: { id: true, email: true, name: true, role: true } });
const mentor = await prisma.user.findFirstOrThrow({ where: { email: "mentor7@large.keystone.demo" }, select: { id: true, email: true, name: true, role: true } });
const cases: [string, unknown, Record<string, string>][] = [["senior all", senior, {}], ["senior region", senior, { region: "DACH" }], ["senior region+industry", senior, { region: "DACH", industry: "Retail" }], ["am", am, {}], ["mentor", mentor, {}]];
for (const [name, user, filters] of cases) {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const d = await getDashboard({ user: user as never, filters });
    times.push(Math.round(performance.now() - t));
    if (i === 0) console.log(name, "accounts", d.totals.accounts);
  }
  console.log(name, times.join(" "), "median", [...times].sort((a, b) => a - b)[3]);
}
await prisma.$disconnect();
