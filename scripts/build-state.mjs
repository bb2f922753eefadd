// Whether the production build in .next is older than the sources it was built from, so that
// `npm start` and the bench and proof scripts rebuild after a change instead of measuring or
// serving yesterday's code; and how each of them starts that build. Node built-ins only
// (`npm start` uses it before `npm ci`).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib"];
const SOURCE_FILES = ["package-lock.json", "next.config.ts", "proxy.ts", "instrumentation.ts", "prisma/schema.prisma"];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when there is no build in `root`/.next, or a source changed after it was made. */
export function buildIsStale(root = process.cwd()) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const at = (p) => path.join(root, p);
  const sources = Math.max(
    ...SOURCE_DIRS.filter((d) => existsSync(at(d))).map((d) => newestMtime(at(d))),
    ...SOURCE_FILES.filter((f) => existsSync(at(f))).map((f) => statSync(at(f)).mtimeMs),
  );
  return statSync(buildId).mtimeMs < sources;
}

/**
 * `next start`'s arguments, the same for `npm start`, the e2e server and the scripts (and the
 * Dockerfile's CMD): idle connections stay open 65 s, not Node's 5 s, so a client or proxy that
 * reuses one just as the server would close it gets an answer, not a reset (proxies keep theirs
 * about 60 s).
 */
export function productionStartArgs(port) {
  return ["start", "-p", String(port), "--keepAliveTimeout", "65000"];
}
