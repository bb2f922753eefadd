import "server-only";
import { prisma } from "@/lib/db";

// Failed sign-ins are counted per email and per client address in the database, so that
// several app instances behind a load balancer share the count.
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = Number(process.env.LOGIN_MAX_FAILURES_PER_EMAIL ?? 5);
export const MAX_FAILURES_PER_ADDRESS = Number(process.env.LOGIN_MAX_FAILURES_PER_ADDRESS ?? 20);

export const throttleKeys = (email: string, address: string) => ({
  email: `email:${email.trim().toLowerCase()}`,
  address: `ip:${address}`,
});

/** Seconds until sign-in is allowed again for these keys, or 0. */
export async function lockedForSeconds(keys: string[]): Promise<number> {
  const rows = await prisma.loginThrottle.findMany({ where: { key: { in: keys } }, select: { lockedUntil: true } });
  const now = Date.now();
  const until = Math.max(0, ...rows.map((r) => (r.lockedUntil ? r.lockedUntil.getTime() - now : 0)));
  return Math.ceil(until / 1000);
}

export async function recordFailure(key: string, max: number): Promise<void> {
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "updatedAt") VALUES (${key}, 0, ${now}, ${now}) ON CONFLICT ("key") DO NOTHING`;
    const [row] = await tx.$queryRaw<{ failures: number; windowStart: Date }[]>`SELECT "failures", "windowStart" FROM "LoginThrottle" WHERE "key" = ${key} FOR UPDATE`;
    const fresh = now.getTime() - row.windowStart.getTime() > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    await tx.loginThrottle.update({
      where: { key },
      data: {
        failures,
        windowStart: fresh ? now : row.windowStart,
        lockedUntil: failures >= max ? new Date(now.getTime() + LOCK_MS) : null,
      },
    });
  });
}

export async function clearFailures(key: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key } });
}
