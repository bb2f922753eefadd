// Calendar days, counted where the code runs: `localToday` is the person's day in the browser and
// the server's (`TZ`) on the server; a moment is read as its day in the same zone (`localDay`), a
// date column as the day it is (`isoDay`). Pure; no imports, so any layer may use it.

/**
 * A calendar day as YYYY-MM-DD. Dates from `@db.Date` columns arrive as UTC midnight, so they
 * are read in UTC; strings are taken as already being a day.
 */
export function isoDay(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : formatDay(Math.floor(value.getTime() / DAY_MS));
}

// Day arithmetic on whole day numbers (days since 1970-01-01), without Date objects: the review
// queue does it for every item, and a Date per step was a tenth of the queue's time (Next.js also
// wraps the Date constructor on the server). The calendar conversions are the proleptic Gregorian
// ones Date uses (H. Hinnant, "chrono-compatible low-level date algorithms").
const DAY_MS = 86_400_000;

/** The day number of year `y`, month `m` (1–12), day `d`. */
function dayFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** YYYY-MM-DD of a day number. */
function formatDay(z: number): string {
  if (!Number.isFinite(z)) throw new RangeError("Invalid time value");
  const zz = z + 719_468;
  const era = Math.floor(zz / 146_097);
  const doe = zz - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y < 1000 ? String(y).padStart(4, "0") : y}-${pad2(m)}-${pad2(d)}`;
}

/** The number written in `n` digits of `s` from `at`; NaN unless they are all digits. */
function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The day number of "YYYY-MM-DD" (what follows the day, such as a time, is ignored). Read digit by
 * digit: the review queue parses a few days for each of its items.
 */
function parseDay(day: string): number {
  if (day.length < 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return NaN;
  const y = digitsAt(day, 0, 4), m = digitsAt(day, 5, 2), d = digitsAt(day, 8, 2);
  // As Date.parse reads a day: month 1–12 and day 1–31 (30 February runs on into March).
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? dayFromCivil(y, m, d) : NaN;
}

/**
 * Today in the runtime's local time zone (the person's day, not UTC's): in the browser, the
 * person's; on the server, the server's (`TZ`). Every day count compares it with days read in the
 * same zone: `localDay` for a moment, `isoDay` for a date column.
 */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/**
 * The day a moment (a timestamp column: submitted, created) falls on in the local time zone. A
 * plain day ("2026-01-31") is already a day and is returned as it is.
 */
export function localDay(at: Date | string): string {
  if (at instanceof Date) return localToday(at);
  return at.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : localToday(new Date(at));
}

/**
 * A moment's milliseconds since 1970, from a Date or its ISO text, without building a Date (on
 * the server Next.js wraps the Date constructor, and each one costs several times a native one).
 */
export function timeOf(at: Date | string): number {
  return typeof at === "string" ? Date.parse(at) : at.getTime();
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
  return formatDay(parseDay(day) + n);
}

const dayNumberOf = (value: Date | string) => (typeof value === "string" ? parseDay(value) : Math.floor(value.getTime() / DAY_MS));

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Date | string, to: Date | string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/**
 * The day `months` calendar months after `day` (before, when negative). A day that does not exist
 * in the target month (31 August + 6 months) becomes that month's last day, as people count months
 * and as PostgreSQL's `date + interval` does.
 */
export function addMonthsToDay(day: Date | string, months: number): string {
  const iso = isoDay(day);
  const total = Number(iso.slice(0, 4)) * 12 + (Number(iso.slice(5, 7)) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = dayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayFromCivil(year, month, 1);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(Math.min(Number(iso.slice(8, 10)), lastDay))}`;
}

/** The moment `months` calendar months after `at`, by the same rule, on its UTC day and at its UTC time. */
export function addMonthsToMoment(at: Date, months: number): Date {
  const iso = at.toISOString();
  return new Date(`${addMonthsToDay(iso.slice(0, 10), months)}${iso.slice(10)}`);
}
