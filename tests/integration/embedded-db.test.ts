import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import pg from "pg";

// The path a fresh machine takes: DATABASE_URL unset, so Keystone starts its own PostgreSQL.
describe("embedded PostgreSQL (DATABASE_URL unset)", () => {
  it("initialises once, keeps its data across restarts, and stops cleanly", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "keystone-embedded-"));
    // Outside Linux's ephemeral range (32768–60999), where client sockets come and go. Once in
    // four CI runs the server stopped here before it was ready, with no reason given; a failure now
    // carries the server's last lines (next test).
    const port = 20000 + Math.floor(Math.random() * 10000);
    process.env.KEYSTONE_PG_DIR = dir;
    process.env.KEYSTONE_PG_PORT = String(port);
    try {
      // Imported after the env is set: the module reads its folder and port at load time.
      const { startEmbeddedPostgres } = await import("../../scripts/embedded-db.mjs");
      const quiet = () => {};
      const first = await startEmbeddedPostgres({ database: "keystone", log: quiet });
      expect(first.url).toContain(`:${port}/keystone`);
      let c = new pg.Client({ connectionString: first.url });
      await c.connect();
      await c.query("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives restarts')");
      await c.end();
      await first.stop();

      const second = await startEmbeddedPostgres({ database: "keystone", log: quiet });
      c = new pg.Client({ connectionString: second.url });
      await c.connect();
      const { rows } = await c.query("SELECT v FROM kept");
      await c.end();
      expect(rows).toEqual([{ v: "survives restarts" }]);
      await second.stop();
      // Stopped means the port is free again.
      await expect(new pg.Client({ connectionString: second.url, connectionTimeoutMillis: 1000 }).connect()).rejects.toThrow();
    } finally {
      delete process.env.KEYSTONE_PG_DIR;
      delete process.env.KEYSTONE_PG_PORT;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("says why when the server stops before it is ready, with the server's own last lines", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "keystone-embedded-"));
    // A data folder that looks initialised but is not: the server exits at once.
    mkdirSync(path.join(dir, "data"));
    writeFileSync(path.join(dir, "data", "PG_VERSION"), "18\n");
    chmodSync(path.join(dir, "data"), 0o777);
    const port = 20000 + Math.floor(Math.random() * 10000);
    process.env.KEYSTONE_PG_DIR = dir;
    process.env.KEYSTONE_PG_PORT = String(port);
    try {
      vi.resetModules();
      const { startEmbeddedPostgres } = await import("../../scripts/embedded-db.mjs");
      await expect(startEmbeddedPostgres({ database: "keystone", log: () => {} })).rejects.toThrow(
        new RegExp(`did not start on port ${port} .*KEYSTONE_PG_PORT.*\\n.*postgresql\\.conf`, "s"),
      );
    } finally {
      delete process.env.KEYSTONE_PG_DIR;
      delete process.env.KEYSTONE_PG_PORT;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
