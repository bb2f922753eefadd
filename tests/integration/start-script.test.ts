import { spawn } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { freePort } from "../../bench/lib/server";

// What `npm start`, `npm run db:migrate` and `npm test` tell a person when something outside Keystone is in
// the way: one plain line and exit 1, not a stack trace after minutes of setup.

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, out }));
  });
}

/** A port something listens on, and a way to let it go. */
async function heldPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, r));
  const { port } = server.address() as net.AddressInfo;
  return { port, release: () => new Promise((r) => server.close(() => r())) };
}

describe("npm start, db:migrate and npm test, when something is in the way", () => {
  it("npm start names a port that is already taken and stops before touching the database", async () => {
    const held = await heldPort();
    const closed = await freePort();
    try {
      // A database address nothing answers at: had the script gone past the port check, it would
      // say it cannot reach PostgreSQL instead.
      const { code, out } = await run(process.execPath, ["scripts/start.mjs"], {
        PORT: String(held.port),
        DATABASE_URL: `postgresql://postgres@127.0.0.1:${closed}/keystone`,
      });
      expect(code).toBe(1);
      expect(out).toContain(`Port ${held.port} is already in use`);
      expect(out).toContain(`PORT=${held.port + 1} npm start`);
      expect(out).not.toContain("PostgreSQL");
      expect(out).not.toMatch(/\n\s+at /); // no stack
    } finally {
      await held.release();
    }
  });

  it("db:migrate says in one line that the server cannot be reached, without the password", async () => {
    const closed = await freePort();
    const { code, out } = await run("node_modules/.bin/tsx", ["scripts/db/migrate.ts"], {
      DATABASE_URL: `postgresql://keystone:s3cret-word@127.0.0.1:${closed}/keystone`,
    });
    expect(code).toBe(1);
    expect(out.trim()).toBe(
      `Cannot reach PostgreSQL at 127.0.0.1:${closed}/keystone (ECONNREFUSED). Start it, correct DATABASE_URL, or unset DATABASE_URL to let npm start run its own embedded PostgreSQL.`,
    );
    expect(out).not.toContain("s3cret-word");
  });

  it("npm test says where it looked for Chromium and stops before running anything", async () => {
    const closed = await freePort();
    // A database address nothing answers at: a run that went on would fail there, not here.
    const env = { CHROMIUM_PATH: "/nowhere/chromium", DATABASE_URL: `postgresql://postgres@127.0.0.1:${closed}/postgres` };
    const all = await run(process.execPath, ["scripts/test.mjs"], env);
    expect(all.code).toBe(1);
    expect(all.out).toContain("Chromium is not at /nowhere/chromium: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH");
    expect(all.out).not.toContain("vitest");
    const e2e = await run(process.execPath, ["scripts/test.mjs", "e2e"], env);
    expect(e2e.out).toContain("Chromium is not at /nowhere/chromium");
    expect(e2e.code).toBe(1);
    expect(e2e.out).toContain("`npm test -- unit integration` runs the other parts");
  });
});
