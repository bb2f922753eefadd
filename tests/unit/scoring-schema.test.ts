import { describe, expect, it } from "vitest";
import { ZScorecardUpdate, ZSelectionModel, ZTierOverride, type TSelectionModelInput } from "@/lib/scoring/schema";

const labels = ["Very low", "Low", "Medium", "High", "Very high"];
const tier = (name: string, rank: number, minScore: number, isKey = true) => ({
  name,
  rank,
  minScore,
  isKey,
  reviewEveryMonths: 6,
  contactEveryDays: 30,
});
const valid = (): TSelectionModelInput => ({
  criteria: [
    { name: "Current revenue", weight: 3, scaleLabels: labels, active: true },
    { name: "Strategic fit", weight: 2, scaleLabels: labels, active: true },
  ],
  tiers: [tier("Gold", 1, 75), tier("Silver", 2, 60), tier("Not a key account", 3, 0, false)],
  namingScheme: "gold-silver-bronze",
  version: 1,
});

const paths = (input: unknown) => {
  const r = ZSelectionModel.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("ZSelectionModel", () => {
  it("accepts a sensible model and fills defaults", () => {
    const r = ZSelectionModel.parse(valid());
    expect(r.tiers[0]).toMatchObject({ executiveSponsor: false, capacity: null, serviceNotes: "" });
  });
  it("needs exactly five written scale points", () => {
    const m = valid();
    m.criteria[0].scaleLabels = labels.slice(0, 4);
    expect(paths(m)).toContain("criteria.0.scaleLabels");
    m.criteria[0].scaleLabels = [...labels.slice(0, 4), "  "];
    expect(paths(m)).toContain("criteria.0.scaleLabels.4");
  });
  it("refuses negative weights but accepts zero", () => {
    const m = valid();
    m.criteria[1].weight = -1;
    expect(paths(m)).toContain("criteria.1.weight");
    m.criteria[1].weight = 0;
    expect(paths(m)).toEqual([]);
  });
  it("needs at least one active weighted criterion", () => {
    const m = valid();
    m.criteria.forEach((c) => (c.weight = 0));
    expect(paths(m)).toContain("criteria");
  });
  it("requires exactly one 'not a key account' tier, lowest, starting at 0", () => {
    const twoNonKey = valid();
    twoNonKey.tiers[1].isKey = false;
    expect(paths(twoNonKey)).toContain("tiers");
    const notLowest = valid();
    notLowest.tiers = [tier("Gold", 1, 75), tier("None", 2, 0, false), tier("Silver", 3, 60)];
    expect(paths(notLowest)).toContain("tiers.1.rank");
    const notZero = valid();
    notZero.tiers[2].minScore = 10;
    expect(paths(notZero)).toContain("tiers.2.minScore");
  });
  it("requires thresholds to fall strictly with rank", () => {
    const m = valid();
    m.tiers[1].minScore = 75;
    expect(paths(m)).toContain("tiers.1.minScore");
  });
  it("requires unique tier names and ranks", () => {
    const m = valid();
    m.tiers[1].name = "gold";
    expect(paths(m)).toContain("tiers.1.name");
    const r = valid();
    r.tiers[1].rank = 1;
    expect(paths(r)).toContain("tiers.1.rank");
  });
  it("bounds service levels and string lengths", () => {
    const m = valid();
    m.tiers[0].reviewEveryMonths = 37;
    m.criteria[0].name = "x".repeat(81);
    expect(paths(m)).toEqual(expect.arrayContaining(["tiers.0.reviewEveryMonths", "criteria.0.name"]));
  });
  it("knows only the listed naming schemes", () => {
    expect(paths({ ...valid(), namingScheme: "platinum" })).toContain("namingScheme");
  });
});

describe("ZScorecardUpdate", () => {
  it("accepts whole scores 1–5 with a rationale", () => {
    expect(ZScorecardUpdate.parse({ scores: [{ criterionId: "c1", value: 4, rationale: "Big" }], version: 2 }).scores[0].value).toBe(4);
  });
  it("names the score that is off the scale", () => {
    const r = ZScorecardUpdate.safeParse({ scores: [{ criterionId: "c1", value: 3 }, { criterionId: "c2", value: 6 }], version: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["scores", 1, "value"]);
    expect(ZScorecardUpdate.safeParse({ scores: [{ criterionId: "c1", value: 2.5 }], version: 1 }).success).toBe(false);
  });
  it("takes null as 'clear this score', but not a missing value", () => {
    expect(ZScorecardUpdate.parse({ scores: [{ criterionId: "c1", value: null }], version: 1 }).scores[0].value).toBeNull();
    const r = ZScorecardUpdate.safeParse({ scores: [{ criterionId: "c1" }], version: 1 });
    expect(r.error?.issues[0].path).toEqual(["scores", 0, "value"]);
  });
  it("refuses the same criterion twice and an overlong rationale", () => {
    expect(ZScorecardUpdate.safeParse({ scores: [{ criterionId: "c1", value: 3 }, { criterionId: "c1", value: 4 }], version: 1 }).success).toBe(false);
    expect(ZScorecardUpdate.safeParse({ scores: [{ criterionId: "c1", value: 3, rationale: "x".repeat(2001) }], version: 1 }).success).toBe(false);
  });
});

describe("ZTierOverride", () => {
  it("needs a written reason", () => {
    expect(ZTierOverride.safeParse({ tierId: "gold", reason: "  ok  ", expectedOverrideAt: null }).success).toBe(false);
    expect(ZTierOverride.parse({ tierId: "gold", reason: "Strategic partner for 2027 launch", expectedOverrideAt: null }).reason).toContain("Strategic");
  });

  it("needs the override the person saw: its time, or null for none", () => {
    const body = { tierId: "gold", reason: "Strategic partner for 2027 launch" };
    expect(ZTierOverride.parse({ ...body, expectedOverrideAt: "2026-11-30T09:15:00.123Z" }).expectedOverrideAt).toBe("2026-11-30T09:15:00.123Z");
    for (const bad of [undefined, "", "yesterday", 1764494100000]) {
      const r = ZTierOverride.safeParse({ ...body, expectedOverrideAt: bad });
      expect(r.success, String(bad)).toBe(false);
      expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["expectedOverrideAt"]);
    }
  });
});
