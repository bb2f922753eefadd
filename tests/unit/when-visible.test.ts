// @vitest-environment jsdom
// The dashboard's chart queue (components/dashboard/when-visible.tsx) in a browser-like DOM: charts
// are drawn one at a time, the next only once the one before has its <svg> on the page and a frame
// has been painted. The stand-in chart below draws its <svg> only when told to, as Recharts does
// once it has measured its container (a render after the one that mounts it).
import { createElement, act, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WhenVisible } from "@/components/dashboard/when-visible";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const draw: Record<string, () => void> = {};
function FakeChart({ id }: { id: string }) {
  const [drawn, setDrawn] = useState(false);
  draw[id] = () => setDrawn(true);
  return createElement("div", { "data-fake": id }, drawn ? createElement("svg") : null);
}

// IntersectionObserver: every observed element comes into view when `intersect()` is called.
let observers: { cb: IntersectionObserverCallback; els: Element[] }[] = [];
class FakeIntersectionObserver {
  private entry: { cb: IntersectionObserverCallback; els: Element[] };
  constructor(cb: IntersectionObserverCallback) {
    this.entry = { cb, els: [] };
    observers.push(this.entry);
  }
  observe(el: Element) {
    this.entry.els.push(el);
  }
  disconnect() {
    observers = observers.filter((o) => o !== this.entry);
  }
  unobserve() {}
  takeRecords() {
    return [];
  }
}
// Animation frames run only when `frame()` is called.
let frames: FrameRequestCallback[] = [];

const tick = (ms = 5) => act(() => new Promise<void>((r) => setTimeout(r, ms)));
const intersect = () =>
  act(() => {
    for (const o of [...observers]) o.cb(o.els.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), o as unknown as IntersectionObserver);
  });
const frame = () =>
  act(() => {
    const run = frames;
    frames = [];
    for (const f of run) f(performance.now());
  });
const shown = () => [...document.querySelectorAll("[data-fake]")].map((e) => e.getAttribute("data-fake"));

let root: Root;
let host: HTMLDivElement;
function renderCharts(ids: string[]) {
  return act(() => root.render(createElement("div", null, ...ids.map((id) => createElement(WhenVisible, { key: id, height: 10, children: createElement(FakeChart, { id }) })))));
}

beforeEach(() => {
  observers = [];
  frames = [];
  globalThis.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
  window.requestAnimationFrame = (f) => frames.push(f);
  window.cancelAnimationFrame = () => {};
  window.requestIdleCallback = () => 0;
  host = document.createElement("div");
  document.body.appendChild(host);
  root = createRoot(host);
});

afterEach(async () => {
  await act(() => root.unmount());
  host.remove();
  await tick();
});

describe("WhenVisible's queue", () => {
  it("starts the next chart only once the one before has drawn its <svg> and a frame has passed", async () => {
    await renderCharts(["a", "b", "c"]);
    expect(shown()).toEqual([]);
    await intersect();
    await tick();
    // The first chart is mounted; it has not drawn yet (it is measuring its container).
    expect(shown()).toEqual(["a"]);
    await tick(30);
    expect(shown()).toEqual(["a"]);

    await act(() => draw.a());
    await tick();
    // Drawn, but not yet painted: the next one waits for the frame.
    expect(shown()).toEqual(["a"]);
    await frame();
    await tick();
    expect(shown()).toEqual(["a", "b"]);

    await act(() => draw.b());
    await frame();
    await tick();
    expect(shown()).toEqual(["a", "b", "c"]);
  });

  it("lets the next chart go after a second when one draws no <svg>, and at once when one leaves the page", async () => {
    await renderCharts(["a", "b", "c"]);
    await intersect();
    await tick();
    expect(shown()).toEqual(["a"]);
    // "a" never draws (no room for it, say): it holds the queue no longer than a second.
    await tick(1100);
    await frame();
    await tick();
    expect(shown()).toEqual(["a", "b"]);
    // "b" is still drawing when its card goes away: "c" is not left waiting.
    await renderCharts(["a", "c"]);
    await tick();
    expect(shown()).toEqual(["a", "c"]);
  });

  it("draws every chart at once before printing", async () => {
    await renderCharts(["a", "b", "c"]);
    await act(() => window.dispatchEvent(new Event("beforeprint")));
    expect(shown()).toEqual(["a", "b", "c"]);
  });
});
