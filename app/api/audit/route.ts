import { json, parseQuery, withUser } from "@/lib/http";
import { ZAuditQuery } from "@/lib/audit-log/schema";
import { listAuditEvents } from "@/lib/audit-log/service";

export const GET = withUser(async ({ req, user }) => json(await listAuditEvents({ user, query: parseQuery(req, ZAuditQuery) })));
