import { describe, expect, it } from "vitest";
import { formFromModel, formSignature, toDraft, validateForm } from "@/components/scoring/model-form";
import type { TSelectionModelJson } from "@/components/scoring/types";
import { DEFAULT_CRITERIA, DEFAULT_TIERS } from "@/lib/scoring/defaults";

const saved: TSelectionModelJson = {
  version: 4,
  namingScheme: "gold-silver-bronze",
  updatedAt: "2026-11-01T10:00:00.000Z",
  updatedBy: null,
  criteria: DEFAULT_CRITERIA.map((c, i) => ({ ...c, id: `c${i}`, share: 0 })),
  tiers: DEFAULT_TIERS.map((t, i) => ({ ...t, id: `t${i}` })),
};

describe("selection model form", () => {
  it("turns the saved model into a valid draft unchanged", () => {
    const form = formFromModel(saved);
    expect(validateForm(form)).toEqual({});
    const draft = toDraft(form);
    expect(draft.version).toBe(4);
    expect(draft.tiers.map((t) => [t.id, t.rank, t.minScore])).toEqual([["t0", 1, 75], ["t1", 2, 60], ["t2", 3, 45], ["t3", 4, 0]]);
    expect(draft.tiers[3].capacity).toBeNull();
    expect(formSignature(formFromModel(saved))).toBe(formSignature(form));
  });

  it("names the field a half-typed number breaks, with the same key the server uses", () => {
    const form = formFromModel(saved);
    form.criteria[2].weight = "";
    form.tiers[0].capacity = "2.5";
    expect(Object.keys(validateForm(form))).toEqual(expect.arrayContaining(["criteria.2.weight", "tiers.0.capacity"]));
    // Rules across fields are checked once every field reads.
    const crossed = formFromModel(saved);
    crossed.tiers[1].minScore = "80";
    expect(validateForm(crossed)).toEqual({ "tiers.1.minScore": "Must be below Gold's minimum (75)" });
  });

  it("reads a decimal comma and takes ranks from the list order", () => {
    const form = formFromModel(saved);
    form.criteria[0].weight = "12,5";
    form.tiers = [form.tiers[1], form.tiers[0], form.tiers[2], form.tiers[3]];
    const draft = toDraft(form);
    expect(draft.criteria[0].weight).toBe(12.5);
    expect(draft.tiers.map((t) => [t.id, t.rank])).toEqual([["t1", 1], ["t0", 2], ["t2", 3], ["t3", 4]]);
    // Silver (60) now ranks above Gold (75): thresholds no longer fall with rank.
    expect(validateForm(form)).toHaveProperty("tiers.1.minScore");
  });

  it("sees a change as a change, and only then", () => {
    const form = formFromModel(saved);
    const before = formSignature(form);
    form.criteria[3].active = false;
    expect(formSignature(form)).not.toBe(before);
  });
});
