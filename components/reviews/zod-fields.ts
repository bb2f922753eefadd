import type { ZodError } from "zod";

/** Zod issues as { "field.path": "message" }, the same shape as the API's 422 `fields`. */
export function zodFieldsOf(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "body";
    out[key] ??= issue.message;
  }
  return out;
}
