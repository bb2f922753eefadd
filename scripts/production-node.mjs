// The Node.js the production image runs (the Dockerfile's base image, `FROM node:24-…`), for what
// measures the production build (`npm run bench`) and for CI's pass of the tests on it: this
// machine's own Node when it is that major, otherwise the npm registry's build of it
// (`node-<platform>-<arch>@<major>`), fetched once into node_modules/.cache. Node built-ins only.
// `node scripts/production-node.mjs` prints the binary's path (exit 1, with the reason, when there is none).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The major version of the last `FROM node:<major>-…` in a Dockerfile's text, or null. */
export function nodeMajorOfDockerfile(text) {
  const majors = [...text.matchAll(/^FROM\s+(?:--platform=\S+\s+)?node:(\d+)(?!\d)/gim)].map((m) => Number(m[1]));
  return majors.length ? majors[majors.length - 1] : null;
}

/** The major of a Node version, with or without its "v" ("v24.22.3", "20.20.2"). */
export const majorOf = (version) => Number(version.replace(/^v/, "").split(".")[0]);

/** The npm package with Node's own build for a platform and architecture (Linux and macOS on x64 and arm64), or null. */
export function nodePackageFor(platform, arch) {
  const os = { linux: "linux", darwin: "darwin" }[platform];
  return os && (arch === "x64" || arch === "arm64") ? `node-${os}-${arch}` : null;
}

const versionOf = (bin) => {
  const r = spawnSync(bin, ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
};

/**
 * The production image's Node: `{ bin, version, major, fetched }`, or `{ bin: null, major, reason }`
 * when it is not this machine's and cannot be had (no Dockerfile, a platform without an npm build,
 * the registry out of reach).
 */
export function productionNode(root = process.cwd()) {
  const dockerfile = path.join(root, "Dockerfile");
  const major = existsSync(dockerfile) ? nodeMajorOfDockerfile(readFileSync(dockerfile, "utf8")) : null;
  if (major === null) return { bin: null, major, reason: "the Dockerfile names no node base image" };
  if (majorOf(process.version) === major) return { bin: process.execPath, version: process.version, major, fetched: false };
  const pkg = nodePackageFor(process.platform, process.arch);
  if (!pkg) return { bin: null, major, reason: `the npm registry has no Node build for ${process.platform}-${process.arch}` };
  const home = path.join(root, "node_modules", ".cache", "keystone-node", `${pkg}@${major}`);
  const bin = path.join(home, "package", "bin", "node");
  if (!existsSync(bin)) {
    // Fetched into a directory of its own beside the cache (the same file system), then moved
    // into place whole: a fetch that stops half-way leaves nothing that looks ready.
    mkdirSync(path.dirname(home), { recursive: true });
    const tmp = mkdtempSync(path.join(path.dirname(home), ".fetch-"));
    try {
      const packed = spawnSync("npm", ["pack", "--silent", "--pack-destination", tmp, `${pkg}@${major}`], { encoding: "utf8" });
      const tgz = readdirSync(tmp).find((f) => f.endsWith(".tgz"));
      if (packed.status !== 0 || !tgz) return { bin: null, major, reason: `npm could not fetch ${pkg}@${major}: ${(packed.stderr || "").trim().split("\n").pop() || `exit ${packed.status}`}` };
      const unpacked = path.join(tmp, "unpacked");
      mkdirSync(unpacked);
      if (spawnSync("tar", ["-xzf", path.join(tmp, tgz), "-C", unpacked]).status !== 0) return { bin: null, major, reason: `could not unpack ${tgz}` };
      rmSync(home, { recursive: true, force: true });
      renameSync(unpacked, home);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const version = versionOf(bin);
  if (!version || majorOf(version) !== major) return { bin: null, major, reason: `${bin} does not run as Node ${major}` };
  return { bin, version, major, fetched: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const node = productionNode();
  if (!node.bin) {
    console.error(`No Node ${node.major ?? "?"} for the production image's runtime: ${node.reason}`);
    process.exit(1);
  }
  console.log(node.bin);
}
