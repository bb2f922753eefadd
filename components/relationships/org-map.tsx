"use client";

// The interactive map: the customer's people laid out by the formal line, our team beside them.
// Lines: the reporting line (grey), our relationships (teal, thicker = stronger), who influences
// whom (blue arrows) and tension (red dashes). With many relationships, drawing all of them at
// once is a tangle: then the lines of one team member or one person are shown on demand.
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Maximize2, Minimize2 } from "lucide-react";
import { Background, Controls, getNodesBounds, MarkerType, MiniMap, ReactFlow, useReactFlow, useStore, type Edge, type Node, type Rect } from "@xyflow/react";
import type { TMapContact, TMapRelationship } from "@/lib/relationships/view";
import { ATTITUDES, ATTITUDE_LABELS } from "@/lib/relationships/schema";
import { useMap } from "./map-context";
import { layoutOrgChart, layoutTeam, TEAM_GAP, TEAM_OFFSET } from "./layout";
import { NODE_TYPES, type PersonNodeData, type TeamNodeData } from "./map-nodes";
import { ATTITUDE_COLORS, LINK_COLORS } from "./palette";

/** Up to this many relationship lines are drawn at once; beyond it, lines follow the focus. */
const ALL_LINES_UP_TO = 150;

type Layers = { reports: boolean; relationships: "all" | "focus"; influence: boolean; tension: boolean };

