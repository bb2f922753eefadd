import { requirePageUser } from "@/lib/auth/session";
import { loadProposal } from "./load";

// A proposal that is not there is decided here, outside the page's loading skeleton, so that the
// answer is a 404 in its HTTP status as well as on the screen.
export default async function EditProposalLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string; proposalId: string }> }) {
  const { id, proposalId } = await params;
  await loadProposal(await requirePageUser(), id, proposalId);
  return children;
}
