import { describe, expect, it } from "vitest";
import {
  NAMING_SCHEMES,
  applyNamingScheme,
  capacityUse,
  criterionLevers,
  effectiveTier,
  managersOverLimit,
  previewModelChange,
  scalePoints,
  scoreAccount,
  tierFor,
  weightShares,
  whatMovesIt,
  type TPreviewModel,
} from "@/lib/scoring/model";

const crit = (id: string, weight: number, active = true) => ({ id, weight, active });
const s = (criterionId: string, value: number) => ({ criterionId, value });

const TIERS = [
  { id: "gold", name: "Gold", rank: 1, minScore: 75, isKey: true, capacity: 2 },
  { id: "silver", name: "Silver", rank: 2, minScore: 60, isKey: true, capacity: null },
  { id: "bronze", name: "Bronze", rank: 3, minScore: 45, isKey: true, capacity: null },
  { id: "none", name: "Not a key account", rank: 4, minScore: 0, isKey: false, capacity: null },
];

describe("scalePoints", () => {
  it("maps the 1–5 scale onto 0–100", () => {
    expect([1, 2, 3, 4, 5].map(scalePoints)).toEqual([0, 25, 50, 75, 100]);
  });
});

describe("scoreAccount", () => {
  const criteria = [crit("a", 3), crit("b", 1), crit("c", 1), crit("d", 0), crit("e", 5, false)];

  it("weights the scored criteria and reports the contribution of each", () => {
    const r = scoreAccount(criteria, [s("a", 5), s("b", 3), s("c", 1)]);
    // a: 60% of 100 = 60, b: 20% of 50 = 10, c: 20% of 0 = 0
    expect(r.score).toBe(70);
    const a = r.breakdown.find((x) => x.criterionId === "a")!;
    expect(a.weight).toBeCloseTo(60);
    expect(a.contribution).toBeCloseTo(60);
    expect(r.breakdown.reduce((sum, x) => sum + x.contribution, 0)).toBeCloseTo(70);
    expect(r.completeness).toEqual({ scored: 3, total: 3 });
  });

  it("is compensatory: a lowest score on one criterion is offset by the others", () => {
    const balanced = scoreAccount([crit("a", 1), crit("b", 1), crit("c", 1)], [s("a", 4), s("b", 4), s("c", 4)]);
    const oneLow = scoreAccount([crit("a", 1), crit("b", 1), crit("c", 1)], [s("a", 1), s("b", 5), s("c", 5)]);
    expect(oneLow.score).toBeCloseTo(66.7, 1);
    expect(balanced.score).toBe(75);
    // The account with a 1 still reaches Silver: nothing disqualifies it by itself.
    expect(tierFor(oneLow.score, TIERS)?.id).toBe("silver");
  });

  it("leaves unscored criteria out, renormalises the rest and says how complete it is", () => {
    const r = scoreAccount(criteria, [s("a", 4)]);
    expect(r.score).toBe(75);
    expect(r.completeness).toEqual({ scored: 1, total: 3 });
    const b = r.breakdown.find((x) => x.criterionId === "b")!;
    expect(b.value).toBeNull();
    expect(b.contribution).toBe(0);
    expect(b.weight).toBe(0);
    expect(b.modelWeight).toBeCloseTo(20);
  });

  it("has no score until a weighted criterion is scored", () => {
    expect(scoreAccount(criteria, []).score).toBeNull();
    // Only a zero-weight and an inactive criterion scored: still nothing to go on.
    const r = scoreAccount(criteria, [s("d", 5), s("e", 5)]);
    expect(r.score).toBeNull();
    expect(r.completeness).toEqual({ scored: 0, total: 3 });
  });

  it("shows zero-weight criteria but lets them contribute nothing", () => {
    const withD = scoreAccount(criteria, [s("a", 2), s("b", 2), s("c", 2), s("d", 5)]);
    const withoutD = scoreAccount(criteria, [s("a", 2), s("b", 2), s("c", 2)]);
    expect(withD.score).toBe(withoutD.score);
    const d = withD.breakdown.find((x) => x.criterionId === "d")!;
    expect(d).toMatchObject({ value: 5, weight: 0, contribution: 0, modelWeight: 0 });
  });

  it("ignores inactive criteria entirely", () => {
    const r = scoreAccount(criteria, [s("a", 1), s("e", 5)]);
    expect(r.score).toBe(0);
    expect(r.breakdown.map((x) => x.criterionId)).not.toContain("e");
  });

  it("ignores scores for criteria no longer in the model", () => {
    expect(scoreAccount([crit("a", 1)], [s("a", 3), s("gone", 5)]).score).toBe(50);
  });

  it("refuses a value outside the scale instead of inventing a score", () => {
    expect(() => scoreAccount(criteria, [s("a", 6)])).toThrow(RangeError);
    expect(() => scoreAccount(criteria, [s("a", 2.5)])).toThrow(RangeError);
  });

  it("keeps one decimal so the shown score is the tiered score", () => {
    const r = scoreAccount([crit("a", 1), crit("b", 1), crit("c", 1)], [s("a", 5), s("b", 5), s("c", 4)]);
    expect(r.score).toBe(91.7);
  });

  it("does not care whether weights add up to anything", () => {
    const small = scoreAccount([crit("a", 0.2), crit("b", 0.8)], [s("a", 5), s("b", 1)]);
    const big = scoreAccount([crit("a", 20), crit("b", 80)], [s("a", 5), s("b", 1)]);
    expect(small.score).toBe(20);
    expect(big.score).toBe(20);
  });
});