export function OrgMap({
  people,
  relationships,
  memberFilter,
  wide,
  onWideChange,
}: {
  people: TMapContact[];
  relationships: TMapRelationship[];
  memberFilter: string;
  /** The map has the full width (the analysis is below it); the toggle shows only where they would sit side by side. */
  wide: boolean;
  onWideChange: (wide: boolean) => void;
}) {
  const { map, selectedPersonId, selectPerson } = useMap();
  const [focusMember, setFocusMember] = useState<string | null>(null);
  const [layers, setLayers] = useState<Layers>({ reports: true, relationships: map.relationships.length <= ALL_LINES_UP_TO ? "all" : "focus", influence: true, tension: true });
  const [ready, setReady] = useState(false);

  const layout = useMemo(() => layoutOrgChart(people), [people]);
  const stats = useMemo(() => {
    const s = new Map<string, { threads: number; max: number }>();
    for (const r of relationships) {
      const cur = s.get(r.contactId) ?? { threads: 0, max: 0 };
      cur.threads++;
      cur.max = Math.max(cur.max, r.strength);
      s.set(r.contactId, cur);
    }
    return s;
  }, [relationships]);
  const team = useMemo(() => map.teamMembers.filter((m) => m.onTeam || relationships.some((r) => r.userId === m.id)), [map.teamMembers, relationships]);
  const activeMember = memberFilter || focusMember;

  const onFocus = useCallback((id: string) => setFocusMember((cur) => (cur === id ? null : id)), []);

  // Which relationship lines to draw, and who is "in focus" (others are dimmed).
  const { shownRelationships, inFocus } = useMemo(() => {
    let shown: TMapRelationship[] = [];
    if (layers.relationships === "all" && !focusMember && !selectedPersonId) shown = relationships;
    else if (focusMember) shown = relationships.filter((r) => r.userId === focusMember);
    else if (selectedPersonId) shown = relationships.filter((r) => r.contactId === selectedPersonId);
    else if (layers.relationships === "all") shown = relationships;
    const focus = focusMember || selectedPersonId ? new Set<string>([...shown.map((r) => r.contactId), ...shown.map((r) => r.userId), ...(selectedPersonId ? [selectedPersonId] : []), ...(focusMember ? [focusMember] : [])]) : null;
    return { shownRelationships: shown, inFocus: focus };
  }, [layers.relationships, relationships, focusMember, selectedPersonId]);

  // Node objects are reused when nothing about them changed, so that picking a person re-renders
  // the few nodes whose look changes rather than all 150.
  const nodeCache = useRef(new Map<string, Node>());
  const nodes = useMemo<Node[]>(() => {
    const out: Node[] = [];
    // Dimming is a style on the node's wrapper, not node data: the node's own content (memoised on
    // its data) is not re-rendered when the focus moves.
    const reuse = (id: string, type: string, x: number, y: number, data: Record<string, unknown>, dimmed: boolean, extra: Partial<Node> = {}) => {
      const prev = nodeCache.current.get(id);
      const wasDimmed = prev?.style?.opacity !== undefined;
      if (prev && prev.type === type && prev.position.x === x && prev.position.y === y && wasDimmed === dimmed && shallowEqual(prev.data, data)) return out.push(prev);
      const sameData = prev && shallowEqual(prev.data, data) ? prev.data : data;
      out.push({ id, type, position: { x, y }, data: sameData, draggable: false, connectable: false, style: dimmed ? DIMMED : undefined, ...extra });
    };
    for (const c of people) {
      const p = layout.positions.get(c.id);
      if (!p) continue;
      const st = stats.get(c.id);
      const data: PersonNodeData = {
        contact: c,
        width: p.width,
        height: p.height,
        threads: st?.threads ?? 0,
        maxStrength: st?.max ?? 0,
        selected: c.id === selectedPersonId,
        onOpen: selectPerson,
      };
      reuse(c.id, "person", p.x, p.y, data, inFocus !== null && !inFocus.has(c.id), { width: p.width, height: p.height });
    }
    const spots = layoutTeam(team.length, layout.bounds);
    const counts = new Map<string, number>();
    for (const r of relationships) counts.set(r.userId, (counts.get(r.userId) ?? 0) + 1);
    team.forEach((m, i) => {
      const data: TeamNodeData = {
        name: m.name,
        relationships: counts.get(m.id) ?? 0,
        focused: activeMember === m.id,
        former: !m.onTeam,
        onFocus,
      };
      reuse(m.id, "team", spots[i].x, spots[i].y, data, inFocus !== null && !inFocus.has(m.id));
    });
    if (layout.looseLabel) reuse("__loose__", "label", layout.looseLabel.x, layout.looseLabel.y, { text: "No manager recorded" }, false, { selectable: false });
    nodeCache.current = new Map(out.map((n) => [n.id, n]));
    return out;
  }, [people, layout, stats, team, relationships, inFocus, selectedPersonId, selectPerson, activeMember, onFocus]);

  const edges = useMemo<Edge[]>(() => {
    const out: Edge[] = [];
    const placed = layout.positions;
    if (layers.reports) {
      for (const c of people) {
        if (!c.reportsToId || !placed.has(c.reportsToId)) continue;
        const child = placed.get(c.id)!;
        out.push({
          id: `rt-${c.id}`,
          source: c.reportsToId,
          target: c.id,
          sourceHandle: child.stacked ? "bl" : "b",
          targetHandle: child.stacked ? "l" : "t",
          type: "smoothstep",
          pathOptions: { borderRadius: 6 },
          style: { stroke: LINK_COLORS.REPORTS_TO, strokeWidth: 1.25 },
          selectable: false,
          focusable: false,
        } as Edge);
      }
    }
    for (const r of shownRelationships) {
      if (!placed.has(r.contactId)) continue;
      out.push({
        id: `rel-${r.id}`,
        source: r.userId,
        target: r.contactId,
        sourceHandle: "r",
        targetHandle: "l",
        style: { stroke: LINK_COLORS.RELATIONSHIP, strokeWidth: 0.6 + r.strength * 0.9, opacity: 0.55 },
        selectable: false,
        focusable: false,
      });
    }
    for (const l of map.links) {
      if (!placed.has(l.fromId) || !placed.has(l.toId)) continue;
      if (l.kind === "INFLUENCES" ? !layers.influence : !layers.tension) continue;
      const color = LINK_COLORS[l.kind];
      out.push({
        id: `lk-${l.id}`,
        source: l.fromId,
        target: l.toId,
        sourceHandle: "r",
        targetHandle: "rt",
        // Faint until someone is picked: many links drawn at full strength hide the org chart.
        style: { stroke: color, strokeWidth: 1.5, strokeDasharray: l.kind === "TENSION" ? "3 4" : "6 4", opacity: inFocus ? (inFocus.has(l.fromId) || inFocus.has(l.toId) ? 0.95 : 0.08) : 0.4 },
        markerEnd: l.kind === "INFLUENCES" ? { type: MarkerType.ArrowClosed, color, width: 14, height: 14 } : undefined,
        selectable: false,
        focusable: false,
      });
    }
    return out;
  }, [people, layout, layers, shownRelationships, map.links, inFocus]);

  // The canvas is as tall as the chart needs once it is fitted to the width (a small, wide chart
  // leaves no empty band above and below it), between MIN and MAX_CANVAS; a chart too large to
  // read at that fit gets the full height.
  const canvasRef = useRef<HTMLDivElement>(null);
  const canvasWidth = useElementWidth(canvasRef);
  const canvasHeight = useMemo(() => {
    const b = layout.bounds;
    const chartWidth = b.maxX - b.minX + TEAM_OFFSET;
    const chartHeight = Math.max(b.maxY - b.minY, team.length * TEAM_GAP);
    if (!canvasWidth || chartWidth <= 0) return MAX_CANVAS;
    const zoom = Math.min(1, (canvasWidth * (1 - 2 * FIT_PADDING)) / chartWidth);
    // Drawn at under a third of full size, names cannot be read: people zoom in, and need the room.
    if (zoom < 0.3) return MAX_CANVAS;
    return Math.round(Math.min(MAX_CANVAS, Math.max(MIN_CANVAS, (chartHeight * zoom) / (1 - 2 * FIT_PADDING) + 96)));
  }, [layout.bounds, team.length, canvasWidth]);

  // Where the chart lies, in the chart's own units: the navigator shows only when part of it is out of view.
  const chartBounds = useMemo(() => getNodesBounds(nodes), [nodes]);

  // Changes when the filters change who is on the map: then the view fits the new chart.
  const peopleKey = useMemo(() => people.map((p) => p.id).join(","), [people]);

  const lineHint =
    layers.relationships === "focus" && !focusMember && !selectedPersonId ? `${relationships.length} relationships are too many to draw at once: pick someone on our team (left column) or a person to see their lines.` : null;

  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="relationship-map" data-ready={ready ? "true" : "false"} data-nodes={people.length}>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-100 px-3 py-2">
        <LayerToggles layers={layers} onChange={setLayers} />
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <Legend />
          <button
            type="button"
            aria-pressed={wide}
            onClick={() => onWideChange(!wide)}
            title={wide ? "Put the analysis back beside the map" : "Give the map the full width; the analysis moves below it"}
            className="hidden items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 xl:inline-flex"
          >
            {wide ? <Minimize2 aria-hidden className="h-3.5 w-3.5" /> : <Maximize2 aria-hidden className="h-3.5 w-3.5" />}
            Wide map
          </button>
        </div>
      </div>
      {lineHint && <p className="border-b border-slate-100 bg-slate-50 px-3 py-1.5 text-xs text-slate-600">{lineHint}</p>}
      <div ref={canvasRef} className="relative" style={{ height: canvasHeight }} data-testid="map-canvas">
        {people.length === 0 ? (
          <div className="flex h-full items-center justify-center text-sm text-slate-500">Nobody matches these filters.</div>
        ) : (
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            fitView
            fitViewOptions={{ padding: FIT_PADDING, maxZoom: 1 }}
            minZoom={0.08}
            maxZoom={2}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            onInit={() => setReady(true)}
            onPaneClick={() => setFocusMember(null)}
            proOptions={{ hideAttribution: true }}
            aria-label="Relationship map"
          >
            <Background gap={24} color="#e2e8f0" />
            <Controls showInteractive={false} position="top-right" />
            <Viewport peopleKey={peopleKey} selected={selectedPersonId ? (layout.positions.get(selectedPersonId) ?? null) : null} />
            <Navigator chart={chartBounds} />
          </ReactFlow>
        )}
      </div>
    </div>
  );
}

