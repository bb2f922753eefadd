"use client";

import { useSyncExternalStore } from "react";
import { formatRelative, serverNow } from "@/lib/format";

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
  return (
    <time dateTime={new Date(at).toISOString()} title={title} className={className} suppressHydrationWarning>
      {formatRelative(at, serverNow())}
    </time>
  );
}
