import { describe, expect, it } from "vitest";
import { machineBusyMs } from "../../bench/lib/cpu";

describe("machineBusyMs (npm run bench's machine CPU per request)", () => {
  it("adds user, nice, system, irq, softirq and steal of all cores, in ms, leaving idle and iowait out", () => {
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice
    const stat = "cpu  1000 20 300 90000 500 7 40 3 0 0\ncpu0 500 10 150 45000 250 3 20 1 0 0\n";
    expect(machineBusyMs(stat)).toBe((1000 + 20 + 300 + 7 + 40 + 3) * 10);
  });

  it("is null for text that is not /proc/stat", () => {
    expect(machineBusyMs("intr 1 2 3\n")).toBeNull();
  });

  it.runIf(process.platform === "linux")("on Linux, counts the CPU this process spends", () => {
    const first = machineBusyMs();
    expect(first).not.toBeNull();
    const mine = process.cpuUsage();
    let spin = 0;
    while (process.cpuUsage(mine).user < 200_000) spin++; // 200 ms of this process's CPU
    expect(spin).toBeGreaterThan(0);
    // /proc/stat counts in 10 ms ticks; the machine did at least what this process did.
    expect(machineBusyMs()! - first!).toBeGreaterThanOrEqual(150);
  });
});
