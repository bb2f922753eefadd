"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Renders its children once they come near the viewport. The dashboard has a dozen charts; those
 * further down are drawn when scrolled to, so the first screen becomes interactive sooner.
 */
export function WhenVisible({ children, height }: { children: ReactNode; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || visible) return;
    if (typeof IntersectionObserver === "undefined") return setVisible(true);
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: "300px 0px" });
    io.observe(el);
    return () => io.disconnect();
  }, [visible]);
  return (
    <div ref={ref} style={visible ? undefined : { minHeight: height }} aria-busy={!visible}>
      {visible ? children : null}
    </div>
  );
}
