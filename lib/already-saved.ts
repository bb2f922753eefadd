// A write that carries a version it read earlier is a conflict when the record has changed since
// (409). One case is not: the record already holds every value the write sets. That is a save sent
// again after its answer was lost on the way (the first one landed), or two people making the same
// change. Nothing would be overwritten, so the write answers 200 with the record as it is and
// writes nothing. A value this cannot compare (an unknown type) counts as different: the write
// stays a 409, as before.

type Decimalish = { toFixed: (digits?: number) => string };
const isDecimal = (v: unknown): v is Decimalish => typeof v === "object" && v !== null && typeof (v as Decimalish).toFixed === "function" && !(v instanceof Date);

function sameValue(stored: unknown, sent: unknown): boolean {
  if (stored === sent) return true;
  if (stored === null || sent === null || stored === undefined) return false;
  if (stored instanceof Date) {
    const t = sent instanceof Date ? sent.getTime() : typeof sent === "string" ? Date.parse(sent) : Number.NaN;
    return stored.getTime() === t;
  }
  // Prisma's Decimal (money) against the number the request sent.
  if (isDecimal(stored) && typeof sent === "number") return Number(stored.toString()) === sent;
  if (Array.isArray(stored) && Array.isArray(sent)) return stored.length === sent.length && stored.every((v, i) => sameValue(v, sent[i]));
  return false;
}

/** True when `stored` already holds every value in `changes` (keys left undefined are not set by the write). */
export function alreadyHolds(stored: Record<string, unknown>, changes: Record<string, unknown>): boolean {
  return Object.entries(changes).every(([key, value]) => value === undefined || sameValue(stored[key], value));
}
