// Calendar days, counted where the code runs: `localToday` is the person's day in the browser and
// the server's (`TZ`) on the server; a moment is read as its day in the same zone (`localDay`), a
// date column as the day it is (`isoDay`). Pure; no imports, so any layer may use it.

/**
 * A calendar day as YYYY-MM-DD. Dates from `@db.Date` columns arrive as UTC midnight, so they
 * are read in UTC; strings are taken as already being a day.
 */
export function isoDay(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/**
 * Today in the runtime's local time zone (the person's day, not UTC's): in the browser, the
 * person's; on the server, the server's (`TZ`). Every day count compares it with days read in the
 * same zone: `localDay` for a moment, `isoDay` for a date column.
 */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The day a moment (a timestamp column: submitted, created) falls on in the local time zone. A
 * plain day ("2026-01-31") is already a day and is returned as it is.
 */
export function localDay(at: Date | string): string {
  return typeof at === "string" && /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : localToday(new Date(at));
}

/** The moment a day ("2026-03-05") starts in the runtime's local time zone. */
export function startOfLocalDay(day: string): Date {
  const [y, m, d] = day.slice(0, 10).split("-").map(Number);
  return new Date(y, m - 1, d);
}

let zoneFor: { tz: string | undefined; zone: string } | null = null;

/**
 * The runtime's IANA time zone, for SQL that reads a timestamp's day as `localDay` does. Asking
 * `Intl` builds a formatter, which costs more than the queries that use the answer, so it is kept
 * until `TZ` changes (Node reads the zone again when `process.env.TZ` is set).
 */
export function localTimeZone(): string {
  const tz = typeof process === "undefined" ? undefined : process.env.TZ;
  if (!zoneFor || zoneFor.tz !== tz) zoneFor = { tz, zone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC" };
  return zoneFor.zone;
}

/** The day `n` days after `day` (before, when negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Date | string, to: Date | string): number {
  return dayNumber(isoDay(to)) - dayNumber(isoDay(from));
}

/**
 * The day `months` calendar months after `day` (before, when negative). A day that does not exist
 * in the target month (31 August + 6 months) becomes that month's last day, as people count months
 * and as PostgreSQL's `date + interval` does.
 */
export function addMonthsToDay(day: Date | string, months: number): string {
  const [y, m, d] = isoDay(day).split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(year).padStart(4, "0")}-${pad(month + 1)}-${pad(Math.min(d, lastDay))}`;
}

/** The moment `months` calendar months after `at`, by the same rule, on its UTC day and at its UTC time. */
export function addMonthsToMoment(at: Date, months: number): Date {
  const iso = at.toISOString();
  return new Date(`${addMonthsToDay(iso.slice(0, 10), months)}${iso.slice(10)}`);
}
