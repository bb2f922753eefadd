import { describe, expect, it } from "vitest";
import {
  LIMITS,
  ZActionInput,
  ZActionPatch,
  ZDraftSave,
  ZFinancialYearInput,
  ZPlanContent,
  ZStageChange,
  ZTrafficLightInput,
  emptyPlanContent,
  planContentErrors,
  readPlanContent,
  sectionOfPath,
} from "@/lib/plans/schema";

describe("ZPlanContent", () => {
  it("accepts the empty plan, so a brand-new draft can be saved", () => {
    expect(ZPlanContent.parse(emptyPlanContent())).toEqual(emptyPlanContent());
  });

  it("fills sections missing from older stored content instead of failing", () => {
    const old = { strategy: "Grow with them", objectives: [{ id: "o1", title: "Win the north" }] };
    const read = readPlanContent(old);
    expect(read.strategy).toBe("Grow with them");
    expect(read.keyInformation).toEqual({ global: "", corporate: "", project: "" });
    expect(read.objectives[0]).toMatchObject({ id: "o1", title: "Win the north", description: "" });
  });

  it("keeps unreadable stored content viewable as an empty plan", () => {
    expect(readPlanContent({ strategy: 42 })).toEqual(emptyPlanContent());
  });

  it("keeps exactly what was typed, including trailing spaces mid-sentence", () => {
    const c = { ...emptyPlanContent(), strategy: "We will ", objectives: [{ id: "a", title: "Grow ", description: "" }] };
    const parsed = ZPlanContent.parse(c);
    expect(parsed.strategy).toBe("We will ");
    expect(parsed.objectives[0].title).toBe("Grow ");
  });

  it("refuses a section over its length limit", () => {
    const c = { ...emptyPlanContent(), risks: "x".repeat(LIMITS.longText + 1) };
    expect(ZPlanContent.safeParse(c).success).toBe(false);
    expect(ZPlanContent.safeParse({ ...c, risks: "x".repeat(LIMITS.longText) }).success).toBe(true);
  });

  it("allows a horizon of 1 to 5 years and refuses 6 or a span wider than 5 years", () => {
    const t = (year: number) => ({ year, revenue: 1000, margin: 200 });
    const base = emptyPlanContent();
    expect(ZPlanContent.safeParse({ ...base, financialTargets: [t(2026)] }).success).toBe(true);
    expect(ZPlanContent.safeParse({ ...base, financialTargets: [2026, 2027, 2028, 2029, 2030].map(t) }).success).toBe(true);
    expect(ZPlanContent.safeParse({ ...base, financialTargets: [2026, 2027, 2028, 2029, 2030, 2031].map(t) }).success).toBe(false);
    expect(ZPlanContent.safeParse({ ...base, financialTargets: [t(2026), t(2031)] }).success).toBe(false);
  });

  it("refuses the same year twice and negative revenue, but allows a negative margin", () => {
    const base = emptyPlanContent();
    expect(ZPlanContent.safeParse({ ...base, financialTargets: [{ year: 2026, revenue: 1, margin: 1 }, { year: 2026, revenue: 2, margin: 1 }] }).success).toBe(false);
    expect(ZPlanContent.safeParse({ ...base, financialTargets: [{ year: 2026, revenue: -1, margin: 1 }] }).success).toBe(false);
    expect(ZPlanContent.safeParse({ ...base, financialTargets: [{ year: 2026, revenue: 10, margin: -5 }] }).success).toBe(true);
  });

  it("lets a draft hold a target year whose figures are not typed yet", () => {
    const parsed = ZPlanContent.parse({ ...emptyPlanContent(), financialTargets: [{ year: 2027 }] });
    expect(parsed.financialTargets).toEqual([{ year: 2027, revenue: null, margin: null }]);
  });

  it("refuses two objectives with the same id (actions point at objectives by id)", () => {
    const o = { id: "same", title: "A", description: "" };
    expect(ZPlanContent.safeParse({ ...emptyPlanContent(), objectives: [o, { ...o, title: "B" }] }).success).toBe(false);
  });
});

