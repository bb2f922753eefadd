import { describe, expect, it } from "vitest";
import { layoutOrgChart, layoutTeam, type LayoutPerson } from "@/components/relationships/layout";

// An organisation like the demo's: a chief, 10 heads, directors, managers and staff.
function org(size: number): LayoutPerson[] {
  const people: LayoutPerson[] = [{ id: "ceo", reportsToId: null, influence: 5 }];
  const heads = Array.from({ length: 10 }, (_, h) => ({ id: `h${h}`, reportsToId: "ceo", influence: 4 }));
  people.push(...heads);
  const directors = heads.flatMap((h) => [1, 2].map((k) => ({ id: `${h.id}d${k}`, reportsToId: h.id, influence: 3 })));
  const managers = directors.flatMap((d) => [1, 2].map((k) => ({ id: `${d.id}m${k}`, reportsToId: d.id, influence: 2 })));
  people.push(...directors, ...managers);
  for (let i = 0; people.length < size; i++) people.push({ id: `s${i}`, reportsToId: managers[i % managers.length].id, influence: 1 + (i % 2) });
  return people;
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("layoutOrgChart", () => {
  it("places everyone without overlaps, managers above their people", () => {
    const people = org(150);
    const { positions } = layoutOrgChart(people);
    expect(positions.size).toBe(150);
    const placed = [...positions.entries()];
    for (let a = 0; a < placed.length; a++) for (let b = a + 1; b < placed.length; b++) expect(overlaps(placed[a][1], placed[b][1]), `${placed[a][0]} / ${placed[b][0]}`).toBe(false);
    for (const p of people) if (p.reportsToId) expect(positions.get(p.reportsToId)!.y).toBeLessThan(positions.get(p.id)!.y);
  });

  it("keeps 150 people compact enough to read on one screen (not one very wide row)", () => {
    const { bounds } = layoutOrgChart(org(150));
    const w = bounds.maxX - bounds.minX;
    const h = bounds.maxY - bounds.minY;
    expect(w / h).toBeLessThan(3);
    expect(w).toBeLessThan(3000);
  });

  it("treats someone whose manager is filtered out as a top of the chart, and gathers loose people", () => {
    const people: LayoutPerson[] = [
      { id: "a", reportsToId: "hidden", influence: 3 },
      { id: "b", reportsToId: "a", influence: 3 },
      { id: "c", reportsToId: "b", influence: 3 },
      { id: "x", reportsToId: null, influence: 2 },
      { id: "y", reportsToId: null, influence: 2 },
    ];
    const { positions, looseLabel } = layoutOrgChart(people);
    expect(positions.get("a")!.depth).toBe(0);
    expect(positions.get("c")!.stacked).toBe(true);
    expect(positions.get("c")!.x).toBeGreaterThan(positions.get("b")!.x);
    expect(looseLabel).not.toBeNull();
    expect(Math.abs(positions.get("x")!.x - positions.get("y")!.x)).toBeLessThan(1);
  });

  it("does not hang on a reporting loop in stored data", () => {
    const { positions } = layoutOrgChart([
      { id: "a", reportsToId: "b", influence: 3 },
      { id: "b", reportsToId: "a", influence: 3 },
    ]);
    expect(positions.size).toBe(2);
  });

  it("puts our team in a column to the left", () => {
    const spots = layoutTeam(3, { minX: 0, minY: 0, maxX: 1000, maxY: 600 });
    expect(spots.every((s) => s.x < 0)).toBe(true);
    expect(spots[0].y).toBeLessThan(spots[2].y);
  });
});
