"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A link prefetched once the pointer, a touch or the keyboard focus reaches it, not when it scrolls
 * into view as a link is by default (Next.js's documented pattern: `prefetch={false}` until then).
 * For pages that show dozens of links to server-rendered pages: the dashboard's figures sent about
 * 30 prefetch requests as the page became interactive, and the ranking's managers over their limit
 * (299 on the large data set) about 180 in its first five seconds, each a render on the server.
 */
export function IntentLink(props: Omit<ComponentProps<typeof Link>, "prefetch" | "onMouseEnter" | "onFocus" | "onTouchStart">) {
  const [wanted, setWanted] = useState(false);
  const want = () => setWanted(true);
  return <Link {...props} prefetch={wanted ? null : false} onMouseEnter={want} onFocus={want} onTouchStart={want} />;
}
