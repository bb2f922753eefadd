import { describe, expect, it } from "vitest";
import { applyFilters, distinct, isFiltered, NO_FILTERS } from "@/components/relationships/filters";
import type { TMapContact, TMapRelationship } from "@/lib/relationships/view";

const c = (id: string, over: Partial<TMapContact> = {}): TMapContact => ({
  id,
  name: id,
  jobTitle: "",
  department: "Ops",
  site: "Oslo",
  seniority: 3,
  reportsToId: null,
  decisionRole: null,
  influence: 3,
  attitude: "NEUTRAL",
  attitudeConfidence: 3,
  email: "",
  competitorAffinity: "",
  version: 1,
  updatedAt: "2025-01-01T00:00:00.000Z",
  ...over,
});
const r = (id: string, userId: string, contactId: string): TMapRelationship => ({
  id,
  userId,
  contactId,
  strength: 3,
  currentLevel: "SUPPLIER_CONTACT",
  targetLevel: "CREDIBLE_SOURCE",
  frequencyDays: null,
  lastInteractionAt: null,
  notes: "",
  version: 1,
});

const map = {
  contacts: [c("Anna", { department: "Finance", jobTitle: "CFO" }), c("Ben", { site: "Bergen", seniority: 1 }), c("Cleo")],
  relationships: [r("1", "u1", "Anna"), r("2", "u2", "Anna"), r("3", "u2", "Ben")],
};

describe("the tab's filters", () => {
  it("filter by department, site, level and search on name or title", () => {
    expect(applyFilters(map, { ...NO_FILTERS, department: "Finance" }).people.map((p) => p.id)).toEqual(["Anna"]);
    expect(applyFilters(map, { ...NO_FILTERS, site: "Bergen" }).people.map((p) => p.id)).toEqual(["Ben"]);
    expect(applyFilters(map, { ...NO_FILTERS, seniority: "1" }).people.map((p) => p.id)).toEqual(["Ben"]);
    expect(applyFilters(map, { ...NO_FILTERS, q: "cfo" }).people.map((p) => p.id)).toEqual(["Anna"]);
  });

  it("a team member filter keeps the people they know, and only their relationships", () => {
    const v = applyFilters(map, { ...NO_FILTERS, member: "u2" });
    expect(v.people.map((p) => p.id)).toEqual(["Anna", "Ben"]);
    expect(v.relationships.map((x) => x.id)).toEqual(["2", "3"]);
  });

  it("drops relationships of people filtered out", () => {
    expect(applyFilters(map, { ...NO_FILTERS, department: "Finance" }).relationships.map((x) => x.id)).toEqual(["1", "2"]);
  });

  it("knows when a filter is on, and lists options without blanks", () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, q: "a" })).toBe(true);
    expect(distinct(["b", "", "a", "b"])).toEqual(["a", "b"]);
  });
});
