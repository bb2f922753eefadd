import type { Metadata } from "next";
import { ScrollText } from "lucide-react";
import { requirePageAction } from "@/lib/auth/session";
import { ZAuditQuery } from "@/lib/audit-log/schema";
import { listAuditEvents } from "@/lib/audit-log/service";
import { listPeople } from "@/lib/accounts/service";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageAction("audit:read");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ZAuditQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : ZAuditQuery.parse({});
  const [log, people] = await Promise.all([listAuditEvents({ user, query }), listPeople()]);
  return (
    <>
      <PageHeader title="Audit log" description="Every change: who, when, what, and the record before and after." />
      <AuditFilters people={people} actions={log.facets.actions} entityTypes={log.facets.entityTypes} account={log.filterAccount} />
      {log.items.length === 0 ? (
        <EmptyState icon={<ScrollText className="h-8 w-8" />} title="No events match these filters" />
      ) : (
        <>
          <AuditTable items={JSON.parse(JSON.stringify(log.items))} />
          <Pagination page={log.page} pageSize={log.pageSize} total={log.total} />
        </>
      )}
    </>
  );
}