describe("weightShares", () => {
  it("shows weights as percentages of the active model", () => {
    const shares = weightShares([crit("a", 3), crit("b", 1), crit("c", 4, false), crit("d", 0)]);
    expect(shares.get("a")).toBeCloseTo(75);
    expect(shares.get("b")).toBeCloseTo(25);
    expect(shares.get("c")).toBe(0);
    expect(shares.get("d")).toBe(0);
  });
});

describe("tierFor", () => {
  it("picks the highest tier whose minimum the score reaches", () => {
    expect(tierFor(80, TIERS)?.id).toBe("gold");
    expect(tierFor(74.9, TIERS)?.id).toBe("silver");
    expect(tierFor(10, TIERS)?.id).toBe("none");
  });
  it("puts a score exactly on a threshold in the higher tier", () => {
    expect(tierFor(75, TIERS)?.id).toBe("gold");
    expect(tierFor(60, TIERS)?.id).toBe("silver");
    expect(tierFor(45, TIERS)?.id).toBe("bronze");
  });
  it("does not depend on the order tiers are listed in", () => {
    expect(tierFor(61, [...TIERS].reverse())?.id).toBe("silver");
  });
  it("makes an unscored account 'not a key account'", () => {
    expect(tierFor(null, TIERS)?.id).toBe("none");
  });
  it("lands a score on a computed threshold (float noise) in the higher tier", () => {
    const score = scoreAccount([crit("a", 1), crit("b", 2)], [s("a", 5), s("b", 3)]).score; // 66.666… → 66.7
    expect(tierFor(score, [{ id: "x", rank: 1, minScore: 66.7, isKey: true }, { id: "y", rank: 2, minScore: 0, isKey: false }])?.id).toBe("x");
  });
});

describe("effectiveTier", () => {
  it("serves an overridden account at the override tier", () => {
    expect(effectiveTier("bronze", "gold")).toEqual({ tierId: "gold", overridden: true });
    expect(effectiveTier("bronze", null)).toEqual({ tierId: "bronze", overridden: false });
  });
  it("keeps the override across re-scoring: the computed tier changes, the served tier does not", () => {
    const criteria = [crit("a", 1)];
    const before = tierFor(scoreAccount(criteria, [s("a", 2)]).score, TIERS)!.id; // 25 → none
    const after = tierFor(scoreAccount(criteria, [s("a", 5)]).score, TIERS)!.id; // 100 → gold
    expect(before).toBe("none");
    expect(after).toBe("gold");
    expect(effectiveTier(before, "silver").tierId).toBe("silver");
    expect(effectiveTier(after, "silver").tierId).toBe("silver");
  });
});

