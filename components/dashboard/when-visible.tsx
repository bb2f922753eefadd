"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Renders its children once they come near the viewport, or when the browser is next idle, or
 * before printing, whichever comes first. The dashboard has a dozen charts: drawing those further
 * down after the first screen makes the page interactive sooner, and they are there by the time
 * anyone scrolls to them.
 */
export function WhenVisible({ children, height }: { children: ReactNode; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || visible) return;
    const show = () => setVisible(true);
    if (typeof IntersectionObserver === "undefined") return show();
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), { rootMargin: "300px 0px" });
    io.observe(el);
    // Safari has no requestIdleCallback: a timer stands in for it.
    const hasIdle = typeof window.requestIdleCallback === "function";
    const idle = hasIdle ? window.requestIdleCallback(show, { timeout: 4000 }) : setTimeout(show, 1500);
    window.addEventListener("beforeprint", show);
    return () => {
      io.disconnect();
      if (hasIdle) window.cancelIdleCallback(idle as number);
      else clearTimeout(idle);
      window.removeEventListener("beforeprint", show);
    };
  }, [visible]);
  return (
    <div ref={ref} style={visible ? undefined : { minHeight: height }} aria-busy={!visible} data-chart-pending={visible ? undefined : ""}>
      {visible ? children : null}
    </div>
  );
}
