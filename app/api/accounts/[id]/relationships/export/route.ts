import { withUser } from "@/lib/http";
import { exportRelationships } from "@/lib/relationships/csv-service";

export const GET = withUser<{ id: string }>(async ({ user, params }) => {
  const { filename, csv } = await exportRelationships({ user, accountId: params.id });
  return new Response(`\uFEFF${csv}`, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
});
