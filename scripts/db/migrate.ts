// `npm run db:migrate`: apply pending migrations to DATABASE_URL.
import { applyMigrations } from "./migrations";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  process.exit(1);
}
const applied = await applyMigrations(url, { log: console.log });
console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");
