import { describe, expect, it } from "vitest";
import { diffPlanContent, diffText, samePlanContent } from "@/lib/plans/model";
import { emptyPlanContent, type TPlanContent } from "@/lib/plans/schema";

const plan = (over: Partial<TPlanContent>): TPlanContent => ({ ...emptyPlanContent(), ...over });
const section = (d: ReturnType<typeof diffPlanContent>, key: string) => d.sections.find((s) => s.key === key)!;

describe("diffText", () => {
  it("shows words added, removed and kept, in order", () => {
    const d = diffText("We grow in the north.", "We grow fast in the south.");
    expect(d.status).toBe("changed");
    expect(d.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["fast", "south"]);
    expect(d.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["north"]);
    expect(d.wordsAdded).toBe(2);
    expect(d.wordsRemoved).toBe(1);
    // Reading only the kept and added parts gives the newer text back.
    expect(d.parts.filter((p) => !p.removed).map((p) => p.value).join("")).toBe("We grow fast in the south.");
  });

  it("counts lines added and removed", () => {
    const d = diffText("one\ntwo\n", "one\nthree\nfour\n");
    expect(d.linesRemoved).toBe(1);
    expect(d.linesAdded).toBe(2);
  });

  it("calls written-from-nothing added and emptied removed", () => {
    expect(diffText("", "New text").status).toBe("added");
    expect(diffText("Old text", "").status).toBe("removed");
    expect(diffText("Same", "Same").status).toBe("unchanged");
  });
});

describe("diffPlanContent", () => {
  it("lists every section in plan order and which ones changed", () => {
    const a = plan({ strategy: "Land and expand", risks: "Competitor X" });
    const b = plan({ strategy: "Land and expand in Europe", risks: "Competitor X" });
    const d = diffPlanContent(a, b);
    expect(d.sections.map((s) => s.key)).toEqual([
      "keyInformation",
      "customerObjectives",
      "objectives",
      "financialTargets",
      "strategy",
      "opportunities",
      "risks",
      "howTheyBuy",
      "criticalSuccessFactors",
      "resources",
    ]);
    expect(d.changedSections).toEqual(["strategy"]);
    expect(section(d, "risks").status).toBe("unchanged");
  });

  it("compares key information field by field", () => {
    const a = plan({ keyInformation: { global: "Market shrinking", corporate: "", project: "ERP rollout" } });
    const b = plan({ keyInformation: { global: "Market shrinking", corporate: "New CEO from retail", project: "ERP rollout" } });
    const s = section(diffPlanContent(a, b), "keyInformation");
    expect(s.kind).toBe("text");
    if (s.kind !== "text") return;
    expect(s.fields.map((f) => [f.key, f.status])).toEqual([
      ["global", "unchanged"],
      ["corporate", "added"],
      ["project", "unchanged"],
    ]);
    expect(s.status).toBe("changed");
  });

  it("matches objectives by id, so a retitled objective is changed, not removed and added", () => {
    const a = plan({
      objectives: [
        { id: "o1", title: "Become preferred supplier", description: "" },
        { id: "o2", title: "Enter the Nordics", description: "" },
      ],
    });
    const b = plan({
      objectives: [
        { id: "o1", title: "Become sole supplier", description: "" },
        { id: "o3", title: "Win the service contract", description: "", horizonYear: 2027 },
      ],
    });
    const s = section(diffPlanContent(a, b), "objectives");
    if (s.kind !== "objectives") throw new Error("expected objectives");
    expect(s.items.map((i) => [i.id, i.status])).toEqual([
      ["o1", "changed"],
      ["o3", "added"],
      ["o2", "removed"],
    ]);
    expect(s.items[0].title.parts.some((p) => p.removed && p.value.includes("preferred"))).toBe(true);
  });

  it("sees a changed horizon year on an otherwise identical objective", () => {
    const o = { id: "o1", title: "T", description: "D" };
    const s = section(diffPlanContent(plan({ objectives: [o] }), plan({ objectives: [{ ...o, horizonYear: 2028 }] })), "objectives");
    if (s.kind !== "objectives") throw new Error("expected objectives");
    expect(s.items[0].status).toBe("changed");
  });

  it("compares financial targets by year", () => {
    const a = plan({ financialTargets: [{ year: 2026, revenue: 100, margin: 20 }, { year: 2027, revenue: 120, margin: 25 }] });
    const b = plan({ financialTargets: [{ year: 2027, revenue: 130, margin: 25 }, { year: 2028, revenue: 150, margin: 30 }] });
    const s = section(diffPlanContent(a, b), "financialTargets");
    if (s.kind !== "targets") throw new Error("expected targets");
    expect(s.rows.map((r) => [r.year, r.status])).toEqual([
      [2026, "removed"],
      [2027, "changed"],
      [2028, "added"],
    ]);
    expect(s.rows[1].before).toEqual({ revenue: 120, margin: 25 });
    expect(s.rows[1].after).toEqual({ revenue: 130, margin: 25 });
  });

  it("reports nothing changed for identical plans", () => {
    const a = plan({ strategy: "S", objectives: [{ id: "o", title: "T", description: "" }] });
    expect(diffPlanContent(a, structuredClone(a)).changedSections).toEqual([]);
  });
});

describe("samePlanContent", () => {
  it("ignores key order and an absent versus null horizon year", () => {
    const a = plan({ objectives: [{ id: "o", title: "T", description: "", horizonYear: null }] });
    const b = { ...plan({}), objectives: [{ description: "", title: "T", id: "o" }] } as TPlanContent;
    expect(samePlanContent(a, b)).toBe(true);
    expect(samePlanContent(a, plan({ strategy: "x" }))).toBe(false);
  });
});
