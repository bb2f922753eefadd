// The project's migration runner. It applies prisma/migrations/*/migration.sql in order and keeps
// Prisma's own `_prisma_migrations` bookkeeping (same table, same sha256 checksums), so the plain
// Prisma CLI accepts the same history on a machine where it can run.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

export type MigrationDir = { name: string; sql: string; checksum: string };

export function loadMigrationDirectories(dir = MIGRATIONS_DIR): MigrationDir[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// Prisma's DDL for its bookkeeping table.
const BOOKKEEPING_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any number fits; it only keeps two runners (say, two app instances starting) from racing.
const LOCK_KEY = 72707369;

/**
 * Connects to `connectionString`'s database, creating it first when the server says it does not
 * exist (as Prisma's own `migrate deploy` does), through the server's `postgres` database with the
 * same credentials. Another runner creating it at the same moment is fine.
 */
export async function connectCreatingDatabase(connectionString: string, log: (msg: string) => void = () => {}): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    return client;
  } catch (e) {
    await client.end().catch(() => {});
    if ((e as { code?: string }).code !== "3D000") throw e; // invalid_catalog_name: no such database
  }
  const url = new URL(connectionString);
  // Without a database in the address, PostgreSQL takes the user's name.
  const name = decodeURIComponent(url.pathname.slice(1) || url.username);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    log(`created database ${name}`);
  } catch (e) {
    // Another runner made it: duplicate_database, or, when both were creating it at the same
    // moment, unique_violation on the catalog's name index.
    if (!["42P04", "23505"].includes((e as { code?: string }).code ?? "")) throw e;
  } finally {
    await admin.end();
  }
  const created = new pg.Client({ connectionString });
  await created.connect();
  return created;
}

export async function applyMigrations(
  connectionString: string,
  opts: { dir?: string; log?: (msg: string) => void } = {},
): Promise<string[]> {
  const log = opts.log ?? (() => {});
  const migrations = loadMigrationDirectories(opts.dir);
  const client = await connectCreatingDatabase(connectionString, log);
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(BOOKKEEPING_DDL);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r.checksum]));
    const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at);
    if (failed.length) {
      throw new Error(`migration ${failed[0].migration_name} failed earlier and was not rolled back; fix the database first`);
    }
    for (const m of migrations) {
      const known = done.get(m.name);
      if (known) {
        if (known !== m.checksum) log(`warning: ${m.name} was edited after it was applied (checksum differs)`);
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, m.checksum, m.name],
        );
        await client.query(m.sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
      }
      applied.push(m.name);
      log(`applied ${m.name}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return applied;
}
