import { json, parseQuery, withUser } from "@/lib/http";
import { ZDashboardFilters } from "@/lib/dashboard/schema";
import { getDashboard } from "@/lib/dashboard/service";

// GET /api/dashboard?region=&industry=&ownerId=&tierId= : every figure of the portfolio dashboard
// for the accounts the caller may see.
export const GET = withUser(async ({ req, user }) => {
  const filters = parseQuery(req, ZDashboardFilters);
  return json(await getDashboard({ user, filters }), 200, { "cache-control": "private, no-store" });
});
