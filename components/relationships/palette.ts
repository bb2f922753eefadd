// Colours of the relationship map, shared by the map, the matrix, the list and the legend.
// Attitude runs red (against us) through slate (neutral) to green (for us).
import type { TAttitude } from "@/lib/relationships/schema";

export const ATTITUDE_COLORS: Record<TAttitude, { fill: string; border: string; text: string; swatch: string }> = {
  OPPONENT: { fill: "#fee2e2", border: "#dc2626", text: "#7f1d1d", swatch: "#dc2626" },
  SCEPTIC: { fill: "#ffedd5", border: "#ea580c", text: "#7c2d12", swatch: "#f97316" },
  NEUTRAL: { fill: "#f1f5f9", border: "#94a3b8", text: "#1e293b", swatch: "#94a3b8" },
  SUPPORTER: { fill: "#dcfce7", border: "#16a34a", text: "#14532d", swatch: "#4ade80" },
  CHAMPION: { fill: "#bbf7d0", border: "#15803d", text: "#052e16", swatch: "#15803d" },
};

/** Matrix cells: no relationship, then 1 (barely) to 5 (very strong). */
export const STRENGTH_CELL: Record<number, string> = {
  0: "bg-white",
  1: "bg-sky-50 text-sky-900",
  2: "bg-sky-100 text-sky-900",
  3: "bg-sky-300 text-sky-950",
  4: "bg-sky-500 text-white",
  5: "bg-sky-700 text-white",
};

export const LINK_COLORS = { INFLUENCES: "#2563eb", TENSION: "#dc2626", REPORTS_TO: "#94a3b8", RELATIONSHIP: "#0f766e" } as const;

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join("");
