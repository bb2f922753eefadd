// Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), used to write
// migration SQL and to check for drift without Prisma's native engine binary (which cannot be
// downloaded on our machines; see DEVELOPERS.md).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

type Bg = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type DiffTarget = import("@prisma/schema-engine-wasm").DiffTarget;

const require = createRequire(import.meta.url);
const filters = { externalTables: [] as string[], externalEnums: [] as string[] };

let bgPromise: Promise<Bg> | undefined;
// Node cannot `import` a .wasm file, so instantiate it the way the package's bundler entry would.
async function loadEngineModule(): Promise<Bg> {
  bgPromise ??= (async () => {
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bg: Bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start?: () => void };
    (bg as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
    return bg;
  })();
  return bgPromise;
}

/** pg config with explicit fields, so the adapter's shadow database can override `database`. */
function poolConfig(connectionString: string) {
  const u = new URL(connectionString);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: u.pathname.slice(1) || "postgres",
  };
}

/**
 * PrismaPg's own shadow database drops the database before closing its pool, which PostgreSQL
 * refuses; this factory closes first, then drops.
 */
function adapterFactory(connectionString: string): SqlMigrationAwareDriverAdapterFactory {
  const config = poolConfig(connectionString);
  const factory = new PrismaPg(config);
  const admin = async (sql: string) => {
    const client = new pg.Client(config);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: async () => {
      const name = `keystone_shadow_${randomUUID().replace(/-/g, "")}`;
      await admin(`CREATE DATABASE "${name}"`);
      const adapter = await new PrismaPg({ ...config, database: name }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return adapter;
    },
  };
}

export const datamodel = (content: string): DiffTarget => ({ tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] });

/**
 * The SQL that turns `from` into `to`. The engine insists on a database adapter even for two
 * datamodels; it only opens a connection for database-backed sources.
 */
export async function diff(from: DiffTarget, to: DiffTarget, connectionString: string): Promise<string> {
  const bg = await loadEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory(connectionString));
  const schema = to.tag === "schemaDatamodel" ? to.files[0].content : "";
  const engine = await bg.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, adapter);
  try {
    const result = await engine.diff({ from, to, script: true, exitCode: null, filters });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}

export const isEmptyMigration = (sql: string) => sql.trim() === "" || sql.includes("This is an empty migration");