/**
 * The small overview in the corner, shown only while part of the chart is out of view (zoomed in
 * or panned away). When the whole chart is in view it would repeat it, and cover its bottom right.
 */
function Navigator({ chart }: { chart: Rect }) {
  const outOfView = useStore((s) => {
    const [tx, ty, zoom] = s.transform;
    // The chart's edges on screen, against the canvas; a few pixels of slack for rounding and for
    // nodes not measured yet.
    const slack = 12;
    return chart.x * zoom + tx < -slack || chart.y * zoom + ty < -slack || (chart.x + chart.width) * zoom + tx > s.width + slack || (chart.y + chart.height) * zoom + ty > s.height + slack;
  });
  if (!outOfView) return null;
  return <MiniMap pannable zoomable position="bottom-right" nodeColor={(n) => (n.type === "person" ? ATTITUDE_COLORS[(n.data as PersonNodeData).contact.attitude].swatch : "#0f766e")} className="!h-28 !w-40" />;
}

const DIMMED = { opacity: 0.3 } as const;
const FIT_PADDING = 0.04;
const MIN_CANVAS = 420;
const MAX_CANVAS = 640;

/** The element's width, kept current as it resizes. */
function useElementWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>) {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is(a[k], b[k]));
}

/** Fits the chart when the people in view change, and brings a picked person into view beside the panel. */
function Viewport({ peopleKey, selected }: { peopleKey: string; selected: { x: number; y: number; width: number; height: number } | null }) {
  const flow = useReactFlow();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false; // the initial fit is done by ReactFlow's fitView
      return;
    }
    const t = setTimeout(() => flow.fitView({ padding: FIT_PADDING, maxZoom: 1, duration: 250 }), 0);
    return () => clearTimeout(t);
  }, [peopleKey, flow]);
  // The canvas changed size ("Wide map", a resized window, its height following the chart): fit
  // the chart to the new size, unless a picked person is being shown.
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const lastSize = useRef({ width, height });
  const hasSelection = selected !== null;
  useEffect(() => {
    const before = lastSize.current;
    lastSize.current = { width, height };
    if (!before.width || !before.height || !width || !height || hasSelection) return;
    if (Math.abs(width - before.width) < 40 && Math.abs(height - before.height) < 40) return;
    flow.fitView({ padding: FIT_PADDING, maxZoom: 1 });
  }, [width, height, hasSelection, flow]);
  // Plain numbers as dependencies: the effect runs when the picked person changes, not on every render.
  const [sx, sy, sw, sh] = selected ? [selected.x, selected.y, selected.width, selected.height] : [];
  const hadSelection = useRef(false);
  useEffect(() => {
    if (sx === undefined || sy === undefined || sw === undefined || sh === undefined) {
      // The panel closed: show the whole chart again.
      if (hadSelection.current) flow.fitView({ padding: FIT_PADDING, maxZoom: 1 });
      hadSelection.current = false;
      return;
    }
    hadSelection.current = true;
    const zoom = Math.max(flow.getZoom(), 0.8);
    // The person panel covers the right of the screen: centre the person left of the middle.
    // No animation: an animated pan re-renders the map on every frame while the panel opens.
    flow.setCenter(sx + sw / 2 + 160 / zoom, sy + sh / 2, { zoom });
  }, [sx, sy, sw, sh, flow]);
  return null;
}

