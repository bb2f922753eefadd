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

// 1. Dependencies.
const stamp = "node_modules/.package-lock.json";
if (!existsSync(stamp) || statSync("package-lock.json").mtimeMs > statSync(stamp).mtimeMs) {
  log("Installing dependencies (npm ci) …");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

// 2. Database.
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

// 3. Build (only when the sources changed since the last build).
if (!dev) {
  if (buildIsStale()) {
    log("Building Keystone (next build) …");
    run(path.join("node_modules", ".bin", "next"), ["build"], { ...env, NEXT_TELEMETRY_DISABLED: "1" });
  }
}

// 4. Serve.
const port = env.PORT ?? "3000";
if (!env.NEXTAUTH_URL) env.NEXTAUTH_URL = `http://localhost:${port}`;
if (!env.NEXTAUTH_SECRET) {
  // A local installation gets a stable secret of its own, kept beside the embedded data.
  env.NEXTAUTH_SECRET = localSecret();
}
log(`Keystone on http://localhost:${port}  (demo users: see README; Ctrl-C to stop)`);
const app = spawn(path.join("node_modules", ".bin", "next"), dev ? ["dev", "-p", port] : productionStartArgs(port), {
  stdio: "inherit",
  env: { ...env, NEXT_TELEMETRY_DISABLED: "1", KEYSTONE_ALLOW_DEV_SECRET: "0", NODE_OPTIONS: env.NODE_OPTIONS ?? (dev ? "" : "--max-old-space-size=256") },
});

let stopping = false;
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
