// Throw-away databases for a test run: created on the same server as DATABASE_URL (or the local
// default), migrated with the project's runner, dropped at the end. The demo data and a user's
// own database are never touched.
import pg from "pg";
import { applyMigrations } from "../../scripts/db/migrations";

export function serverUrl(): URL {
  const raw = process.env.KEYSTONE_TEST_SERVER_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  return new URL(raw);
}

export function databaseUrl(name: string): string {
  const u = serverUrl();
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl("postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  await applyMigrations(url);
  return { name, url };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
