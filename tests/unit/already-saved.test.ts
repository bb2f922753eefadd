import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { alreadyHolds } from "@/lib/already-saved";

describe("alreadyHolds: does the stored record already say what a write sets?", () => {
  it("compares only the fields the write sets; undefined ones are not set", () => {
    expect(alreadyHolds({ name: "Ada", notes: "x", version: 3 }, { name: "Ada", notes: undefined })).toBe(true);
    expect(alreadyHolds({ name: "Ada" }, { name: "Ada L." })).toBe(false);
    expect(alreadyHolds({ name: "Ada" }, {})).toBe(true);
  });

  it("tells null from a value and from a field the record does not have", () => {
    expect(alreadyHolds({ reportsToId: null }, { reportsToId: null })).toBe(true);
    expect(alreadyHolds({ reportsToId: "c1" }, { reportsToId: null })).toBe(false);
    expect(alreadyHolds({ reportsToId: null }, { reportsToId: "c1" })).toBe(false);
    expect(alreadyHolds({}, { reportsToId: "c1" })).toBe(false);
  });

  it("compares a stored date with the date or ISO day sent", () => {
    const stored = { lastInteractionAt: new Date("2026-03-02T00:00:00.000Z") };
    expect(alreadyHolds(stored, { lastInteractionAt: new Date("2026-03-02T00:00:00.000Z") })).toBe(true);
    expect(alreadyHolds(stored, { lastInteractionAt: "2026-03-02" })).toBe(true);
    expect(alreadyHolds(stored, { lastInteractionAt: "2026-03-03" })).toBe(false);
    expect(alreadyHolds(stored, { lastInteractionAt: "not a date" })).toBe(false);
  });

  it("compares stored money (a Decimal) with the number sent, by amount", () => {
    expect(alreadyHolds({ annualRevenue: new Prisma.Decimal("1250000.50") }, { annualRevenue: 1_250_000.5 })).toBe(true);
    expect(alreadyHolds({ annualRevenue: new Prisma.Decimal("1250000.50") }, { annualRevenue: 1_250_000.51 })).toBe(false);
    expect(alreadyHolds({ annualRevenue: new Prisma.Decimal("0") }, { annualRevenue: null })).toBe(false);
  });

  it("compares lists item by item, and counts anything else it cannot compare as different", () => {
    expect(alreadyHolds({ tags: ["a", "b"] }, { tags: ["a", "b"] })).toBe(true);
    expect(alreadyHolds({ tags: ["a", "b"] }, { tags: ["b", "a"] })).toBe(false);
    expect(alreadyHolds({ meta: { a: 1 } }, { meta: { a: 1 } })).toBe(false);
  });
});
