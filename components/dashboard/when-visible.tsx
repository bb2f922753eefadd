"use client";

import { startTransition, useEffect, useRef, useState, type ReactNode } from "react";

/**
 * The charts waiting to be drawn, in page order. They are drawn one at a time, the next only once
 * the one before is on the page: first those near the viewport (each in a task of its own, right
 * away), then the rest in the browser's idle periods. Each chart is a task of its own, so the
 * first one appears as soon as it is drawn rather than when the whole first screen is, and a
 * click or a key press is answered between two charts instead of after all of them. (Drawn
 * together on the large data set, the first screen's charts appeared 0.5 s after the page could
 * draw the first, and the charts further down held the first click back by as much again.)
 */
type Waiting = { show: () => void; near: boolean };
const waiting: Waiting[] = [];
/** The chart shown last, until it is on the page (or gone with its page). */
let drawing: Waiting | null = null;
let soonScheduled = false;
let idleScheduled = false;

function drawOne() {
  if (drawing) return;
  const next = waiting.find((w) => w.near) ?? waiting[0];
  if (!next) return;
  waiting.splice(waiting.indexOf(next), 1);
  drawing = next;
  next.show();
}

function drawNext() {
  if (drawing) return;
  if (waiting.some((w) => w.near)) {
    if (soonScheduled) return;
    soonScheduled = true;
    setTimeout(() => {
      soonScheduled = false;
      drawOne();
    }, 0);
  } else if (waiting.length && !idleScheduled) {
    idleScheduled = true;
    const run = () => {
      idleScheduled = false;
      drawOne();
    };
    // Safari has no requestIdleCallback: a timer stands in for it.
    if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(run, { timeout: 4000 });
    else setTimeout(run, 300);
  }
}

/**
 * Renders its children in their turn (above): soon when they are near the viewport, else when the
 * browser is idle, and at once before printing. The dashboard has eleven chart cards: drawing their
 * charts one by one makes the page interactive sooner, and those further down are there by the time
 * anyone scrolls to them.
 */
export function WhenVisible({ children, height }: { children: ReactNode; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (visible || !el) return;
    const show = () => startTransition(() => setVisible(true));
    if (typeof IntersectionObserver === "undefined") return show();
    const entry: Waiting = { show, near: false };
    waiting.push(entry);
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        entry.near = true;
        drawNext();
      },
      { rootMargin: "300px 0px" },
    );
    io.observe(el);
    drawNext();
    const print = () => setVisible(true);
    window.addEventListener("beforeprint", print);
    return () => {
      // Drawn (this effect ends when `visible` turns true, the chart now on the page) or gone.
      io.disconnect();
      window.removeEventListener("beforeprint", print);
      const i = waiting.indexOf(entry);
      if (i >= 0) waiting.splice(i, 1);
      if (drawing === entry) drawing = null;
      drawNext();
    };
  }, [visible]);
  return (
    <div ref={ref} style={visible ? undefined : { minHeight: height }} aria-busy={!visible} data-chart-pending={visible ? undefined : ""}>
      {visible ? children : null}
    </div>
  );
}
