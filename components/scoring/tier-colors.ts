// Tier colours by position, matching the tier badge: the top tier warm, "not a key account" grey.
export function tierColor(t: { rank: number; isKey: boolean }): { fill: string; soft: string; text: string } {
  if (!t.isKey) return { fill: "#94a3b8", soft: "#f1f5f9", text: "#334155" };
  const palette = [
    { fill: "#eab308", soft: "#fefce8", text: "#854d0e" },
    { fill: "#3b6cf6", soft: "#eef4ff", text: "#1d40c7" },
    { fill: "#8b5cf6", soft: "#f5f3ff", text: "#6d28d9" },
    { fill: "#14b8a6", soft: "#f0fdfa", text: "#0f766e" },
  ];
  return palette[Math.min(t.rank - 1, palette.length - 1)];
}
