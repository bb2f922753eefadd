"use client";

import { startTransition, useEffect, useRef, useState, type ReactNode } from "react";

/**
 * The charts waiting to be drawn, in page order. They are drawn one at a time, the next only once
 * the one before is on the page: first those near the viewport (each in a task of its own, right
 * away), then, after a quiet spell, the rest in the browser's idle periods. Each chart is a task
 * of its own, so the first one appears as soon as it is drawn rather than when the whole first
 * screen is, and a click or a key press is answered between two charts instead of after all of
 * them. (Drawn together on the large data set, the first screen's charts appeared 0.5 s after the
 * page could draw the first, and the charts further down held the first click back by as much
 * again.)
 *
 * The quiet spell: a chart takes 100-300 ms of the main thread on a slow machine, and the charts
 * further down, drawn back to back as soon as the first screen's were, kept the page busy for the
 * next two seconds, just when a person starts to use it (their first click waited 0.5 s longer).
 * They start 1.5 s after the last chart near the viewport; a chart scrolled to is still drawn at
 * once, and printing draws them all.
 *
 * "On the page" means its `<svg>` is there and a frame has been painted with it: React commits
 * the chart's container first, and Recharts draws the chart itself in the renders that follow
 * (once the container is measured). Letting go at the commit would start the next chart inside
 * the same long task as the one before.
 */
type Waiting = { show: () => void; near: boolean };
const waiting: Waiting[] = [];
/** The chart shown last, until it is on the page (or gone with its page). */
let drawing: Waiting | null = null;
let soonScheduled = false;
let idleScheduled = false;
/** A chart that draws no `<svg>` (no room for it, say) holds the queue no longer than this. */
const DRAW_TIMEOUT_MS = 1000;
/** The quiet spell (above): charts away from the viewport wait this long after one near it was shown. */
export const QUIET_MS = 1500;
let quietUntil = 0;

function leaveQueue(entry: Waiting) {
  const i = waiting.indexOf(entry);
  if (i >= 0) waiting.splice(i, 1);
}

/** Shows the next chart near the viewport, or, when `far` is allowed, the first one waiting. */
function drawOne(far: boolean) {
  if (drawing) return;
  const next = waiting.find((w) => w.near) ?? (far ? waiting[0] : undefined);
  if (!next) return;
  leaveQueue(next);
  drawing = next;
  if (next.near) quietUntil = performance.now() + QUIET_MS;
  next.show();
}

function drawNext() {
  if (drawing) return;
  if (waiting.some((w) => w.near)) {
    if (soonScheduled) return;
    soonScheduled = true;
    setTimeout(() => {
      soonScheduled = false;
      drawOne(false);
    }, 0);
  } else if (waiting.length && !idleScheduled) {
    idleScheduled = true;
    const run = () => {
      idleScheduled = false;
      // A chart near the viewport was shown meanwhile: the quiet spell starts again.
      if (performance.now() < quietUntil) drawNext();
      else drawOne(true);
    };
    setTimeout(() => {
      // Safari has no requestIdleCallback: a timer stands in for it.
      if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(run, { timeout: 4000 });
      else setTimeout(run, 300);
    }, Math.max(0, quietUntil - performance.now()));
  }
}

/** The chart `entry` is on the page, or gone: the next one may be drawn. */
function release(entry: Waiting) {
  leaveQueue(entry);
  if (drawing === entry) drawing = null;
  drawNext();
}

/**
 * Renders its children in their turn (above): soon when they are near the viewport, else when the
 * browser is idle after the quiet spell, and at once before printing. The dashboard has eleven
 * chart cards: drawing their charts one by one makes the page interactive sooner, and those further
 * down are there by the time anyone scrolls to them.
 */
export function WhenVisible({ children, height }: { children: ReactNode; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  const [mine] = useState<Waiting>(() => ({ show: () => startTransition(() => setVisible(true)), near: false }));

  // Gone from the page, drawn or not: it no longer waits or holds the queue.
  useEffect(() => () => release(mine), [mine]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!visible) {
      // Waiting for its turn.
      if (typeof IntersectionObserver === "undefined") return mine.show();
      waiting.push(mine);
      const io = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          mine.near = true;
          drawNext();
        },
        { rootMargin: "300px 0px" },
      );
      io.observe(el);
      drawNext();
      const print = () => setVisible(true);
      window.addEventListener("beforeprint", print);
      return () => {
        io.disconnect();
        window.removeEventListener("beforeprint", print);
        leaveQueue(mine);
      };
    }
    // Shown: hold the queue until the chart is on the page and painted, then let the next one go.
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (el.querySelector("svg")) done();
    });
    const timeout = setTimeout(done, DRAW_TIMEOUT_MS);
    function done() {
      observer.disconnect();
      clearTimeout(timeout);
      // After the next frame, so that the chart is painted before the next one starts drawing.
      frame = requestAnimationFrame(() => release(mine));
    }
    if (el.querySelector("svg")) done();
    else observer.observe(el, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      clearTimeout(timeout);
      cancelAnimationFrame(frame);
    };
  }, [visible, mine]);

  return (
    <div ref={ref} style={visible ? undefined : { minHeight: height }} aria-busy={!visible} data-chart-pending={visible ? undefined : ""}>
      {visible ? children : null}
    </div>
  );
}
