import { describe, expect, it } from "vitest";
import { demoTemplateOf, e2eDatabaseStartedAt, newE2eDatabaseName } from "../../scripts/e2e-db.mjs";

// The e2e server drops the databases of abandoned runs by their age, read from their names: a
// name set by hand must never be taken for one.
describe("e2e database names", () => {
  it("carry the run's start time, which the cleanup reads back, for the run and its template", () => {
    const before = Date.now();
    const name = newE2eDatabaseName();
    expect(name).toMatch(/^keystone_e2e_[0-9a-z]{8,}$/);
    const started = e2eDatabaseStartedAt(name)!;
    expect(started).toBeGreaterThanOrEqual(before);
    expect(started).toBeLessThanOrEqual(Date.now());
    expect(demoTemplateOf(name)).toBe(`${name}_demo`);
    expect(e2eDatabaseStartedAt(demoTemplateOf(name))).toBe(started);
  });

  it("take a name set by hand for no run's, so it is never dropped as abandoned", () => {
    expect(e2eDatabaseStartedAt("keystone_e2e_x1")).toBeNull();
    expect(e2eDatabaseStartedAt("keystone_e2e_x1_demo")).toBeNull();
    expect(e2eDatabaseStartedAt("keystone_e2e_mine")).toBeNull();
    expect(e2eDatabaseStartedAt("keystone_e2e_")).toBeNull();
  });
});
