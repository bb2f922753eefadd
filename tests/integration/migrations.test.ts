import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { applyMigrations, loadMigrationDirectories } from "../../scripts/db/migrations";
import { datamodel, diff } from "../../scripts/db/schema-engine";
import { createTestDatabase, dropTestDatabase, databaseUrl } from "../support/test-db";

// What the database looks like, in terms that matter: tables, columns, enums, indexes, constraints.
async function describeSchema(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const q = async (sql: string) => (await c.query(sql)).rows.map((r) => JSON.stringify(r)).sort();
    return {
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, numeric_scale
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      enums: await q(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
      constraints: await q(`SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`),
    };
  }
  finally {
    await c.end();
  }
}

describe("migrations", () => {
  let fromSchema: { name: string; url: string };
  beforeAll(async () => {
    // A database built straight from schema.prisma, to compare with the one the migrations built.
    fromSchema = await createTestDatabase("keystone_schema");
    const sql = await diff({ tag: "empty" }, datamodel(readFileSync("prisma/schema.prisma", "utf8")), fromSchema.url);
    const c = new pg.Client({ connectionString: fromSchema.url });
    await c.connect();
    await c.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    await c.query(sql);
    await c.end();
  });
  afterAll(async () => {
    await dropTestDatabase(fromSchema.name);
  });

  it("build exactly the schema in schema.prisma (no drift)", async () => {
    const migrated = await describeSchema(process.env.DATABASE_URL!);
    const expected = await describeSchema(fromSchema.url);
    expect(migrated.enums).toEqual(expected.enums);
    expect(migrated.columns).toEqual(expected.columns);
    expect(migrated.indexes).toEqual(expected.indexes);
    expect(migrated.constraints).toEqual(expected.constraints);
  });

  it("keep Prisma's _prisma_migrations bookkeeping with the files' checksums, and apply nothing twice", async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    const { rows } = await c.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    await c.end();
    const files = loadMigrationDirectories();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const f of files) {
      const row = rows.find((r) => r.migration_name === f.name)!;
      expect(row.checksum).toBe(createHash("sha256").update(readFileSync(`prisma/migrations/${f.name}/migration.sql`)).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  });

  it("have a foreign-key index on every relation column", async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    // Foreign keys whose first column does not lead any index on the table.
    const { rows } = await c.query(`
      SELECT conrelid::regclass::text AS tbl, a.attname AS col
      FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
      WHERE k.contype = 'f' AND NOT EXISTS (
        SELECT 1 FROM pg_index i WHERE i.indrelid = k.conrelid AND i.indkey[0] = k.conkey[1])`);
    await c.end();
    expect(rows).toEqual([]);
  });

  it("create the database first when the server has none of that name (two runners at once), as Prisma's migrate does", async () => {
    const name = `keystone_new_${Date.now().toString(36)}`;
    const url = databaseUrl(name);
    try {
      const runs = await Promise.all([applyMigrations(url), applyMigrations(url)]);
      // The advisory lock lets one runner apply everything and the other find nothing left to do.
      expect(runs.map((r) => r.length).sort()).toEqual([0, loadMigrationDirectories().length]);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
      await c.end();
      expect(rows[0].n).toBe(loadMigrationDirectories().length);
    } finally {
      await dropTestDatabase(name);
    }
  });

  it("use a URL helper that only changes the database name", () => {
    expect(new URL(databaseUrl("x")).pathname).toBe("/x");
  });
});
