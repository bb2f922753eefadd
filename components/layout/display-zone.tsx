"use client";

import { setDisplayZone } from "@/lib/format";

/**
 * Hands the server's time zone to the browser's date formatting before the page below it renders
 * (it sits first in the signed-in layout), so that dates read the same on both sides. Setting a
 * module value while rendering is safe here: it is always the same value.
 */
export function DisplayZone({ zone }: { zone: string }) {
  setDisplayZone(zone);
  return null;
}
