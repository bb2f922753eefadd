// @vitest-environment jsdom
// components/ui/reveal-hash-target.tsx in a browser-like DOM: the element the address's fragment
// names is scrolled into view when the page mounts, and a fragment that is not valid
// percent-encoding leaves the page as it is instead of failing it.
import { createElement, act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RevealHashTarget, fragmentId } from "@/components/ui/reveal-hash-target";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLDivElement;
const scrolled: string[] = [];

beforeEach(() => {
  scrolled.length = 0;
  // jsdom does no layout: record which element was asked to come into view, and how.
  Element.prototype.scrollIntoView = vi.fn(function (this: Element, arg?: boolean | ScrollIntoViewOptions) {
    scrolled.push(`${this.id} ${JSON.stringify(arg)}`);
  });
  host = document.createElement("div");
  host.innerHTML = '<section id="proposals"></section><article id="comment-ab12"></article><p id="ünïcode"></p>';
  document.body.appendChild(host);
  root = createRoot(host.appendChild(document.createElement("div")));
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  window.history.replaceState(null, "", "/");
});

/** Opens the page at `hash`: a fresh mount each time, as a navigation to it is. */
function mountAt(hash: string) {
  window.history.replaceState(null, "", `/reviews/r1${hash}`);
  act(() => root.render(null));
  act(() => root.render(createElement(RevealHashTarget)));
}

describe("RevealHashTarget", () => {
  it("scrolls the element the fragment names to the top of the view", () => {
    mountAt("#comment-ab12");
    expect(scrolled).toEqual(['comment-ab12 {"block":"start"}']);
  });

  it("finds a percent-encoded id as the browser does", () => {
    mountAt(`#${encodeURIComponent("ünïcode")}`);
    expect(scrolled).toEqual(['ünïcode {"block":"start"}']);
  });

  it("does nothing without a fragment, or for one that names nothing on the page", () => {
    mountAt("");
    mountAt("#nowhere");
    expect(scrolled).toEqual([]);
  });

  it("leaves the page as it is for a fragment that is not valid percent-encoding", () => {
    expect(() => mountAt("#%E0%A4%A")).not.toThrow();
    expect(host.querySelector("#proposals")).not.toBeNull();
    expect(scrolled).toEqual([]);
  });
});

describe("fragmentId", () => {
  it("decodes the fragment, and gives null for an empty or broken one", () => {
    expect(fragmentId("#proposals")).toBe("proposals");
    expect(fragmentId("#a%20b")).toBe("a b");
    expect(fragmentId("#")).toBeNull();
    expect(fragmentId("")).toBeNull();
    expect(fragmentId("#%E0%A4%A")).toBeNull();
  });
});
