import { withUser } from "@/lib/http";
import { exportPeople } from "@/lib/relationships/csv-service";

export const GET = withUser<{ id: string }>(async ({ user, params }) => {
  const { filename, csv } = await exportPeople({ user, accountId: params.id });
  return new Response(`\uFEFF${csv}`, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
});
