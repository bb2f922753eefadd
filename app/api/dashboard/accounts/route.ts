import { json, parseQuery, withUser } from "@/lib/http";
import { ZDrillQuery } from "@/lib/dashboard/schema";
import { exportDashboardAccounts, listDashboardAccounts } from "@/lib/dashboard/drill";
import { csvFileName } from "@/lib/dashboard/model";

// GET /api/dashboard/accounts?metric=…&region=…&page=… : the accounts behind one figure;
// `format=csv` downloads all of them.
export const GET = withUser(async ({ req, user }) => {
  const query = parseQuery(req, ZDrillQuery);
  if (query.format === "csv") {
    const { title, csv, today } = await exportDashboardAccounts({ user, query });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${csvFileName(title, today)}"`,
        "cache-control": "private, no-store",
      },
    });
  }
  return json(await listDashboardAccounts({ user, query }), 200, { "cache-control": "private, no-store" });
});
