// The baseline of `npm run bench` as a server in a process of its own, as the app has: the bench's
// load generator shares neither side's event loop, so neither side's answers wait behind it.
// Started by bench/run.ts with fork(); it sends the pools' settings and the dashboard's
// statements over IPC and waits for "listening".
import http from "node:http";
import pg from "pg";
import { baselineHandlers, type BenchIds, type RawStatement } from "./baseline";
import { dashboardPlannerOptions } from "../lib/dashboard/planner";

type Setup = { databaseUrl: string; ids: BenchIds; statements: RawStatement[]; port: number };

process.once("message", (setup: Setup) => {
  const pool = new pg.Pool({ connectionString: setup.databaseUrl, max: 10 });
  // The dashboard's statements run with the app's planner settings (lib/dashboard/service.ts).
  const dashboardPool = new pg.Pool({ connectionString: setup.databaseUrl, max: 10, options: dashboardPlannerOptions() });
  const handlers = baselineHandlers(pool, setup.ids, { pool: dashboardPool, statements: setup.statements });
  const server = http.createServer(async (req, res) => {
    const h = handlers[(req.url ?? "").slice(1)];
    if (!h) return res.writeHead(404).end();
    try {
      const body = JSON.stringify(await h());
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  server.keepAliveTimeout = 65_000;
  server.listen(setup.port, "127.0.0.1", () => process.send?.("listening"));
  process.once("disconnect", () => {
    server.close();
    void Promise.all([pool.end(), dashboardPool.end()]).finally(() => process.exit(0));
  });
});
