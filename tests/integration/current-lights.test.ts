// Account.currentLights, the dashboard's current traffic light per area, is kept by a database
// trigger on the append-only light history. Whatever order and however many at once lights are
// written, it must equal what the history says: the latest per area, the worse colour on a tie.
import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/prisma/factories";
import { makeUser, testDb } from "../support/fixtures";

let ownerId = "";
beforeAll(async () => {
  ownerId = (await makeUser("ACCOUNT_MANAGER")).id;
});

const colourOf = (key: number | undefined) => (key === undefined ? undefined : (["?", "GREEN", "AMBER", "RED"] as const)[key % 4]);
async function current(accountId: string): Promise<Record<string, string | undefined>> {
  const a = await testDb().account.findUniqueOrThrow({ where: { id: accountId }, select: { currentLights: true } });
  const lights = (a.currentLights ?? {}) as Record<string, number>;
  return Object.fromEntries(Object.entries(lights).map(([area, key]) => [area, colourOf(Number(key))]));
}
/** Accounts whose cached lights differ from the history's latest per area. */
async function drifted(ids: string[]): Promise<number> {
  const rows = await testDb().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Account" a
    LEFT JOIN LATERAL (
      SELECT jsonb_object_agg(area, key) AS lights FROM (
        SELECT x.area, max(floor(extract(epoch FROM x."setAt") * 1000)::bigint * 4 + CASE x.color WHEN 'GREEN' THEN 1 WHEN 'AMBER' THEN 2 ELSE 3 END) AS key
        FROM "TrafficLight" x WHERE x."accountId" = a.id GROUP BY x.area) k
    ) h ON true
    WHERE a.id = ANY(${ids}) AND a."currentLights" IS DISTINCT FROM h.lights`;
  return Number(rows[0].n);
}
const at = (iso: string) => new Date(iso);

describe("current traffic lights", () => {
  it("follow the latest light per area, not the last one written, and the worse colour on a tie", async () => {
    const db = testDb();
    const { id } = await createAccount(db, { ownerId });
    expect(await current(id)).toEqual({});
    await db.trafficLight.create({ data: { accountId: id, area: "delivery", color: "GREEN", reason: "On plan", setAt: at("2026-10-01T09:00:00Z") } });
    // Back-dated history written later does not replace the newer light.
    await db.trafficLight.create({ data: { accountId: id, area: "delivery", color: "RED", reason: "Old escalation", setAt: at("2026-03-01T09:00:00Z") } });
    expect(await current(id)).toEqual({ delivery: "GREEN" });
    // Two lights at the same instant: the worse colour counts.
    await db.trafficLight.createMany({
      data: [
        { accountId: id, area: "financial", color: "AMBER", reason: "Margin under target", setAt: at("2026-11-01T09:00:00Z") },
        { accountId: id, area: "financial", color: "GREEN", reason: "Recovered", setAt: at("2026-11-01T09:00:00Z") },
      ],
    });
    await db.trafficLight.create({ data: { accountId: id, area: "delivery", color: "RED", reason: "Missed go-live", setAt: at("2026-11-20T09:00:00Z") } });
    expect(await current(id)).toEqual({ delivery: "RED", financial: "AMBER" });
    expect(await drifted([id])).toBe(0);
  });

  it("stay right for a bulk insert over many accounts (one statement)", async () => {
    const db = testDb();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await createAccount(db, { ownerId })).id);
    const areas = ["relationship", "delivery", "financial", "strategic-position", "competitive-threat"];
    const colours = ["GREEN", "AMBER", "RED"] as const;
    const data = Array.from({ length: 120 }, (_, i) => ({
      accountId: ids[i % ids.length],
      area: areas[(i * 7) % areas.length],
      color: colours[(i * 5) % 3],
      reason: `Bulk ${i}`,
      setAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 300) * 86_400_000),
    }));
    await db.trafficLight.createMany({ data });
    expect(await drifted(ids)).toBe(0);
  });

  it("keep both of two lights written at the same moment on one account", async () => {
    const db = testDb();
    const { id } = await createAccount(db, { ownerId });
    const slow = db.$transaction(async (tx) => {
      await tx.trafficLight.create({ data: { accountId: id, area: "relationship", color: "AMBER", reason: "Sponsor leaving" } });
      await tx.$executeRaw`SELECT pg_sleep(0.3)`; // holds the account row while the other writes
    });
    await new Promise((r) => setTimeout(r, 100));
    const fast = db.trafficLight.create({ data: { accountId: id, area: "competitive-threat", color: "RED", reason: "Rival pilot on site" } });
    await Promise.all([slow, fast]);
    expect(await current(id)).toEqual({ relationship: "AMBER", "competitive-threat": "RED" });
    expect(await drifted([id])).toBe(0);
  });
});
