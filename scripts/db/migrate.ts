// `npm run db:migrate`: apply pending migrations to DATABASE_URL (creating its database if the
// server has none of that name).
import { applyMigrations } from "./migrations";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  process.exit(1);
}

/** Where DATABASE_URL points, without its password. */
function where(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "the address in DATABASE_URL";
  }
}

try {
  const applied = await applyMigrations(url, { log: console.log });
  console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");
} catch (e) {
  const error = e as { code?: string; message?: string };
  const unreachable = ["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "EAI_AGAIN"].includes(error.code ?? "");
  console.error(
    unreachable
      ? `Cannot reach PostgreSQL at ${where(url)} (${error.code}). Start it, correct DATABASE_URL, or unset DATABASE_URL to let npm start run its own embedded PostgreSQL.`
      : `Could not migrate the database at ${where(url)}: ${error.message ?? String(e)}`,
  );
  process.exit(1);
}
