// Section-by-section comparison of two plan contents: what was added, removed and changed.
// Prose is compared word by word (the `diff` package); objectives by id and targets by year, so a
// reordered list or a retitled objective reads as what it is, not as a wall of red and green.
import { diffLines, diffWords, type ChangeObject } from "diff";
import {
  PLAN_SECTIONS,
  SECTION_LABELS,
  SUBFIELD_LABELS,
  type TFinancialTarget,
  type TObjective,
  type TPlanContent,
  type TPlanSection,
} from "./schema";

export type TChangeStatus = "unchanged" | "added" | "removed" | "changed";

/** A run of text in a diff: common to both, only in the newer (added) or only in the older (removed). */
export type TDiffPart = { value: string; added: boolean; removed: boolean };

export type TTextDiff = {
  status: TChangeStatus;
  parts: TDiffPart[];
  wordsAdded: number;
  wordsRemoved: number;
  linesAdded: number;
  linesRemoved: number;
};

export type TFieldDiff = TTextDiff & { key: string; label: string };

export type TObjectiveDiff = {
  id: string;
  status: TChangeStatus;
  before: TObjective | null;
  after: TObjective | null;
  title: TTextDiff;
  description: TTextDiff;
};

export type TTargetDiff = {
  year: number;
  status: TChangeStatus;
  before: { revenue: number | null; margin: number | null } | null;
  after: { revenue: number | null; margin: number | null } | null;
};

type SectionBase = { key: TPlanSection; label: string; status: TChangeStatus };
export type TSectionDiff =
  | (SectionBase & { kind: "text"; fields: TFieldDiff[] })
  | (SectionBase & { kind: "objectives"; items: TObjectiveDiff[] })
  | (SectionBase & { kind: "targets"; rows: TTargetDiff[] });

export type TPlanDiff = {
  sections: TSectionDiff[];
  /** Sections that differ, in plan order. */
  changedSections: TPlanSection[];
};

const countWords = (s: string) => s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
const countLines = (changes: ChangeObject<string>[], key: "added" | "removed") =>
  changes.filter((c) => c[key]).reduce((n, c) => n + (c.count ?? 0), 0);

/** Word-level diff of two texts, with counts a reader can take in at a glance. */
export function diffText(before: string, after: string): TTextDiff {
  if (before === after) {
    return {
      status: "unchanged",
      parts: before ? [{ value: before, added: false, removed: false }] : [],
      wordsAdded: 0,
      wordsRemoved: 0,
      linesAdded: 0,
      linesRemoved: 0,
    };
  }
  // Bounded: a pathological pair of 20k-character sections must not stall the request.
  const words = diffWords(before, after, { timeout: 1000 }) ?? [
    ...(before ? [{ value: before, added: false, removed: true, count: 0 }] : []),
    ...(after ? [{ value: after, added: true, removed: false, count: 0 }] : []),
  ];
  const lines = diffLines(before, after, { timeout: 1000 }) ?? [];
  const parts = words.map((c) => ({ value: c.value, added: c.added, removed: c.removed }));
  const status: TChangeStatus = !before.trim() ? "added" : !after.trim() ? "removed" : "changed";
  return {
    status,
    parts,
    wordsAdded: parts.filter((p) => p.added).reduce((n, p) => n + countWords(p.value), 0),
    wordsRemoved: parts.filter((p) => p.removed).reduce((n, p) => n + countWords(p.value), 0),
    linesAdded: countLines(lines, "added"),
    linesRemoved: countLines(lines, "removed"),
  };
}

function sectionStatus(statuses: TChangeStatus[]): TChangeStatus {
  const changed = statuses.filter((s) => s !== "unchanged");
  if (!changed.length) return "unchanged";
  if (changed.length === statuses.length && changed.every((s) => s === changed[0])) return changed[0];
  return "changed";
}

