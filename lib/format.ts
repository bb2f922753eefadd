// Formatting shared by server and client components. Whatever a client component writes is written
// twice, by Node on the server and by the browser when it takes the page over, and the two must
// agree character for character: otherwise React throws the server's HTML away and draws the page
// again, losing the clicks made meanwhile. Hence no Intl compact notation (the two ICUs disagree)
// and dates in one time zone, the same on both sides.
import { isoDay, localTimeZone } from "@/lib/days";

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

let shownZone: string | undefined;
let clockOffset: number | undefined;

/**
 * What the browser takes from the server once, handed down by the signed-in layout
 * (`<ServerFacts>`), before anything on the page writes a date:
 * - `zone`: moments (submitted, decided, changed) are shown in the organisation's time zone, the
 *   server's `TZ`, the zone Keystone counts days in, so that a person in another zone reads the same
 *   day and hour the server wrote;
 * - `now`: the server's time as it rendered the page. "… ago" counts on the server's clock, which
 *   wrote the moments (a browser's clock may be off by a day and a half). The browser keeps the
 *   offset from the first page it draws: the layout is not drawn again on every navigation, so a
 *   later `now` could be an old one. On the server the clock is the server's own.
 */
export function setServerFacts({ zone, now }: { zone: string; now: number }) {
  shownZone = zone;
  if (clockOffset === undefined && typeof window !== "undefined") clockOffset = now - Date.now();
}
export const displayZone = () => shownZone ?? localTimeZone();
/** Now on the server's clock (see setServerFacts): what "… ago" counts from. */
export const serverNow = () => new Date(Date.now() + (clockOffset ?? 0));

/** The zone's name for a label: "UTC", "Europe/Berlin". */
export const displayZoneName = () => (/^(Etc\/)?(UTC|GMT|Universal|Zulu)$/.test(displayZone()) ? "UTC" : displayZone());

let zoneAbbreviations: { zone: string; format: Intl.DateTimeFormat } | null = null;

/**
 * The zone's short name at a moment, for a time that must name its zone where there is little room
 * (a phone's card): "UTC", "CET" or "CEST", "GMT+14". The full name belongs in a heading or a title.
 */
export function zoneAbbreviation(d: Date | string): string {
  const zone = displayZone();
  if (zoneAbbreviations?.zone !== zone) {
    zoneAbbreviations = { zone, format: new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "short" }) };
  }
  return zoneAbbreviations.format.formatToParts(new Date(d)).find((p) => p.type === "timeZoneName")?.value ?? displayZoneName();
}

const DAY_MONTH_YEAR = { day: "numeric", month: "short", year: "numeric" } as const;

/** The day of a moment (a timestamp), in the organisation's time zone: "5 Mar 2026". */
export const formatDate = (d: Date | string | null | undefined) =>
  d ? new Date(d).toLocaleDateString("en-GB", { ...DAY_MONTH_YEAR, timeZone: displayZone() }) : "—";

/**
 * A day as entered (a date column: an action's due date, a meeting's day, a customer's decision
 * date; or a "YYYY-MM-DD" string), the same day in every time zone: "5 Mar 2026".
 */
export const formatDay = (d: Date | string | null | undefined) =>
  d ? new Date(`${isoDay(d)}T00:00:00Z`).toLocaleDateString("en-GB", { ...DAY_MONTH_YEAR, timeZone: "UTC" }) : "—";

/**
 * A moment's date and time for a log, in the organisation's time zone: ["30 Nov 2026", "10:43:37"].
 * The month is named, as everywhere else in the app: "03/12/2026" would read as 12 March to
 * someone whose browser shows the log's date filters as mm/dd/yyyy.
 */
export function formatStamp(d: Date | string): [date: string, time: string] {
  const at = new Date(d);
  return [formatDate(at), at.toLocaleTimeString("en-GB", { timeZone: displayZone() })];
}

/**
 * "3 days ago": how fresh a record is. Every moment shown this way has happened (a save, a
 * submission, a comment), so one that seems ahead of `now` means this clock (the browser's) is
 * behind the server's that stamped it: it reads "just now", never "in 2 minutes".
 */
export function formatRelative(d: Date | string | null | undefined, now = new Date()): string {
  if (!d) return "never";
  const diff = Math.min(0, new Date(d).getTime() - now.getTime());
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
