// Start a production build of Keystone on a port against a given database, for scripts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import { buildIsStale, productionStartArgs } from "../../scripts/build-state.mjs";

/** Builds the production app when forced, when there is none, or when a source changed since. */
export function ensureBuild(force = false) {
  if (!force && !buildIsStale()) return;
  const r = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build failed");
}

export async function startServer(opts: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<{ proc: ChildProcess; base: string; stop: () => Promise<void> }> {
  // On the Node that runs this script (as the bench's baseline server is), not whichever `node`
  // comes first on PATH: the two sides of a comparison on one runtime.
  const proc = spawn(process.execPath, ["node_modules/next/dist/bin/next", ...productionStartArgs(opts.port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: opts.databaseUrl,
      NEXTAUTH_URL: `http://localhost:${opts.port}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-not-for-production",
      LOGIN_MAX_FAILURES_PER_ADDRESS: "100000",
      NEXT_TELEMETRY_DISABLED: "1",
      // The production setting (README): a bounded heap keeps the instance well under 500 MB.
      NODE_OPTIONS: process.env.KEYSTONE_NODE_OPTIONS ?? "--max-old-space-size=256",
      ...opts.env,
    },
  });
  const base = `http://localhost:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.status === 200 || r.status === 503) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    proc,
    base,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
      }),
  };
}

/** A TCP port nothing listens on now, chosen by the system (a random pick once met MariaDB's 3306). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