describe("whatMovesIt", () => {
  it("gives the points to the next tier up and the margin above the current threshold", () => {
    const r = whatMovesIt(68.5, TIERS);
    expect(r.current?.id).toBe("silver");
    expect(r.up).toMatchObject({ tier: { id: "gold" }, pointsNeeded: 6.5 });
    expect(r.down).toMatchObject({ tier: { id: "bronze" }, margin: 8.5 });
  });
  it("has nothing above the top tier and nothing below the lowest", () => {
    expect(whatMovesIt(90, TIERS).up).toBeNull();
    const low = whatMovesIt(20, TIERS);
    expect(low.down).toBeNull();
    expect(low.up).toMatchObject({ tier: { id: "bronze" }, pointsNeeded: 25 });
  });
  it("has a zero margin exactly on the threshold", () => {
    expect(whatMovesIt(60, TIERS).down?.margin).toBe(0);
  });
  it("cannot say what moves an unscored account", () => {
    expect(whatMovesIt(null, TIERS)).toMatchObject({ current: { id: "none" }, up: null, down: null });
  });
});

describe("criterionLevers", () => {
  it("gives the points one step on a criterion is worth", () => {
    const r = scoreAccount([crit("a", 3), crit("b", 1)], [s("a", 5), s("b", 1)]);
    const levers = criterionLevers(r.breakdown);
    expect(levers.find((l) => l.criterionId === "a")).toMatchObject({ stepUp: null, stepDown: 18.75 });
    expect(levers.find((l) => l.criterionId === "b")).toMatchObject({ stepUp: 6.25, stepDown: null });
  });
});

describe("capacity and manager limits", () => {
  it("flags tiers serving more accounts than their capacity", () => {
    const use = capacityUse(TIERS, ["gold", "gold", "gold", "silver", null]);
    expect(use[0]).toMatchObject({ count: 3, over: 1 });
    expect(use[1]).toMatchObject({ count: 1, over: 0 });
  });
  it("flags managers over their key account limit, ignoring those without one", () => {
    const managers = [
      { id: "m1", maxKeyAccounts: 2 },
      { id: "m2", maxKeyAccounts: null },
      { id: "m3", maxKeyAccounts: 3 },
    ];
    const over = managersOverLimit(managers, ["m1", "m1", "m1", "m2", "m2", "m2", "m2", "m3"]);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ manager: { id: "m1" }, count: 3, over: 1 });
  });
});

describe("naming schemes", () => {
  it("renames key tiers by rank and leaves 'not a key account' alone", () => {
    const renamed = applyNamingScheme(TIERS, "travel-class");
    expect(renamed.map((t) => t.name)).toEqual(["First class", "Club class", "Economy class", "Not a key account"]);
    expect(applyNamingScheme(TIERS, "custom").map((t) => t.name)).toEqual(TIERS.map((t) => t.name));
  });
  it("offers the three schemes from the issue plus custom", () => {
    expect(NAMING_SCHEMES["premier-league"].keyTierNames).toEqual(["Premier League", "Division 1", "Division 2"]);
    expect(Object.keys(NAMING_SCHEMES)).toContain("custom");
  });
});