describe("planContentErrors", () => {
  it("names the section (and the sub-field) a 422 is about", () => {
    const r = ZDraftSave.safeParse({
      version: 3,
      content: { ...emptyPlanContent(), keyInformation: { global: "x".repeat(LIMITS.keyInfo + 1), corporate: "", project: "" } },
    });
    expect(r.success).toBe(false);
    const fields = planContentErrors(r.error!);
    expect(Object.keys(fields)).toEqual(["keyInformation"]);
    expect(fields.keyInformation).toMatch(/^Key information \(Global\): At most 10,000 characters/);
  });

  it("points at the objective by its position", () => {
    const r = ZPlanContent.safeParse({ ...emptyPlanContent(), objectives: [{ id: "ok", title: "" }, { id: "bad id!", title: "" }] });
    const fields = planContentErrors(r.error!);
    expect(fields.objectives).toMatch(/Our objectives \(objective 2, id\)/);
  });

  it("keeps non-content errors under their own path", () => {
    const r = ZDraftSave.safeParse({ content: emptyPlanContent() });
    expect(planContentErrors(r.error!)).toHaveProperty("version");
  });

  it("maps paths with or without the content prefix", () => {
    expect(sectionOfPath(["content", "strategy"])).toBe("strategy");
    expect(sectionOfPath(["howTheyBuy", "decisionProcess"])).toBe("howTheyBuy");
    expect(sectionOfPath(["version"])).toBeNull();
  });
});

describe("action, light, financial year and stage inputs", () => {
  it("defaults a new action to open with no objective", () => {
    const a = ZActionInput.parse({ title: " Call the CFO ", ownerId: "u1", dueDate: "2026-03-01" });
    expect(a).toEqual({ title: "Call the CFO", ownerId: "u1", dueDate: "2026-03-01", status: "OPEN", objectiveRef: null, notes: "" });
  });

  it("refuses an action without a title, with an impossible date or an unknown status", () => {
    expect(ZActionInput.safeParse({ title: "  ", ownerId: "u1", dueDate: "2026-03-01" }).success).toBe(false);
    expect(ZActionInput.safeParse({ title: "A", ownerId: "u1", dueDate: "2026-02-30" }).success).toBe(false);
    expect(ZActionInput.safeParse({ title: "A", ownerId: "u1", dueDate: "2026-03-01", status: "LATER" }).success).toBe(false);
  });

  it("requires a version on an action patch and something to change", () => {
    expect(ZActionPatch.safeParse({ status: "DONE" }).success).toBe(false);
    expect(ZActionPatch.safeParse({ version: 2 }).success).toBe(false);
    expect(ZActionPatch.parse({ status: "DONE", version: 2 })).toEqual({ status: "DONE", version: 2 });
  });

  it("takes a traffic light with a one-line reason only", () => {
    expect(ZTrafficLightInput.safeParse({ area: "delivery", color: "AMBER", reason: "Go-live slipped two weeks" }).success).toBe(true);
    expect(ZTrafficLightInput.safeParse({ area: "delivery", color: "AMBER", reason: "line one\nline two" }).success).toBe(false);
    expect(ZTrafficLightInput.safeParse({ area: "delivery", color: "AMBER", reason: "" }).success).toBe(false);
    expect(ZTrafficLightInput.safeParse({ area: "delivery", color: "AMBER", reason: "x".repeat(201) }).success).toBe(false);
    expect(ZTrafficLightInput.safeParse({ area: "mood", color: "AMBER", reason: "x" }).success).toBe(false);
    expect(ZTrafficLightInput.safeParse({ area: "delivery", color: "BLUE", reason: "x" }).success).toBe(false);
  });

  it("records targets and actuals for a year, each optional", () => {
    expect(ZFinancialYearInput.parse({ year: 2025, actualRevenue: 1_200_000 })).toEqual({ year: 2025, actualRevenue: 1_200_000 });
    expect(ZFinancialYearInput.safeParse({ year: 1999 }).success).toBe(false);
    expect(ZFinancialYearInput.safeParse({ year: 2025, actualRevenue: -1 }).success).toBe(false);
  });

  it("takes a stage from the five lifecycle stages", () => {
    expect(ZStageChange.parse({ stage: "IMPLEMENTATION", fromStage: "PRE_SALES" })).toEqual({ stage: "IMPLEMENTATION", fromStage: "PRE_SALES", note: "" });
    expect(ZStageChange.safeParse({ stage: "DELIVERY", fromStage: "PRE_SALES" }).success).toBe(false);
  });

  it("needs the stage the account moves from, so a move from an out-of-date page can be refused", () => {
    const missing = ZStageChange.safeParse({ stage: "IMPLEMENTATION" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["fromStage", "Send the stage you are moving the account from"]]);
    expect(ZStageChange.safeParse({ stage: "IMPLEMENTATION", fromStage: "DELIVERY" }).success).toBe(false);
  });
});
