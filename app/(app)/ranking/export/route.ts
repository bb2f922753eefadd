import { withUser } from "@/lib/http";
import { rankingCsv } from "@/lib/scoring/ranking-service";

/** The ranking as CSV (every account the caller may see, in ranking order). */
export const GET = withUser(async ({ user }) => {
  const csv = await rankingCsv({ user });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="keystone-ranking-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