function LayerToggles({ layers, onChange }: { layers: Layers; onChange: (l: Layers) => void }) {
  const box = (key: "reports" | "influence" | "tension", label: string, color: string, dashed = false) => (
    <label className="flex items-center gap-1.5">
      <input type="checkbox" checked={layers[key]} onChange={(e) => onChange({ ...layers, [key]: e.target.checked })} className="h-3.5 w-3.5 rounded border-slate-300" />
      <span className="inline-block w-4 border-t-2" style={{ borderColor: color, borderStyle: dashed ? "dashed" : "solid" }} aria-hidden />
      {label}
    </label>
  );
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700">
      <span className="font-medium text-slate-500">Lines</span>
      {box("reports", "Reports to", LINK_COLORS.REPORTS_TO)}
      {box("influence", "Influences", LINK_COLORS.INFLUENCES, true)}
      {box("tension", "Tension", LINK_COLORS.TENSION, true)}
      <label className="flex items-center gap-1.5">
        <span className="inline-block w-4 border-t-[3px]" style={{ borderColor: LINK_COLORS.RELATIONSHIP }} aria-hidden />
        Our relationships:
        <select
          aria-label="Which of our relationship lines to show"
          value={layers.relationships}
          onChange={(e) => onChange({ ...layers, relationships: e.target.value as Layers["relationships"] })}
          className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs"
        >
          <option value="all">all</option>
          <option value="focus">of whoever I pick</option>
        </select>
      </label>
    </div>
  );
}

function Legend() {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[11px] text-slate-600">
      {ATTITUDES.map((a) => (
        <span key={a} className="inline-flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm border" style={{ background: ATTITUDE_COLORS[a].fill, borderColor: ATTITUDE_COLORS[a].border }} aria-hidden />
          {ATTITUDE_LABELS[a]}
        </span>
      ))}
      <span className="text-slate-500">·</span>
      <span>size = influence</span>
      <span>line width = strength</span>
      <span className="inline-flex items-center gap-1">
        <span className="flex h-4 min-w-4 items-center justify-center rounded-full bg-teal-700 px-1 text-[9px] font-bold text-white">2</span>of our team reach them
      </span>
    </div>
  );
}
