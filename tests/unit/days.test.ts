// lib/days.ts counts days on whole day numbers, without Date objects. These properties hold it to
// what Date itself says, over four centuries either side of today, leap years and month ends included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonthsToDay, daysBetween, isoDay, localDay } from "@/lib/days";

const DAY_MS = 86_400_000;
// Every day from 1601-01-01 to 2400-12-31, as Date writes it.
const dayNumbers = fc.integer({ min: Date.UTC(1601, 0, 1) / DAY_MS, max: Date.UTC(2400, 11, 31) / DAY_MS });
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const days = dayNumbers.map(dayOf);
// Moments anywhere in a day, before and after 1970.
const moments = fc.integer({ min: Date.UTC(1601, 0, 1), max: Date.UTC(2400, 11, 31, 23, 59, 59, 999) }).map((ms) => new Date(ms));

/** What Date says: the days between two UTC midnights, and the same month rule as PostgreSQL's `date + interval`. */
const reference = {
  addDays: (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10),
  daysBetween: (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS),
  addMonthsToDay: (day: string, months: number) => {
    const [y, m, d] = day.split("-").map(Number);
    const first = new Date(Date.UTC(2000, 0, 1));
    first.setUTCFullYear(y, m - 1 + months, 1);
    const last = new Date(first);
    last.setUTCMonth(last.getUTCMonth() + 1, 0);
    first.setUTCDate(Math.min(d, last.getUTCDate()));
    return first.toISOString().slice(0, 10);
  },
};

describe("calendar days without Date objects", () => {
  it("isoDay reads a moment's UTC day as Date does, before 1970 too", () => {
    fc.assert(fc.property(moments, (at) => {
      expect(isoDay(at)).toBe(at.toISOString().slice(0, 10));
    }), { numRuns: 2000 });
    expect(isoDay(new Date("1969-12-31T23:59:59.999Z"))).toBe("1969-12-31");
    expect(isoDay(new Date("2028-02-29T00:00:00.000Z"))).toBe("2028-02-29");
  });

  it("addDays and daysBetween agree with Date over leap years and centuries", () => {
    fc.assert(
      fc.property(days, fc.integer({ min: -40_000, max: 40_000 }), (day, n) => {
        const later = addDays(day, n);
        expect(later).toBe(reference.addDays(day, n));
        expect(daysBetween(day, later)).toBe(n);
      }),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(days, days, (a, b) => {
      expect(daysBetween(a, b)).toBe(reference.daysBetween(a, b));
    }), { numRuns: 2000 });
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01"); // not a leap year
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29"); // a leap year
  });

  it("daysBetween takes moments as their UTC day and timestamps as their day", () => {
    fc.assert(fc.property(moments, days, (at, day) => {
      expect(daysBetween(at, day)).toBe(reference.daysBetween(at.toISOString().slice(0, 10), day));
    }), { numRuns: 2000 });
    expect(daysBetween("2026-11-29T23:00:00.000Z", "2026-11-30")).toBe(1);
  });

  it("addMonthsToDay keeps the day or ends on the month's last day", () => {
    fc.assert(fc.property(days, fc.integer({ min: -2400, max: 2400 }), (day, months) => {
      expect(addMonthsToDay(day, months)).toBe(reference.addMonthsToDay(day, months));
    }), { numRuns: 3000 });
  });

  it("refuses what is not a day, as Date did", () => {
    expect(() => addDays("not a day", 1)).toThrow(RangeError);
    expect(() => isoDay(new Date(Number.NaN))).toThrow(RangeError);
    expect(Number.isNaN(daysBetween("2026-13-01", "2026-01-01"))).toBe(true);
    // Date.parse runs 30 February on into March; so do these.
    expect(addDays("2026-02-30", 0)).toBe("2026-03-02");
  });

  it("localDay reads a Date and its ISO text alike", () => {
    fc.assert(fc.property(moments, (at) => {
      expect(localDay(at.toISOString())).toBe(localDay(at));
    }), { numRuns: 500 });
  });
});
