// @vitest-environment jsdom
// The dashboard's chart queue (components/dashboard/when-visible.tsx) in a browser-like DOM: charts
// are drawn one at a time, the next only once the one before has its <svg> on the page and a frame
// has been painted, and those away from the viewport wait for the quiet spell. The stand-in chart below draws its <svg> only when told to, as Recharts does
// once it has measured its container (a render after the one that mounts it).
import { createElement, act, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QUIET_MS, WhenVisible } from "@/components/dashboard/when-visible";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const draw: Record<string, () => void> = {};
function FakeChart({ id }: { id: string }) {
  const [drawn, setDrawn] = useState(false);
  draw[id] = () => setDrawn(true);
  return createElement("div", { "data-fake": id }, drawn ? createElement("svg") : null);
}

// IntersectionObserver: observed elements come into view when `intersect()` is called (all, or the nth observers').
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
// Animation frames run only when `frame()` is called; the browser is idle only when `idle()` is.
let frames: FrameRequestCallback[] = [];
let idleCallbacks: IdleRequestCallback[] = [];

const tick = (ms = 5) => act(() => new Promise<void>((r) => setTimeout(r, ms)));
const intersect = (only?: number[]) =>
  act(() => {
    for (const o of observers.filter((_, i) => !only || only.includes(i))) o.cb(o.els.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), o as unknown as IntersectionObserver);
  });
const frame = () =>
  act(() => {
    const run = frames;
    frames = [];
    for (const f of run) f(performance.now());
  });
const idle = () =>
  act(() => {
    const run = idleCallbacks;
    idleCallbacks = [];
    for (const f of run) f({ didTimeout: false, timeRemaining: () => 50 });
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
  idleCallbacks = [];
  globalThis.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
  window.requestAnimationFrame = (f) => frames.push(f);
  window.cancelAnimationFrame = () => {};
  window.requestIdleCallback = (f) => idleCallbacks.push(f);
  host = document.createElement("div");
  document.body.appendChild(host);
  root = createRoot(host);
});

afterEach(async () => {
  await act(() => root.unmount());
  host.remove();
  // The queue is the module's: an idle callback still pending would leave it waiting for one.
  await tick();
  await idle();
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

  it("draws the charts away from the viewport in idle time, once the quiet spell after the last one near it is over", async () => {
    await renderCharts(["a", "b"]);
    await intersect([0]);
    await tick();
    const shownAt = performance.now();
    expect(shown()).toEqual(["a"]);
    await act(() => draw.a());
    await frame();
    await tick(QUIET_MS / 2);
    await idle();
    await tick();
    // The browser is idle, but the page has only just shown its first screen.
    expect(shown()).toEqual(["a"]);
    await tick(QUIET_MS - (performance.now() - shownAt) + 50);
    await idle();
    await tick();
    expect(shown()).toEqual(["a", "b"]);
  });

  it("draws every chart at once before printing", async () => {
    await renderCharts(["a", "b", "c"]);
    await act(() => window.dispatchEvent(new Event("beforeprint")));
    expect(shown()).toEqual(["a", "b", "c"]);
  });
});
