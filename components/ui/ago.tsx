"use client";

import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from "react";
import { formatRelative } from "@/lib/format";

/**
 * How far the server's clock is ahead of this browser's, in ms. A person's clock may be off (by a
 * day and a half, say): "… ago" is counted on the server's clock, which wrote the moments.
 */
const ClockOffset = createContext(0);

/**
 * Put once around the signed-in pages, with the server's time as it rendered them. The offset is
 * taken when the browser first draws the page and kept: the layout is not drawn again on every
 * navigation, so a later `now` could be an old one.
 */
export function ServerClock({ now, children }: { now: number; children: ReactNode }) {
  const [offset] = useState(() => now - Date.now());
  return <ClockOffset.Provider value={offset}>{children}</ClockOffset.Provider>;
}

// One timer for every "… ago" on the page, running while at least one is shown, and a count
// again the moment the tab comes back into view (a hidden tab's timers are slowed down).
const TICK_MS = 30_000;
let ticks = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function tick() {
  ticks++;
  for (const l of listeners) l();
}
function onVisible() {
  if (document.visibilityState === "visible") tick();
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    timer = setInterval(tick, TICK_MS);
    document.addEventListener("visibilitychange", onVisible);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
      document.removeEventListener("visibilitychange", onVisible);
    }
  };
}
const tickCount = () => ticks;

/**
 * How long ago a moment was, "3 minutes ago", as a `<time>`, kept up to date while the page stays
 * open (within half a minute). The server writes it and the browser again, from clocks that may
 * disagree at a unit's boundary; React then keeps the server's words (`suppressHydrationWarning`)
 * instead of throwing the page away and drawing it again.
 */
export function Ago({ at, title, className }: { at: Date | string; title?: string; className?: string }) {
  useSyncExternalStore(subscribe, tickCount, tickCount);
  const offset = useContext(ClockOffset);
  return (
    <time dateTime={new Date(at).toISOString()} title={title} className={className} suppressHydrationWarning>
      {formatRelative(at, new Date(Date.now() + offset))}
    </time>
  );
}
