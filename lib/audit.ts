import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/db";
import { currentRequestId } from "@/lib/request-context";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  accountId?: string | null;
  before?: unknown;
  after?: unknown;
};

const asJson = (v: unknown) =>
  v === undefined || v === null ? Prisma.DbNull : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue);

/**
 * Records who did what, when, with the state before and after, and the API request that did it.
 * Call inside the write's transaction.
 */
export async function recordAudit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      accountId: e.accountId ?? null,
      before: asJson(e.before),
      after: asJson(e.after),
      requestId: currentRequestId(),
    },
  });
}
