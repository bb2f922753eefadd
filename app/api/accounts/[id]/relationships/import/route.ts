import { json, parseBody, withUser } from "@/lib/http";
import { ZCsvImport } from "@/lib/relationships/schema";
import { importRelationships } from "@/lib/relationships/csv-service";

/** `mode: "preview"` reports row by row; `mode: "commit"` imports (all rows, or the valid ones with `skipInvalidRows`). */
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZCsvImport);
  return json(await importRelationships({ user, accountId: params.id, input }));
});