function textSection(key: TPlanSection, fields: { key: string; label: string; before: string; after: string }[]): TSectionDiff {
  const diffs = fields.map((f) => ({ key: f.key, label: f.label, ...diffText(f.before, f.after) }));
  // A section whose every field went from empty to written is "added"; any mix is "changed".
  const relevant = diffs.filter((d) => d.status !== "unchanged" || d.parts.length);
  return {
    key,
    label: SECTION_LABELS[key],
    kind: "text",
    fields: diffs,
    status: sectionStatus(relevant.length ? relevant.map((d) => d.status) : ["unchanged"]),
  };
}

function diffObjectives(before: TObjective[], after: TObjective[]): TObjectiveDiff[] {
  const oldById = new Map(before.map((o) => [o.id, o]));
  const newIds = new Set(after.map((o) => o.id));
  const out: TObjectiveDiff[] = [];
  // Newer order first (that is how the plan now reads), removed ones after.
  for (const o of after) {
    const prev = oldById.get(o.id) ?? null;
    const title = diffText(prev?.title ?? "", o.title);
    const description = diffText(prev?.description ?? "", o.description);
    const yearChanged = (prev?.horizonYear ?? null) !== (o.horizonYear ?? null);
    const status: TChangeStatus = !prev
      ? "added"
      : title.status === "unchanged" && description.status === "unchanged" && !yearChanged
        ? "unchanged"
        : "changed";
    out.push({ id: o.id, status, before: prev, after: o, title, description });
  }
  for (const o of before) {
    if (newIds.has(o.id)) continue;
    out.push({ id: o.id, status: "removed", before: o, after: null, title: diffText(o.title, ""), description: diffText(o.description, "") });
  }
  return out;
}

function diffTargets(before: TFinancialTarget[], after: TFinancialTarget[]): TTargetDiff[] {
  const years = [...new Set([...before, ...after].map((t) => t.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const b = before.find((t) => t.year === year);
    const a = after.find((t) => t.year === year);
    const pick = (t: TFinancialTarget | undefined) => (t ? { revenue: t.revenue, margin: t.margin } : null);
    const status: TChangeStatus = !b ? "added" : !a ? "removed" : b.revenue === a.revenue && b.margin === a.margin ? "unchanged" : "changed";
    return { year, status, before: pick(b), after: pick(a) };
  });
}

/** Compares plan `a` (older) with plan `b` (newer), section by section, in plan order. */
export function diffPlanContent(a: TPlanContent, b: TPlanContent): TPlanDiff {
  const sections: TSectionDiff[] = PLAN_SECTIONS.map((key): TSectionDiff => {
    switch (key) {
      case "keyInformation":
      case "howTheyBuy": {
        const labels = SUBFIELD_LABELS[key] as Record<string, string>;
        const before = a[key] as Record<string, string>;
        const after = b[key] as Record<string, string>;
        return textSection(
          key,
          Object.keys(labels).map((f) => ({ key: f, label: labels[f], before: before[f] ?? "", after: after[f] ?? "" })),
        );
      }
      case "objectives": {
        const items = diffObjectives(a.objectives, b.objectives);
        return { key, label: SECTION_LABELS[key], kind: "objectives", items, status: sectionStatus(items.length ? items.map((i) => i.status) : ["unchanged"]) };
      }
      case "financialTargets": {
        const rows = diffTargets(a.financialTargets, b.financialTargets);
        return { key, label: SECTION_LABELS[key], kind: "targets", rows, status: sectionStatus(rows.length ? rows.map((r) => r.status) : ["unchanged"]) };
      }
      default:
        return textSection(key, [{ key, label: SECTION_LABELS[key], before: a[key], after: b[key] }]);
    }
  });
  return { sections, changedSections: sections.filter((s) => s.status !== "unchanged").map((s) => s.key) };
}

/** Stable JSON of plan content, for "has anything changed?" without caring about key order. */
export function canonicalPlanJson(content: TPlanContent): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              // A missing optional field and an explicit null mean the same thing here.
              .filter(([, x]) => x !== undefined && x !== null)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  return JSON.stringify(sort(content));
}

export function samePlanContent(a: TPlanContent, b: TPlanContent): boolean {
  return canonicalPlanJson(a) === canonicalPlanJson(b);
}
