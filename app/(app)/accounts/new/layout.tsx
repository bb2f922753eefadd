import { requirePageAction } from "@/lib/auth/session";

// Who may not create accounts (a mentor) is decided here, outside the page's loading skeleton, so
// that the answer is a 404 in its HTTP status as well as on the screen.
export default async function NewAccountLayout({ children }: { children: React.ReactNode }) {
  await requirePageAction("account:create");
  return children;
}
