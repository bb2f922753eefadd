// Formatting shared by server and client components.
const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

export const formatMoney = (v: number | string | { toString(): string } | null | undefined) =>
  v === null || v === undefined ? "—" : money.format(Number(v.toString()));

/**
 * Money in short form (€7bn, €32.4m, €950k), spelled out here rather than with Intl's compact
 * notation: Node's and the browser's ICU disagree on it (Node 20 writes "€3.0m", Chromium 156
 * "€3m"), and a page rendered on the server with one and hydrated with the other is thrown away
 * and drawn again in the browser, losing the clicks made meanwhile.
 */
export function formatMoneyShort(v: number | string | { toString(): string } | null | undefined): string {
  const n = v === null || v === undefined ? NaN : Number(v.toString());
  if (!Number.isFinite(n)) return "—";
  const abs = Math.abs(n);
  const [div, unit] = abs >= 1e9 ? [1e9, "bn"] : abs >= 1e6 ? [1e6, "m"] : abs >= 1e3 ? [1e3, "k"] : [1, ""];
  const digits = (abs / div).toFixed(abs / div >= 100 || div === 1 ? 0 : 1).replace(/\.0$/, "");
  return `${n < 0 ? "-" : ""}€${digits}${unit}`;
}

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
