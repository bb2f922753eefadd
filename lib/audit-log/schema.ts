import { z } from "zod";

const opt = (s: z.ZodString) => s.optional().or(z.literal("").transform(() => undefined));

export const ZAuditQuery = z.object({
  actorId: opt(z.string().max(40)),
  action: opt(z.string().max(80)),
  entityType: opt(z.string().max(40)),
  accountId: opt(z.string().max(40)),
  /** The id in the server's log lines and in an error's body: the events that request wrote. */
  requestId: opt(z.string().trim().max(100)),
  from: opt(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD")),
  to: opt(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD")),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
