"use client";

import { setServerFacts } from "@/lib/format";

/**
 * Hands the server's time zone and clock to the browser's date formatting (lib/format.ts
 * setServerFacts) before the page below it renders: it sits first in the signed-in layout, ahead of
 * anything that writes a date or "… ago", so both sides write the same. Setting module values while
 * rendering is safe here: the zone is always the same, and the clock is taken once.
 */
export function ServerFacts({ zone, now }: { zone: string; now: number }) {
  setServerFacts({ zone, now });
  return null;
}
