import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIsStale } from "../../scripts/build-state.mjs";

// `npm start` and the bench and proof scripts rebuild only when this says so: a stale "yes, fresh"
// would serve or measure old code.
describe("buildIsStale", () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));
  const project = () => {
    const root = mkdtempSync(path.join(tmpdir(), "keystone-build-"));
    roots.push(root);
    mkdirSync(path.join(root, "lib", "accounts"), { recursive: true });
    writeFileSync(path.join(root, "lib", "accounts", "service.ts"), "export {}");
    writeFileSync(path.join(root, "package-lock.json"), "{}");
    return root;
  };
  const touch = (file: string, secondsAgo: number) => {
    const t = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(file, t, t);
  };
  const build = (root: string, secondsAgo: number) => {
    mkdirSync(path.join(root, ".next"), { recursive: true });
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    touch(path.join(root, ".next", "BUILD_ID"), secondsAgo);
  };

  it("wants a build when there is none", () => {
    expect(buildIsStale(project())).toBe(true);
  });

  it("keeps a build made after the last change, and wants one after a source file changes", () => {
    const root = project();
    touch(path.join(root, "lib", "accounts", "service.ts"), 60);
    touch(path.join(root, "package-lock.json"), 60);
    build(root, 30);
    expect(buildIsStale(root)).toBe(false);
    touch(path.join(root, "lib", "accounts", "service.ts"), 10);
    expect(buildIsStale(root)).toBe(true);
  });

  it("wants a build after the proxy or the dependencies change", () => {
    const root = project();
    writeFileSync(path.join(root, "proxy.ts"), "export {}");
    for (const f of ["lib/accounts/service.ts", "package-lock.json", "proxy.ts"]) touch(path.join(root, f), 60);
    build(root, 30);
    expect(buildIsStale(root)).toBe(false);
    touch(path.join(root, "proxy.ts"), 5);
    expect(buildIsStale(root)).toBe(true);
    touch(path.join(root, "proxy.ts"), 60);
    touch(path.join(root, "package-lock.json"), 5);
    expect(buildIsStale(root)).toBe(true);
  });
});
