// Lays out the customer's people by the formal reporting line (dagre), compactly enough that
// 150 people fit on a screen: the top of the organisation is a tree (chiefs, then department
// heads side by side); everyone below a department head is listed down that head's column in
// reporting order, indented by depth, like an org chart printed as a tree view. People with no
// recorded manager and nobody reporting to them are gathered in their own columns.
import dagre from "@dagrejs/dagre";

export type LayoutPerson = { id: string; reportsToId: string | null; influence: number };
export type Placed = { x: number; y: number; width: number; height: number; depth: number; stacked: boolean };
export type OrgLayout = {
  positions: Map<string, Placed>;
  /** Header of the column of people without a place in the line, when there is one. */
  looseLabel: { x: number; y: number } | null;
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
};

/** Size shows influence: influence 5 is about a third wider and taller than influence 1. */
export const nodeSize = (influence: number) => ({ width: 150 + influence * 10, height: 46 + influence * 4 });

const INDENT = 16;
/** Deeper levels stop indenting (the lines still show who reports to whom): columns stay narrow. */
const MAX_INDENTS = 3;
const indent = (depth: number) => Math.min(Math.max(depth - 1, 0), MAX_INDENTS) * INDENT;
const LOOSE_PER_COLUMN = 14;
const LABEL = "__loose__";

export function layoutOrgChart(people: readonly LayoutPerson[]): OrgLayout {
  const ids = new Set(people.map((p) => p.id));
  const parentOf = new Map<string, string | null>();
  const children = new Map<string, string[]>();
  for (const p of people) {
    // A manager filtered out of view makes their report a top of the visible chart.
    const parent = p.reportsToId && ids.has(p.reportsToId) && p.reportsToId !== p.id ? p.reportsToId : null;
    parentOf.set(p.id, parent);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), p.id]);
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  const depth = new Map<string, number>();
  const roots = people.filter((p) => parentOf.get(p.id) === null);
  const connectedRoots = roots.filter((r) => children.has(r.id));
  const loose = roots.filter((r) => !children.has(r.id));

  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 22, ranksep: 16, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const stacked = new Set<string>();
  const layoutWidth = new Map<string, number>();

  // Depth-first order under each column head; guards against a broken line that loops.
  const descendants = (id: string, d: number, out: { id: string; depth: number }[], seen: Set<string>) => {
    for (const c of children.get(id) ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      out.push({ id: c, depth: d });
      descendants(c, d + 1, out, seen);
    }
    return out;
  };

  const seen = new Set<string>();
  for (const root of connectedRoots) {
    seen.add(root.id);
    depth.set(root.id, 0);
    const rs = nodeSize(root.influence);
    g.setNode(root.id, { width: rs.width, height: rs.height });
    for (const headId of children.get(root.id) ?? []) {
      if (seen.has(headId)) continue;
      seen.add(headId);
      depth.set(headId, 1);
      const column = descendants(headId, 2, [], seen);
      // One width for the whole column so that its people line up on the left.
      const colWidth = Math.max(nodeSize(byId.get(headId)!.influence).width, ...column.map((c) => nodeSize(byId.get(c.id)!.influence).width + indent(c.depth)));
      const hs = nodeSize(byId.get(headId)!.influence);
      g.setNode(headId, { width: colWidth, height: hs.height });
      layoutWidth.set(headId, colWidth);
      g.setEdge(root.id, headId);
      let prev = headId;
      for (const c of column) {
        depth.set(c.id, c.depth);
        stacked.add(c.id);
        layoutWidth.set(c.id, colWidth);
        g.setNode(c.id, { width: colWidth, height: nodeSize(byId.get(c.id)!.influence).height });
        g.setEdge(prev, c.id);
        prev = c.id;
      }
    }
  }
  const unplaced = [...loose, ...people.filter((p) => !seen.has(p.id) && !loose.includes(p) && !connectedRoots.includes(p))];
  let hasLabel = false;
  if (unplaced.length) {
    const width = Math.max(...unplaced.map((p) => nodeSize(p.influence).width));
    if (connectedRoots.length) {
      hasLabel = true;
      g.setNode(LABEL, { width, height: 28 });
    }
    for (let i = 0; i < unplaced.length; i += LOOSE_PER_COLUMN) {
      let prev = i === 0 && hasLabel ? LABEL : null;
      for (const p of unplaced.slice(i, i + LOOSE_PER_COLUMN)) {
        depth.set(p.id, 0);
        layoutWidth.set(p.id, width);
        g.setNode(p.id, { width, height: nodeSize(p.influence).height });
        if (prev) g.setEdge(prev, p.id);
        prev = p.id;
      }
    }
  }

  dagre.layout(g);
  const positions = new Map<string, Placed>();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of people) {
    const n = g.node(p.id) as { x: number; y: number } | undefined;
    if (!n) continue;
    const size = nodeSize(p.influence);
    const d = depth.get(p.id) ?? 0;
    const lw = layoutWidth.get(p.id);
    // Stacked people sit at their column's left edge, indented by depth; tree nodes are centred.
    const x = lw !== undefined ? n.x - lw / 2 + (stacked.has(p.id) ? indent(d) : 0) : n.x - size.width / 2;
    const y = n.y - size.height / 2;
    positions.set(p.id, { x, y, width: size.width, height: size.height, depth: d, stacked: stacked.has(p.id) });
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + size.width);
    maxY = Math.max(maxY, y + size.height);
  }
  const label = hasLabel ? (g.node(LABEL) as { x: number; y: number; width: number }) : null;
  const looseLabel = label ? { x: label.x - label.width / 2, y: label.y - 10 } : null;
  if (!positions.size) return { positions, looseLabel: null, bounds: { minX: 0, minY: 0, maxX: 0, maxY: 0 } };
  return { positions, looseLabel, bounds: { minX, minY, maxX, maxY } };
}

/** How far left of the chart our team's column starts, and the least room each member takes in it. */
export const TEAM_OFFSET = 300;
export const TEAM_GAP = 72;

/** Our team in a column to the left of their people, spread over the chart's height. */
export function layoutTeam(count: number, bounds: OrgLayout["bounds"]): { x: number; y: number }[] {
  const height = Math.max(bounds.maxY - bounds.minY, count * TEAM_GAP);
  const step = count > 1 ? Math.min(height / (count - 1), 140) : 0;
  const top = bounds.minY + Math.max(0, (bounds.maxY - bounds.minY - step * (count - 1)) / 2);
  return Array.from({ length: count }, (_, i) => ({ x: bounds.minX - TEAM_OFFSET, y: top + i * step }));
}
