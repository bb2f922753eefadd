import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent } from "next/server";
import { authSecret } from "@/lib/auth/secret";
import { decodeSessionToken } from "@/lib/auth/token";
import { databaseKnownDown } from "@/lib/db-status";
import { isPageLoad, outageResponse } from "@/lib/outage-page";

// First gate for pages only: without a session they go to /login (and come back after). API
// routes are not matched: each one checks the session itself (withUser, 401 JSON), so running the
// proxy on them would only decode the same token twice. Every page still checks the user and the
// policy itself.
const signedIn = withAuth(
  function proxy(req) {
    const headers = new Headers(req.headers);
    headers.set("x-keystone-path", req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.next({ request: { headers } });
  },
  {
    pages: { signIn: "/login" },
    secret: authSecret(),
    jwt: { decode: decodeSessionToken },
    callbacks: {
      authorized: ({ token }) => Boolean(token),
    },
  },
);

// While PostgreSQL is known to be away, a page load gets the 503 page at once (lib/outage-page.ts).
export default async function proxy(req: NextRequestWithAuth, event: NextFetchEvent) {
  if (isPageLoad(req) && (await databaseKnownDown())) return outageResponse();
  return signedIn(req, event);
}

export const config = {
  matcher: ["/((?!login|api/|_next/static|_next/image|favicon.ico|icon.svg|fonts/).*)"],
};
