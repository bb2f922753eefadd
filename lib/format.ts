// Formatting shared by server and client components.
const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", notation: "compact", maximumFractionDigits: 1 });

export const formatMoney = (v: number | string | { toString(): string } | null | undefined) =>
  v === null || v === undefined ? "—" : money.format(Number(v.toString()));
export const formatMoneyCompact = (v: number | string | { toString(): string } | null | undefined) =>
  v === null || v === undefined ? "—" : compact.format(Number(v.toString()));

export const formatDate = (d: Date | string | null | undefined) =>
  d ? new Date(d).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" }) : "—";

/** "3 days ago", "in 2 weeks": how fresh a record is. */
export function formatRelative(d: Date | string | null | undefined, now = new Date()): string {
  if (!d) return "never";
  const diff = new Date(d).getTime() - now.getTime();
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 365 * 864e5],
    ["month", 30 * 864e5],
    ["week", 7 * 864e5],
    ["day", 864e5],
    ["hour", 36e5],
    ["minute", 6e4],
  ];
  for (const [unit, ms] of units) if (abs >= ms) return rtf.format(Math.round(diff / ms), unit);
  return "just now";
}

export const formatScore = (s: number | null | undefined) => (s === null || s === undefined ? "—" : s.toFixed(1));
