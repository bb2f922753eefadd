import { withAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";
import { authSecret } from "@/lib/auth/secret";

// First gate only: pages without a session go to /login (and come back after), API routes get
// 401 JSON. Every page and route still checks the user and the policy itself.
export default withAuth(
  function proxy(req) {
    const headers = new Headers(req.headers);
    headers.set("x-keystone-path", req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.next({ request: { headers } });
  },
  {
    pages: { signIn: "/login" },
    secret: authSecret(),
    callbacks: {
      authorized: ({ token, req }) => {
        if (token) return true;
        // Let API requests through to their handlers, which answer 401 JSON themselves.
        return req.nextUrl.pathname.startsWith("/api/");
      },
    },
  },
);

export const config = {
  matcher: ["/((?!login|api/auth|api/health|_next/static|_next/image|favicon.ico|fonts/).*)"],
};
