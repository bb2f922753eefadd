import { requirePageUser } from "@/lib/auth/session";
import { loadVersion } from "./load";

// A version that is not there is decided here, outside the page's loading skeleton, so that the
// answer is a 404 in its HTTP status as well as on the screen.
export default async function VersionLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string; n: string }> }) {
  const { id, n } = await params;
  await loadVersion(await requirePageUser(), id, n);
  return children;
}
