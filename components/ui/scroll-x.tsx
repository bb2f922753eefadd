"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A wide table's horizontal scroller that a keyboard can reach. While its content is wider than
 * the screen allows, it is a named region that takes focus, so arrow keys scroll it (WCAG 2.1.1;
 * axe's scrollable-region-focusable). While everything fits it is a plain box: no extra Tab stop and
 * no extra landmark. Use it where the table itself has nothing focusable in it.
 */
export function ScrollX({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      {...(scrolls ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
      className={cn("relative overflow-x-auto rounded-sm print:overflow-visible", className)}
    >
      {children}
    </div>
  );
}
