import { requirePageAction } from "@/lib/auth/session";

// Decided here, outside the page's loading skeleton, so that for anyone else the answer is a 404 in
// its HTTP status as well as on the screen.
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requirePageAction("user:manage");
  return children;
}
