import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getRelationshipMap } from "@/lib/relationships/service";
import { RelationshipsWorkspace } from "@/components/relationships/workspace";

export const metadata: Metadata = { title: "Relationships" };

export default async function RelationshipsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const map = await getRelationshipMap({ user, accountId: id }).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return <RelationshipsWorkspace initial={map} />;
}
