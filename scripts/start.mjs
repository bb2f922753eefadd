#!/usr/bin/env node
// `npm start`: the one command that installs, builds, prepares the database, loads demo data
// and serves Keystone on http://localhost:3000 (PORT to change it).
//   - DATABASE_URL set:   uses that PostgreSQL server.
//   - DATABASE_URL unset: starts the embedded PostgreSQL (data in .embedded-pg/, kept across runs).
//   - `--dev` runs `next dev` instead of a production build.
// Ctrl-C stops the app and the embedded database cleanly.
// Uses only Node's built-ins until the dependencies are installed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import net from "node:net";
import { buildIsStale, productionStartArgs } from "./build-state.mjs";

const dev = process.argv.includes("--dev");
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const log = (m) => console.log(`\x1b[36m[keystone]\x1b[0m ${m}`);

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    log(`${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

// 1. The app's port: checked before anything slow, so a second `npm start` (or another program on
// the port) is told so at once instead of after the install, the database and the build.
const port = process.env.PORT ?? "3000";
if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
  log(`PORT must be a number from 1 to 65535 (it is "${port}")`);
  process.exit(1);
}
const portError = await new Promise((resolve) => {
  const probe = net.createServer();
  probe.once("error", (e) => resolve(e));
  probe.listen(Number(port), () => probe.close(() => resolve(null)));
});
if (portError) {
  log(
    portError.code === "EADDRINUSE"
      ? `Port ${port} is already in use (another Keystone, or another program). Stop it, or choose another port: PORT=${Number(port) + 1} npm start`
      : `Cannot serve on port ${port} (${portError.code ?? portError.message}). Choose another port: PORT=3001 npm start`,
  );
  process.exit(1);
}

// 2. Dependencies.
const stamp = "node_modules/.package-lock.json";
if (!existsSync(stamp) || statSync("package-lock.json").mtimeMs > statSync(stamp).mtimeMs) {
  log("Installing dependencies (npm ci) …");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

// 3. Database.
let stopDb = async () => {};
const env = { ...process.env };
if (!env.DATABASE_URL) {
  const { startEmbeddedPostgres } = await import("./embedded-db.mjs");
  const db = await startEmbeddedPostgres({ log });
  env.DATABASE_URL = db.url;
  stopDb = db.stop;
} else {
  log("Using the PostgreSQL server in DATABASE_URL");
}
const tsx = path.join("node_modules", ".bin", "tsx");
run(tsx, ["scripts/db/migrate.ts"], env);
run(tsx, ["prisma/seed.ts"], env);

// 4. Build (only when the sources changed since the last build).
if (!dev) {
  if (buildIsStale()) {
    log("Building Keystone (next build) …");
    run(path.join("node_modules", ".bin", "next"), ["build"], { ...env, NEXT_TELEMETRY_DISABLED: "1" });
  }
}

// 5. Serve.
if (!env.NEXTAUTH_URL) env.NEXTAUTH_URL = `http://localhost:${port}`;
if (!env.NEXTAUTH_SECRET) {
  // A local installation gets a stable secret of its own, kept beside the embedded data.
  env.NEXTAUTH_SECRET = localSecret();
}
log(`Starting Keystone on port ${port} …`);
const app = spawn(path.join("node_modules", ".bin", "next"), dev ? ["dev", "-p", port] : productionStartArgs(port), {
  stdio: "inherit",
  env: { ...env, NEXT_TELEMETRY_DISABLED: "1", KEYSTONE_ALLOW_DEV_SECRET: "0", NODE_OPTIONS: env.NODE_OPTIONS ?? (dev ? "" : "--max-old-space-size=256") },
});

let stopping = false;
// Says where to go once the app answers (not before: a start that fails should not look served).
(async () => {
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 600 && app.exitCode === null && !stopping; i++) {
    try {
      await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      log(`Keystone is ready: open ${url}  (demo users: see README; Ctrl-C to stop)`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
})();

async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log(`Stopping (${signal}) …`);
  app.kill("SIGTERM");
  await new Promise((r) => (app.exitCode !== null ? r() : app.once("exit", r)));
  await stopDb();
  log("Stopped.");
  process.exit(0);
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
app.on("exit", (code) => {
  if (!stopping) {
    log(`The app exited (code ${code}).`);
    stopDb().finally(() => process.exit(code ?? 1));
  }
});

function localSecret() {
  const dir = ".keystone-state";
  const file = path.join(dir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
