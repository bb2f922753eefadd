// Timestamps as PostgreSQL's json functions write a `timestamp(3)` column: UTC with no zone, and
// only as many fraction digits as are not zero ("2026-12-02T06:53:35.85", "2026-12-02T06:53:35").

const PLAIN = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?$/;

/** As a Date; null stays null. */
export function jsonTimestamp(s: string): Date;
export function jsonTimestamp(s: string | null): Date | null;
export function jsonTimestamp(s: string | null): Date | null {
  if (s === null) return null;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
}

/**
 * As the ISO text a Date of it would turn into in JSON (`toISOString`), without making the Date:
 * for answers that only pass the time on. Anything but the plain form goes through a Date.
 */
export function jsonTimestampIso(s: string): string;
export function jsonTimestampIso(s: string | null): string | null;
export function jsonTimestampIso(s: string | null): string | null {
  if (s === null) return null;
  const m = PLAIN.exec(s);
  return m ? `${m[1]}.${(m[2] ?? "").padEnd(3, "0")}Z` : jsonTimestamp(s).toISOString();
}
