import type { Metadata } from "next";
import { orNotFound } from "@/lib/not-found";
import { requirePageUser } from "@/lib/auth/session";
import { getRelationshipMap } from "@/lib/relationships/service";
import { RelationshipsWorkspace } from "@/components/relationships/workspace";

export const metadata: Metadata = { title: "Relationships" };

export default async function RelationshipsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser();
  const map = await orNotFound(getRelationshipMap({ user, accountId: id }));
  return <RelationshipsWorkspace initial={map} />;
}
