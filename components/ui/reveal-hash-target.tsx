"use client";

import { useEffect } from "react";

/**
 * Brings the element the address's #fragment names into view once the page around it is on the
 * screen. The browser and the router scroll to a fragment only when its element is already there,
 * and a page with a loading state streams its content in after that: a link to a comment on a
 * review landed at the top of the review, and `/accounts/…/proposals` now and then at the top of
 * the Reviews tab. Render it at the end of such a page; it does nothing without a fragment.
 */
export function RevealHashTarget() {
  useEffect(() => {
    const id = fragmentId(window.location.hash);
    if (id) document.getElementById(id)?.scrollIntoView({ block: "start" });
  }, []);
  return null;
}

/** The id a `#fragment` names, or null: a fragment that is not valid percent-encoding (typed or cut
 * short by hand) names nothing, rather than failing the page. */
export function fragmentId(hash: string): string | null {
  try {
    return decodeURIComponent(hash.slice(1)) || null;
  } catch {
    return null;
  }
}
