import { afterEach, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { displayZoneName, formatDate, formatDay, formatMoneyShort, formatRelative, formatStamp, serverNow, setServerFacts, zoneAbbreviation } from "@/lib/format";

const setDisplayZone = (zone: string) => setServerFacts({ zone, now: Date.now() });

describe("formatMoneyShort", () => {
  it("shortens amounts the same way on the server and in the browser", () => {
    expect(formatMoneyShort(6_992_898_990)).toBe("€7bn");
    expect(formatMoneyShort(32_429_193_000)).toBe("€32.4bn");
    expect(formatMoneyShort(1_250_000)).toBe("€1.3m");
    expect(formatMoneyShort(950_000)).toBe("€950k");
    expect(formatMoneyShort(120)).toBe("€120");
    expect(formatMoneyShort(-2_000_000)).toBe("-€2m");
    expect(formatMoneyShort(null)).toBe("—");
    expect(formatMoneyShort(undefined)).toBe("—");
  });

  it("writes a whole number of millions without a decimal, where Node's Intl writes €3.0m", () => {
    expect(formatMoneyShort(3_000_000)).toBe("€3m");
    expect(formatMoneyShort(12_000)).toBe("€12k");
  });

  it("takes the plan's amounts as the database returns them: decimals and strings", () => {
    expect(formatMoneyShort(new Prisma.Decimal("4500000.00"))).toBe("€4.5m");
    expect(formatMoneyShort("780000")).toBe("€780k");
    expect(formatMoneyShort("not a number")).toBe("—");
  });
});

// CI runs the unit tests a second time in a zone far from UTC (Pacific/Kiritimati or Pago_Pago):
// these must hold in any process time zone.
describe("dates", () => {
  it("writes a day as entered (a due date, a meeting) as that day in any time zone", () => {
    for (const zone of ["Pacific/Pago_Pago", "UTC", "Pacific/Kiritimati"]) {
      setDisplayZone(zone);
      expect(formatDay(new Date("2026-03-05T00:00:00Z"))).toBe("5 Mar 2026");
      expect(formatDay("2026-03-05T00:00:00.000Z")).toBe("5 Mar 2026");
      expect(formatDay("2026-03-05")).toBe("5 Mar 2026");
    }
    expect(formatDay(null)).toBe("—");
  });

  it("writes a moment's day in the organisation's time zone, not the runtime's", () => {
    setDisplayZone("America/New_York");
    expect(formatDate("2026-03-05T03:00:00Z")).toBe("4 Mar 2026");
    setDisplayZone("Pacific/Kiritimati");
    expect(formatDate(new Date("2026-03-05T12:00:00Z"))).toBe("6 Mar 2026");
    setDisplayZone("UTC");
    expect(formatDate("2026-03-05T23:59:00Z")).toBe("5 Mar 2026");
    expect(formatDate(undefined)).toBe("—");
  });

  it("writes a log's date and time in that zone, and names it", () => {
    setDisplayZone("Europe/Berlin");
    expect(formatStamp("2026-03-05T10:43:37Z")).toEqual(["5 Mar 2026", "11:43:37"]);
    expect(displayZoneName()).toBe("Europe/Berlin");
    setDisplayZone("Etc/UTC");
    expect(formatStamp("2026-03-05T23:10:00Z")).toEqual(["5 Mar 2026", "23:10:00"]);
    // Day and month never in figures alone (12 March or 3 December?).
    expect(formatStamp("2026-12-03T02:21:59Z")).toEqual(["3 Dec 2026", "02:21:59"]);
    expect(displayZoneName()).toBe("UTC");
  });

  it("names the zone short where room is short, as it was at that moment", () => {
    setDisplayZone("Pacific/Kiritimati");
    expect(zoneAbbreviation("2026-03-05T10:43:37Z")).toBe("GMT+14");
    setDisplayZone("Europe/Berlin");
    expect(zoneAbbreviation("2026-01-05T10:00:00Z")).toBe("CET");
    expect(zoneAbbreviation(new Date("2026-07-05T10:00:00Z"))).toBe("CEST");
    setDisplayZone("America/Los_Angeles");
    expect(zoneAbbreviation("2026-12-04T10:00:00Z")).toBe("GMT-8");
    setDisplayZone("Asia/Kathmandu");
    expect(zoneAbbreviation("2026-12-04T10:00:00Z")).toBe("GMT+5:45");
    setDisplayZone("Etc/UTC");
    expect(zoneAbbreviation("2026-12-04T10:00:00Z")).toBe("UTC");
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  it("says how long ago a moment was", () => {
    expect(formatRelative(null, now)).toBe("never");
    expect(formatRelative("2026-12-01T11:59:40Z", now)).toBe("just now");
    expect(formatRelative("2026-12-01T11:57:00Z", now)).toBe("3 minutes ago");
    expect(formatRelative("2026-11-28T12:00:00Z", now)).toBe("3 days ago");
    expect(formatRelative("2026-11-30T12:00:00Z", now)).toBe("yesterday");
  });

  it("reads a moment stamped ahead of a browser whose clock is behind as just now, never as to come", () => {
    expect(formatRelative("2026-12-01T12:02:00Z", now)).toBe("just now");
    expect(formatRelative("2026-12-01T15:00:00Z", now)).toBe("just now");
  });
});

describe("the server's clock", () => {
  const DAY_AND_A_HALF = 36 * 3600_000;
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("is the server's own on the server, whatever time a page was handed", () => {
    setServerFacts({ zone: "UTC", now: Date.now() + DAY_AND_A_HALF });
    expect(Math.abs(serverNow().getTime() - Date.now())).toBeLessThan(1000);
  });

  it("in the browser, is the first page's server time plus the time since, and a later page does not move it", async () => {
    vi.stubGlobal("window", {});
    vi.resetModules();
    const browser = await import("@/lib/format");
    // The browser's clock is a day and a half behind the server's.
    browser.setServerFacts({ zone: "Europe/Berlin", now: Date.now() + DAY_AND_A_HALF });
    expect(Math.abs(browser.serverNow().getTime() - (Date.now() + DAY_AND_A_HALF))).toBeLessThan(1000);
    expect(browser.formatRelative(new Date(Date.now() + DAY_AND_A_HALF - 3 * 60_000), browser.serverNow())).toBe("3 minutes ago");
    // A layout drawn from an old payload later hands an old time: the offset stays.
    browser.setServerFacts({ zone: "Europe/Berlin", now: Date.now() - 3600_000 });
    expect(Math.abs(browser.serverNow().getTime() - (Date.now() + DAY_AND_A_HALF))).toBeLessThan(1000);
    expect(browser.displayZone()).toBe("Europe/Berlin");
  });
});
