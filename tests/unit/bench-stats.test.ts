import { describe, expect, it } from "vitest";
import { quantileMs, ratio, roundRatios, verdict } from "../../bench/lib/stats";

describe("npm run bench's figures", () => {
  it("reads a quantile from unsorted times, to 0.1 ms, without reordering them", () => {
    const times = [30.04, 10.01, 20.06, 40.0];
    expect(quantileMs(times, 0.5)).toBe(30);
    expect(quantileMs(times, 0.95)).toBe(40);
    expect(quantileMs(times, 0)).toBe(10);
    expect(times).toEqual([30.04, 10.01, 20.06, 40.0]);
    expect(quantileMs([], 0.5)).toBeNaN();
  });

  it("gives each round's ratio of medians beside the run's", () => {
    const app = [
      [30, 31, 32],
      [40, 41, 42],
      [20, 21, 22],
    ];
    const raw = [
      [15, 16, 17],
      [19, 20, 21],
      [14, 14, 14],
    ];
    expect(roundRatios(app, raw)).toEqual([ratio(31, 16), ratio(41, 20), ratio(21, 14)]);
    expect(roundRatios(app, raw)).toEqual([1.94, 2.05, 1.5]);
    // A baseline under 0.1 ms counts as 0.1, so a ratio is never infinite.
    expect(ratio(3, 0)).toBe(30);
  });

  it("passes only when every request other than the floor is within 2× and nothing failed", () => {
    const floor = { request: "framework floor", ratio: 4.5, errors: 0 };
    const ok = [floor, { request: "scorecard", ratio: 2, errors: 0 }, { request: "plan", ratio: 1.4, errors: 0 }];
    expect(verdict(ok)).toEqual({ ok: true, judged: 2, missed: [], errors: 0 });

    const slow = [floor, { request: "scorecard", ratio: 2.01, errors: 0 }, { request: "plan", ratio: 1.4, errors: 0 }];
    expect(verdict(slow)).toMatchObject({ ok: false, missed: [{ request: "scorecard", ratio: 2.01 }] });

    const failing = [{ ...floor, errors: 1 }, { request: "plan", ratio: 1.4, errors: 0 }];
    expect(verdict(failing)).toMatchObject({ ok: false, missed: [], errors: 1 });

    // A ratio that could not be computed is not a pass, and an empty run proves nothing.
    expect(verdict([{ request: "plan", ratio: NaN, errors: 0 }]).ok).toBe(false);
    expect(verdict([floor])).toMatchObject({ ok: false, judged: 0 });
  });
});
