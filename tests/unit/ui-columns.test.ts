import { describe, expect, it } from "vitest";
import { splitInTwo } from "@/lib/ui/columns";

describe("splitInTwo: cards in order, two columns of about the same height", () => {
  it("splits where the halves weigh the most alike", () => {
    expect(splitInTwo([3, 3, 3, 3])).toBe(2);
    expect(splitInTwo([3, 4, 3, 6, 6, 9, 1, 8, 8])).toBe(5); // 22 against 26
    expect(splitInTwo([10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toBe(1); // one tall card balances ten short ones
  });
  it("gives each column at least one card, and the earlier split on a tie", () => {
    expect(splitInTwo([1, 100])).toBe(1);
    expect(splitInTwo([100, 1])).toBe(1);
    expect(splitInTwo([2, 2, 2])).toBe(1); // 2|4 and 4|2 tie: the first column is not made the taller
  });
  it("leaves nothing to split with fewer than two cards", () => {
    expect(splitInTwo([])).toBe(0);
    expect(splitInTwo([5])).toBe(1);
  });
});
