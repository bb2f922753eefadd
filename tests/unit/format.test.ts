import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatMoneyShort } from "@/lib/format";

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