describe("previewModelChange", () => {
  const current: TPreviewModel = { criteria: [crit("a", 1), crit("b", 1)], tiers: TIERS };
  // a=5,b=1 → 50 (bronze); a=1,b=5 → 50 (bronze); a=4,b=4 → 75 (gold); a=3,b=2 → 37.5 (none)
  const accounts = [
    { id: "p", scores: [s("a", 5), s("b", 1)], overrideTierId: null },
    { id: "q", scores: [s("a", 1), s("b", 5)], overrideTierId: null },
    { id: "r", scores: [s("a", 4), s("b", 4)], overrideTierId: null },
    { id: "t", scores: [s("a", 3), s("b", 2)], overrideTierId: "silver" },
    { id: "u", scores: [], overrideTierId: null },
  ];

  it("reports which accounts move up and down when weights change", () => {
    const draft: TPreviewModel = { criteria: [crit("a", 3), crit("b", 1)], tiers: TIERS };
    const r = previewModelChange(accounts, current, draft);
    const row = (id: string) => r.rows.find((x) => x.accountId === id)!;
    expect(row("p")).toMatchObject({ oldScore: 50, newScore: 75, oldTierKey: "bronze", newTierKey: "gold", move: "up" });
    expect(row("q")).toMatchObject({ oldScore: 50, newScore: 25, newTierKey: "none", move: "down" });
    expect(row("r").move).toBe("same");
    expect(row("u")).toMatchObject({ oldScore: null, newScore: null, move: "same" });
    expect(r.summary).toMatchObject({ accounts: 5, up: 1, down: 1, unchanged: 3 });
  });

  it("keeps an override but reports the computed change", () => {
    const draft: TPreviewModel = { criteria: [crit("a", 1), crit("b", 0)], tiers: TIERS };
    const r = previewModelChange(accounts, current, draft);
    const t = r.rows.find((x) => x.accountId === "t")!;
    expect(t).toMatchObject({ oldTierKey: "none", newTierKey: "bronze", overrideTierId: "silver", move: "up" });
    expect(r.summary.overriddenMoves).toBe(1);
    const silver = r.summary.tiers.find((x) => x.key === "silver")!;
    expect(silver).toMatchObject({ before: 1, after: 1, movedIn: 0, movedOut: 0 });
  });

  it("counts accounts per tier and flags capacity exceeded", () => {
    const draft: TPreviewModel = {
      criteria: current.criteria,
      tiers: TIERS.map((t) => (t.id === "gold" ? { ...t, minScore: 50 } : t.id === "silver" ? { ...t, minScore: 40 } : t.id === "bronze" ? { ...t, minScore: 30 } : t)),
    };
    const r = previewModelChange(accounts, current, draft);
    const gold = r.summary.tiers.find((x) => x.key === "gold")!;
    expect(gold).toMatchObject({ before: 1, after: 3, movedIn: 2, capacity: 2, overCapacity: true });
    const bronze = r.summary.tiers.find((x) => x.key === "bronze")!;
    expect(bronze).toMatchObject({ before: 2, after: 0, movedOut: 2, movedIn: 0, overCapacity: false });
    // t computes to Bronze now but stays served at its Silver override.
    expect(r.rows.find((x) => x.accountId === "t")).toMatchObject({ newTierKey: "bronze", overrideTierId: "silver" });
    expect(r.summary.tiers.reduce((n, x) => n + x.after, 0)).toBe(accounts.length);
  });

  it("does not call every Gold account a drop when a tier is added above Gold", () => {
    const draft: TPreviewModel = {
      criteria: current.criteria,
      tiers: [{ id: null, name: "Platinum", rank: 1, minScore: 90, isKey: true, capacity: null }, ...TIERS.map((t) => ({ ...t, rank: t.rank + 1 }))],
    };
    const r = previewModelChange(accounts, current, draft);
    expect(r.rows.find((x) => x.accountId === "r")?.move).toBe("same");
    expect(r.summary.tiers[0]).toMatchObject({ key: "new:1", name: "Platinum", before: 0, after: 0 });
  });

  it("flags overrides that point at a tier the draft removes", () => {
    const draft: TPreviewModel = { criteria: current.criteria, tiers: TIERS.filter((t) => t.id !== "silver").map((t) => ({ ...t, rank: t.rank > 2 ? t.rank - 1 : t.rank })) };
    const r = previewModelChange(accounts, current, draft);
    expect(r.summary.overridesOnRemovedTiers).toBe(1);
    expect(r.summary.tiers.find((x) => x.key === "silver")).toMatchObject({ removed: true, before: 1 });
  });

  it("changes nothing when the draft is the current model", () => {
    const r = previewModelChange(accounts, current, current);
    expect(r.summary).toMatchObject({ up: 0, down: 0, unchanged: 5 });
    for (const t of r.summary.tiers) expect(t.before).toBe(t.after);
  });
});
